package org.gongtong.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.gongtong.insight.Totals;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.gongtong.search.SearchScope;
import org.gongtong.search.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Results (科技成果), scoped like needs. */
@Repository
class Results {

    static final String SELECT = """
            SELECT n.*, o.name AS organisation_name, o.county_code
            FROM tech_result n JOIN organisation o ON o.id = n.organisation_id""";

    private final JdbcClient jdbc;
    private final Totals totals;

    Results(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    long insert(ResultForm f, long organisationId, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tech_result (organisation_id, title, summary, trl, ip_summary, industry, field,
                          cooperation, price, terms, visibility, demo, created_at, updated_at)
                        VALUES (:org, :title, :summary, :trl, :ip, :industry, :field, :coop, :price, :terms, :vis,
                          :demo, :at, :at)""")
                .param("org", organisationId)
                .param("title", f.title())
                .param("summary", f.summary())
                .param("trl", f.trl())
                .param("ip", f.ipSummary())
                .param("industry", f.industry())
                .param("field", f.field())
                .param("coop", Market.joinCooperation(f.cooperation()))
                .param("price", f.price())
                .param("terms", f.terms())
                .param("vis", f.visibility().name())
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("tech_result");
        return keys.getKey().longValue();
    }

    Optional<TechResult> find(long id) {
        return jdbc.sql(SELECT + " WHERE n.id = :id")
                .param("id", id)
                .query(Results::map)
                .optional();
    }

    static String where(ResultCriteria c, SearchScope scope, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        w.append(Needs.visible(scope, params));
        if (c.q() != null) {
            w.append(" AND (LOWER(n.title) LIKE :q ESCAPE '\\' OR LOWER(n.summary) LIKE :q ESCAPE '\\')");
            params.put("q", Sql.contains(c.q().toLowerCase(java.util.Locale.ROOT)));
        }
        if (c.industry() != null) {
            w.append(" AND n.industry = :industry");
            params.put("industry", c.industry());
        }
        if (c.county() != null) {
            // EXISTS rather than the joined o: H2 then walks the rows newest first and stops at the page,
            // instead of joining and sorting every row of the county (~200 ms to ~1 ms on 100,000 rows)
            w.append(" AND EXISTS (SELECT 1 FROM organisation oc WHERE oc.id = n.organisation_id"
                    + " AND oc.county_code = :county)");
            params.put("county", c.county());
        }
        if (c.organisationId() != null) {
            w.append(" AND n.organisation_id = :org");
            params.put("org", c.organisationId());
        }
        if (c.cooperation() != null) {
            w.append(" AND n.cooperation LIKE :coop");
            params.put("coop", "%" + c.cooperation().name() + "%");
        }
        if (c.minTrl() != null) {
            w.append(" AND n.trl >= :trl");
            params.put("trl", c.minTrl());
        }
        return w.toString();
    }

    PageResult<TechResult> page(ResultCriteria c, SearchScope scope, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, scope, params);
        long total = totals.count(
                "SELECT COUNT(*) FROM tech_result n JOIN organisation o ON o.id = n.organisation_id" + where,
                params,
                "tech_result");
        List<TechResult> rows = page.size() == 0 || total == 0
                ? List.of()
                : jdbc.sql(SELECT + where + " ORDER BY n.id DESC LIMIT :limit OFFSET :offset")
                        .params(params)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(Results::map)
                        .list();
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    List<TechResult> all(ResultCriteria c, SearchScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql(SELECT + where(c, scope, params) + " ORDER BY n.id DESC")
                .params(params)
                .query(Results::map)
                .list();
    }

    void forEach(Consumer<TechResult> sink) {
        jdbc.sql(SELECT + " ORDER BY n.id").query(Results::map).list().forEach(sink);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM tech_result").query(Long.class).single();
    }

    static TechResult map(ResultSet rs, int row) throws SQLException {
        int trl = rs.getInt("trl");
        Integer t = rs.wasNull() ? null : trl;
        return new TechResult(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("organisation_name"),
                rs.getString("county_code"),
                rs.getString("title"),
                rs.getString("summary"),
                t,
                rs.getString("ip_summary"),
                rs.getString("industry"),
                rs.getString("field"),
                Market.parseCooperation(rs.getString("cooperation")),
                rs.getBigDecimal("price"),
                rs.getString("terms"),
                Visibility.valueOf(rs.getString("visibility")),
                rs.getBoolean("demo"),
                Sql.instant(rs, "created_at"));
    }
}
