package org.gongtong.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The portal_registration and portal_reset_token tables. */
@Repository
class RegistrationRecords {

    private static final String COLUMNS =
            "id, uscc, name, kind, county_code, industry_code, contact_name, contact_phone,"
                    + " contact_email, username, status, reason, organisation_id, user_id, created_at, decided_at, decided_by";

    private final JdbcClient jdbc;

    RegistrationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Registration.Form f, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO portal_registration (uscc, pending_uscc, name, kind, county_code, industry_code,
                          contact_name, contact_phone, contact_email, username, status, created_at)
                        VALUES (:uscc, :uscc, :name, :kind, :county, :industry, :cn, :cp, :ce, :u, 'PENDING', :now)""")
                .param("uscc", f.uscc())
                .param("name", f.name())
                .param("kind", f.kind())
                .param("county", f.county())
                .param("industry", f.industry())
                .param("cn", f.contactName())
                .param("cp", f.contactPhone())
                .param("ce", f.contactEmail())
                .param("u", f.username())
                .param("now", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean pendingUscc(String uscc) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_registration WHERE pending_uscc = :u")
                        .param("u", uscc)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean pendingUsername(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_registration WHERE status = 'PENDING' AND username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** PENDING → APPROVED or REJECTED, only once. */
    boolean decide(long id, Registration.Status to, String reason, Long org, Long user, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE portal_registration SET status = :to, pending_uscc = NULL, reason = :reason,
                          organisation_id = :org, user_id = :user, decided_by = :by, decided_at = :now
                        WHERE id = :id AND status = 'PENDING'""")
                        .param("to", to.name())
                        .param("reason", reason)
                        .param("org", org)
                        .param("user", user)
                        .param("by", by)
                        .param("now", Sql.timestamp(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Registration> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_registration WHERE id = :id")
                .param("id", id)
                .query(RegistrationRecords::map)
                .optional();
    }

    PageResult<Registration> list(Registration.Status status, String county, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        if (status != null) {
            where.append(" AND status = :s");
        }
        if (county != null) {
            where.append(" AND county_code = :c");
        }
        var count = jdbc.sql("SELECT COUNT(*) FROM portal_registration" + where);
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM portal_registration" + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset");
        if (status != null) {
            count = count.param("s", status.name());
            list = list.param("s", status.name());
        }
        if (county != null) {
            count = count.param("c", county);
            list = list.param("c", county);
        }
        long total = count.query(Long.class).single();
        List<Registration> content = list.param("limit", page.size())
                .param("offset", page.offset())
                .query(RegistrationRecords::map)
                .list();
        return new PageResult<>(content, total, page.page(), page.size());
    }

    // one-time password links

    void insertToken(String hash, long userId, Instant expires, String by, Instant now) {
        jdbc.sql("INSERT INTO portal_reset_token (token_hash, user_id, expires_at, created_by, created_at)"
                        + " VALUES (:h, :u, :e, :by, :now)")
                .param("h", hash)
                .param("u", userId)
                .param("e", Sql.timestamp(expires))
                .param("by", by)
                .param("now", Sql.timestamp(now))
                .update();
    }

    Optional<Long> validToken(String hash, Instant now) {
        return jdbc.sql("SELECT user_id FROM portal_reset_token WHERE token_hash = :h AND used_at IS NULL"
                        + " AND expires_at > :now")
                .param("h", hash)
                .param("now", Sql.timestamp(now))
                .query(Long.class)
                .optional();
    }

    boolean useToken(String hash, Instant now) {
        return jdbc.sql("UPDATE portal_reset_token SET used_at = :now WHERE token_hash = :h AND used_at IS NULL"
                                + " AND expires_at > :now")
                        .param("h", hash)
                        .param("now", Sql.timestamp(now))
                        .update()
                == 1;
    }

    static Registration map(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organisation_id");
        Long orgId = rs.wasNull() ? null : org;
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        return new Registration(
                rs.getLong("id"),
                rs.getString("uscc"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("county_code"),
                rs.getString("industry_code"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("contact_email"),
                rs.getString("username"),
                Registration.Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                orgId,
                userId,
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "decided_at"),
                rs.getString("decided_by"));
    }
}
