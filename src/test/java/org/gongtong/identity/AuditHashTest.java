package org.gongtong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditHashTest {

    static final AuditLog.Entry ENTRY = new AuditLog.Entry(
            7,
            Instant.parse("2026-01-02T03:04:05.678Z"),
            "admin",
            "ORGANISATION_UPDATED",
            "organisation",
            "42",
            "{\"name\":\"旧\"}",
            "{\"name\":\"新\"}",
            null,
            "a".repeat(64),
            null);

    @Test
    void isSha256OfTheCanonicalFields() throws Exception {
        String canonical = String.join(
                "\u001f",
                "7",
                "2026-01-02T03:04:05.678Z",
                "admin",
                "ORGANISATION_UPDATED",
                "organisation",
                "42",
                "{\"name\":\"旧\"}",
                "{\"name\":\"新\"}",
                "\u0000",
                "a".repeat(64));
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(AuditLog.hash(ENTRY)).isEqualTo(expected).hasSize(64);
        assertThat(AuditLog.hash(ENTRY)).isEqualTo(AuditLog.hash(ENTRY));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change(
                        "seq",
                        e -> with(
                                e,
                                8,
                                e.occurredAt(),
                                e.actor(),
                                e.action(),
                                e.entityId(),
                                e.after(),
                                e.reason(),
                                e.prevHash())),
                change(
                        "time",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt().plusMillis(1),
                                e.actor(),
                                e.action(),
                                e.entityId(),
                                e.after(),
                                e.reason(),
                                e.prevHash())),
                change(
                        "actor",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt(),
                                "admin2",
                                e.action(),
                                e.entityId(),
                                e.after(),
                                e.reason(),
                                e.prevHash())),
                change(
                        "action",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt(),
                                e.actor(),
                                "ORGANISATION_REGISTERED",
                                e.entityId(),
                                e.after(),
                                e.reason(),
                                e.prevHash())),
                change(
                        "entity",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt(),
                                e.actor(),
                                e.action(),
                                "43",
                                e.after(),
                                e.reason(),
                                e.prevHash())),
                change(
                        "after",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt(),
                                e.actor(),
                                e.action(),
                                e.entityId(),
                                "{\"name\":\"新 \"}",
                                e.reason(),
                                e.prevHash())),
                change(
                        "reason null vs empty",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt(),
                                e.actor(),
                                e.action(),
                                e.entityId(),
                                e.after(),
                                "",
                                e.prevHash())),
                change(
                        "previous hash",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt(),
                                e.actor(),
                                e.action(),
                                e.entityId(),
                                e.after(),
                                e.reason(),
                                "b".repeat(64))),
                // the separator keeps field boundaries: moving a character from one field to the next changes the hash
                change(
                        "boundary",
                        e -> with(
                                e,
                                e.seq(),
                                e.occurredAt(),
                                "admi",
                                "nORGANISATION_UPDATED",
                                e.entityId(),
                                e.after(),
                                e.reason(),
                                e.prevHash())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangeChangesTheHash(String what, UnaryOperator<AuditLog.Entry> change) {
        assertThat(AuditLog.hash(change.apply(ENTRY))).isNotEqualTo(AuditLog.hash(ENTRY));
    }

    @Test
    void theStoredHashIsNotPartOfTheInput() {
        AuditLog.Entry withHash = new AuditLog.Entry(
                ENTRY.seq(),
                ENTRY.occurredAt(),
                ENTRY.actor(),
                ENTRY.action(),
                ENTRY.entityType(),
                ENTRY.entityId(),
                ENTRY.before(),
                ENTRY.after(),
                ENTRY.reason(),
                ENTRY.prevHash(),
                "c".repeat(64));
        assertThat(AuditLog.hash(withHash)).isEqualTo(AuditLog.hash(ENTRY));
    }

    private static Arguments change(String name, UnaryOperator<AuditLog.Entry> f) {
        return Arguments.of(name, f);
    }

    private static AuditLog.Entry with(
            AuditLog.Entry e,
            long seq,
            Instant at,
            String actor,
            String action,
            String id,
            String after,
            String reason,
            String prev) {
        return new AuditLog.Entry(seq, at, actor, action, e.entityType(), id, e.before(), after, reason, prev, null);
    }
}
