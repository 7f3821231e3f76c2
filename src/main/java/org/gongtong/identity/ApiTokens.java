package org.gongtong.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Sql;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. The token itself is shown once; only its SHA-256 digest is stored, and a
 * request is authenticated by looking the digest up (an index hit, microseconds) rather than by a
 * slow password hash. A 256-bit random token needs no slow hash: it cannot be guessed.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "gt_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, AuditLog audit, @Value("${gongtong.security.token-ttl:12h}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.ttl = ttl;
    }

    /** A token as first handed out: the secret itself, never stored. */
    public record IssuedToken(long id, String token, Instant expiresAt) {}

    /** A token as listed: never the secret. */
    public record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {}

    @Transactional
    public IssuedToken issue(long userId, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (user_id, digest, name, created_at, expires_at) VALUES (:u, :d, :n, :c, :e)")
                .param("u", userId)
                .param("d", digest(token))
                .param("n", name)
                .param("c", Sql.timestamp(now))
                .param("e", Sql.timestamp(expires))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("TOKEN_ISSUED", "api_token", id, null, java.util.Map.of("userId", userId));
        return new IssuedToken(id, token, expires);
    }

    /** The user id a live token belongs to. */
    Optional<Long> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM api_token WHERE digest = :d AND revoked_at IS NULL AND expires_at > :now")
                .param("d", digest(token))
                .param("now", Sql.timestamp(clock.instant()))
                .query(Long.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(long userId) {
        return jdbc.sql("SELECT id, name, created_at, expires_at, revoked_at FROM api_token WHERE user_id = :u"
                        + " ORDER BY id DESC")
                .param("u", userId)
                .query((rs, n) -> new TokenInfo(
                        rs.getLong("id"),
                        rs.getString("name"),
                        Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "revoked_at")))
                .list();
    }

    /** Revokes a token; its owner or an administrator may. */
    @Transactional
    public void revoke(long tokenId, Actor by) {
        Long owner = jdbc.sql("SELECT user_id FROM api_token WHERE id = :id")
                .param("id", tokenId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("token.notFound", tokenId));
        if (!by.isAdmin() && owner != by.userId()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        int n = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", Sql.timestamp(clock.instant()))
                .param("id", tokenId)
                .update();
        if (n > 0) {
            audit.record("TOKEN_REVOKED", "api_token", tokenId, null, java.util.Map.of("userId", owner));
        }
    }

    /** Revokes the token presented on this request. */
    @Transactional
    public boolean revokeByToken(String token) {
        Optional<Long> id = jdbc.sql("SELECT id FROM api_token WHERE digest = :d AND revoked_at IS NULL")
                .param("d", digest(token))
                .query(Long.class)
                .optional();
        id.ifPresent(tid -> {
            jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id")
                    .param("now", Sql.timestamp(clock.instant()))
                    .param("id", tid)
                    .update();
            audit.record("TOKEN_REVOKED", "api_token", tid, null, null);
        });
        return id.isPresent();
    }

    /** Revokes every token of a user (on disable or password reset). */
    @Transactional
    public void revokeAll(long userId) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL")
                .param("now", Sql.timestamp(clock.instant()))
                .param("u", userId)
                .update();
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
