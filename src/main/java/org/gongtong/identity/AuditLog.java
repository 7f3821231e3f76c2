package org.gongtong.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained audit log. Each entry's hash covers its own fields and the hash
 * of the entry before it, so changing, inserting or deleting any row breaks every later link;
 * {@link #verify()} re-walks the chain and names the first broken one.
 *
 * <p>An entry is written in the caller's transaction: a change that rolls back leaves no entry,
 * and a change that commits always has one. The single head row is locked while appending, which
 * keeps the chain linear when many transactions write at once.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change by the current actor (or {@code system}). */
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(String action, String entityType, Object entityId, Object before, Object after) {
        return record(Actor.currentOrSystem().username(), action, entityType, entityId, before, after, null);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public long record(String action, String entityType, Object entityId, Object before, Object after, String reason) {
        return record(Actor.currentOrSystem().username(), action, entityType, entityId, before, after, reason);
    }

    /** Records an event on behalf of a named actor (a login attempt before anyone is signed in). */
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(
            String actor,
            String action,
            String entityType,
            Object entityId,
            Object before,
            Object after,
            String reason) {
        Head head = lockHead();
        Entry e = entry(head, actor, action, entityType, entityId, before, after, reason);
        jdbc.sql(INSERT).params(insertParams(e)).update();
        moveHead(e);
        return e.seq();
    }

    /** One change for {@link #recordAll}. */
    public record Change(String action, String entityType, Object entityId, Object before, Object after) {}

    /**
     * Records several changes by the current actor (or {@code system}) in the caller's
     * transaction: the same entries and chain as recording them one by one, written as one batch
     * under one lock of the head row. Returns the last entry's sequence number (0 for none).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        String actor = Actor.currentOrSystem().username();
        Head head = lockHead();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[changes.size()];
        Entry e = null;
        for (int i = 0; i < rows.length; i++) {
            Change c = changes.get(i);
            e = entry(head, actor, c.action(), c.entityType(), c.entityId(), c.before(), c.after(), null);
            rows[i] = new MapSqlParameterSource(insertParams(e));
            head = new Head(e.seq(), e.hash());
        }
        named.batchUpdate(INSERT, rows);
        moveHead(e);
        return e.seq();
    }

    private static final String INSERT = """
            INSERT INTO audit_entry (seq, occurred_at, actor, action, entity_type, entity_id,
              before_state, after_state, reason, prev_hash, hash)
            VALUES (:seq, :at, :actor, :action, :type, :id, :before, :after, :reason, :prev, :hash)""";

    private Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** The entry after {@code head}, with its hash. */
    private Entry entry(
            Head head,
            String actor,
            String action,
            String entityType,
            Object entityId,
            Object before,
            Object after,
            String reason) {
        Entry e = new Entry(
                head.seq() + 1,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                truncate(actor, 64),
                truncate(action, 64),
                truncate(entityType, 64),
                entityId == null ? null : truncate(entityId.toString(), 64),
                toJson(before),
                toJson(after),
                truncate(reason, 1000),
                head.hash(),
                null);
        return e.withHash(hash(e));
    }

    private static Map<String, Object> insertParams(Entry e) {
        Map<String, Object> p = new HashMap<>();
        p.put("seq", e.seq());
        p.put("at", Sql.timestamp(e.occurredAt()));
        p.put("actor", e.actor());
        p.put("action", e.action());
        p.put("type", e.entityType());
        p.put("id", e.entityId());
        p.put("before", e.before());
        p.put("after", e.after());
        p.put("reason", e.reason());
        p.put("prev", e.prevHash());
        p.put("hash", e.hash());
        return p;
    }

    private void moveHead(Entry last) {
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", last.seq())
                .param("hash", last.hash())
                .update();
    }

    /** Re-walks the whole chain from the first entry; reports the first broken link, if any. */
    @Transactional(readOnly = true)
    public Verification verify() {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        final int batch = 5000;
        long after = 0;
        while (true) {
            List<Entry> entries = jdbc.sql("""
                            SELECT seq, occurred_at, actor, action, entity_type, entity_id, before_state,
                              after_state, reason, prev_hash, hash
                            FROM audit_entry WHERE seq > :after ORDER BY seq FETCH FIRST :n ROWS ONLY""")
                    .param("after", after)
                    .param("n", batch)
                    .query((rs, n) -> new Entry(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11)))
                    .list();
            for (Entry e : entries) {
                if (e.seq() != expectedSeq) {
                    return Verification.broken(count, e.seq(), "gap: expected entry " + expectedSeq);
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return Verification.broken(count, e.seq(), "previous hash does not match");
                }
                if (!hash(e).equals(e.hash())) {
                    return Verification.broken(count, e.seq(), "content does not match its hash");
                }
                expectedPrev = e.hash();
                expectedSeq++;
                count++;
                after = e.seq();
            }
            if (entries.size() < batch) {
                break;
            }
        }
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        if (head.seq() != count || !head.hash().equals(expectedPrev)) {
            return Verification.broken(count, count + 1, "entries missing at the end of the chain");
        }
        return new Verification(true, count, null, null);
    }

    /** The newest entries, optionally for one entity, for the audit pages. */
    @Transactional(readOnly = true)
    public List<AuditRecord> recent(String entityType, String entityId, int limit) {
        String where = entityType == null ? "" : " WHERE entity_type = :type AND entity_id = :id";
        var spec = jdbc.sql("SELECT seq, occurred_at, actor, action, entity_type, entity_id, before_state, after_state,"
                + " reason FROM audit_entry" + where + " ORDER BY seq DESC FETCH FIRST :n ROWS ONLY");
        if (entityType != null) {
            spec = spec.param("type", entityType).param("id", entityId);
        }
        return spec.param("n", Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> new AuditRecord(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        return json.writeValueAsString(value);
    }

    static String hash(Entry e) {
        String canonical = String.join(
                "\u001f",
                Long.toString(e.seq()),
                e.occurredAt().toString(),
                n(e.actor()),
                n(e.action()),
                n(e.entityType()),
                n(e.entityId()),
                n(e.before()),
                n(e.after()),
                n(e.reason()),
                e.prevHash());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String n(String s) {
        return s == null ? "\u0000" : s;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record Head(long seq, String hash) {}

    record Entry(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String entityType,
            String entityId,
            String before,
            String after,
            String reason,
            String prevHash,
            String hash) {

        Entry withHash(String h) {
            return new Entry(seq, occurredAt, actor, action, entityType, entityId, before, after, reason, prevHash, h);
        }
    }

    /** One audit entry as the pages and API show it. */
    public record AuditRecord(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String entityType,
            String entityId,
            String before,
            String after,
            String reason) {}

    /** The result of re-walking the chain. */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {
        static Verification broken(long checked, long seq, String reason) {
            return new Verification(false, checked, seq, reason);
        }
    }
}
