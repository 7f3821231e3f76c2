package org.gongtong.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Experts and patents. */
@Repository
class Experts {

    private final JdbcClient jdbc;

    Experts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            Long org,
            String name,
            String title,
            String fields,
            String profile,
            String history,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO expert (organisation_id, name, title, fields, profile, cooperation_history, demo, created_at)
                        VALUES (:org, :name, :title, :fields, :profile, :history, :demo, :at)""")
                .param("org", org)
                .param("name", name)
                .param("title", title)
                .param("fields", fields)
                .param("profile", profile)
                .param("history", history)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    java.util.Optional<Expert> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id")
                .param("id", id)
                .query(Experts::map)
                .optional();
    }

    List<Expert> list(String q) {
        if (q == null || q.isBlank()) {
            return jdbc.sql(SELECT + " ORDER BY e.id DESC").query(Experts::map).list();
        }
        return jdbc.sql(
                        SELECT
                                + " WHERE LOWER(e.name) LIKE :q ESCAPE '\\' OR LOWER(e.fields) LIKE :q ESCAPE '\\' ORDER BY e.id DESC")
                .param("q", Sql.contains(q.strip().toLowerCase(java.util.Locale.ROOT)))
                .query(Experts::map)
                .list();
    }

    void forEach(Consumer<Expert> sink) {
        jdbc.sql(SELECT + " ORDER BY e.id").query(Experts::map).list().forEach(sink);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM expert").query(Long.class).single();
    }

    static final String SELECT =
            "SELECT e.*, o.name AS organisation_name FROM expert e LEFT JOIN organisation o ON o.id = e.organisation_id";

    static Expert map(ResultSet rs, int row) throws SQLException {
        long org = rs.getLong("organisation_id");
        return new Expert(
                rs.getLong("id"),
                rs.wasNull() ? null : org,
                rs.getString("organisation_name"),
                rs.getString("name"),
                rs.getString("title"),
                rs.getString("fields"),
                rs.getString("profile"),
                rs.getString("cooperation_history"),
                rs.getBoolean("demo"));
    }

    long insertPatent(Patent p, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO patent (patent_number, title, summary, ipc, status, owner_organisation_id, result_id, demo, created_at)
                        VALUES (:number, :title, :summary, :ipc, :status, :owner, :result, :demo, :at)""")
                .param("number", p.number())
                .param("title", p.title())
                .param("summary", p.summary())
                .param("ipc", p.ipc())
                .param("status", p.status())
                .param("owner", p.ownerOrganisationId())
                .param("result", p.resultId())
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean patentNumberTaken(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM patent WHERE patent_number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    java.util.Optional<Patent> patent(long id) {
        return jdbc.sql("SELECT * FROM patent WHERE id = :id")
                .param("id", id)
                .query(Experts::patent)
                .optional();
    }

    List<Patent> patents(Long resultId) {
        String sql = "SELECT * FROM patent" + (resultId == null ? "" : " WHERE result_id = :r") + " ORDER BY id DESC";
        var spec = jdbc.sql(sql);
        if (resultId != null) {
            spec = spec.param("r", resultId);
        }
        return spec.query(Experts::patent).list();
    }

    static Patent patent(ResultSet rs, int i) throws SQLException {
        long owner = rs.getLong("owner_organisation_id");
        Long o = rs.wasNull() ? null : owner;
        long res = rs.getLong("result_id");
        Long r = rs.wasNull() ? null : res;
        return new Patent(
                rs.getLong("id"),
                rs.getString("patent_number"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("ipc"),
                rs.getString("status"),
                o,
                r,
                rs.getBoolean("demo"));
    }
}
