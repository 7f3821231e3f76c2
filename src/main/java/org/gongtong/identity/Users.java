package org.gongtong.identity;

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

/** The user table. */
@Repository
class Users {

    private static final String COLUMNS = "id, username, display_name, role, organisation_id, county_code, enabled,"
            + " failed_attempts, locked_until, created_at, last_login_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .param("id", id)
                .query(Users::map)
                .optional();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Users::map)
                .optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    long countEnabledAdminsOtherThan(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = :r AND enabled = TRUE AND id <> :id")
                .param("r", Role.ADMIN.name())
                .param("id", id)
                .query(Long.class)
                .single();
    }

    PageResult<UserAccount> list(String q, Role role, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(username) LIKE :q OR LOWER(display_name) LIKE :q)");
        }
        if (role != null) {
            where.append(" AND role = :role");
        }
        var countSpec = jdbc.sql("SELECT COUNT(*) FROM app_user" + where);
        var listSpec = jdbc.sql(
                "SELECT " + COLUMNS + " FROM app_user" + where + " ORDER BY username LIMIT :limit OFFSET :offset");
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().toLowerCase() + "%";
            countSpec = countSpec.param("q", like);
            listSpec = listSpec.param("q", like);
        }
        if (role != null) {
            countSpec = countSpec.param("role", role.name());
            listSpec = listSpec.param("role", role.name());
        }
        long total = countSpec.query(Long.class).single();
        List<UserAccount> content = listSpec.param("limit", page.size())
                .param("offset", page.offset())
                .query(Users::map)
                .list();
        return new PageResult<>(content, total, page.page(), page.size());
    }

    long insert(
            String username,
            String displayName,
            String passwordHash,
            Role role,
            Long organisationId,
            String county,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, organisation_id,
                          county_code, enabled, failed_attempts, created_at, password_changed_at)
                        VALUES (:u, :d, :p, :r, :o, :c, TRUE, 0, :now, :now)""")
                .param("u", username)
                .param("d", displayName)
                .param("p", passwordHash)
                .param("r", role.name())
                .param("o", organisationId)
                .param("c", county)
                .param("now", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateProfile(long id, String displayName, Role role, Long organisationId, String county) {
        jdbc.sql("UPDATE app_user SET display_name = :d, role = :r, organisation_id = :o, county_code = :c"
                        + " WHERE id = :id")
                .param("d", displayName)
                .param("r", role.name())
                .param("o", organisationId)
                .param("c", county)
                .param("id", id)
                .update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :e WHERE id = :id")
                .param("e", enabled)
                .param("id", id)
                .update();
    }

    void setPassword(long id, String hash, Instant now) {
        jdbc.sql("UPDATE app_user SET password_hash = :p, password_changed_at = :now, failed_attempts = 0,"
                        + " locked_until = NULL WHERE id = :id")
                .param("p", hash)
                .param("now", Sql.timestamp(now))
                .param("id", id)
                .update();
    }

    void recordFailure(long id, int attempts, Instant lockedUntil) {
        jdbc.sql("UPDATE app_user SET failed_attempts = :a, locked_until = :l WHERE id = :id")
                .param("a", attempts)
                .param("l", Sql.timestamp(lockedUntil))
                .param("id", id)
                .update();
    }

    void recordSuccess(long id, Instant now) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = :now WHERE id = :id")
                .param("now", Sql.timestamp(now))
                .param("id", id)
                .update();
    }

    static UserAccount map(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organisation_id");
        Long orgId = rs.wasNull() ? null : org;
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                orgId,
                rs.getString("county_code"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"),
                Sql.instant(rs, "locked_until"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_login_at"));
    }
}
