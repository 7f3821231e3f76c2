package org.gongtong.services;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.insight.Totals;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.gongtong.services.Incubation.Cohort;
import org.gongtong.services.Incubation.Incubatee;
import org.gongtong.services.Incubation.Incubator;
import org.gongtong.services.Incubation.Kpi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Incubators {

    private static final String INCUBATOR = """
            SELECT c.*, o.name AS operator_name,
              (SELECT COUNT(*) FROM incubatee e WHERE e.incubator_id = c.id AND e.status = 'INCUBATING') AS incubating,
              (SELECT COUNT(*) FROM incubatee e WHERE e.incubator_id = c.id AND e.status = 'GRADUATED') AS graduated
            FROM incubator c JOIN organisation o ON o.id = c.operator_id""";
    static final String INCUBATEE_FROM = " FROM incubatee e JOIN incubator c ON c.id = e.incubator_id"
            + " JOIN organisation o ON o.id = e.organisation_id";
    private static final String INCUBATEE =
            "SELECT e.*, c.name AS incubator_name, o.name AS org_name, o.county_code" + INCUBATEE_FROM;

    private final JdbcClient jdbc;
    private final Totals totals;

    /** The firms whose stay in an incubator run by {@code operatorId} overlaps {@code [from, to)}. */
    long firmsIncubatedBy(long operatorId, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                        SELECT COUNT(DISTINCT e.organisation_id) FROM incubatee e JOIN incubator i ON i.id = e.incubator_id
                        WHERE i.operator_id = :o AND e.entry_date < :to AND (e.left_on IS NULL OR e.left_on >= :from)""")
                .param("o", operatorId)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    Incubators(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    long insert(
            String name, long operator, String industry, String address, BigDecimal space, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO incubator (name, operator_id, industry_code, address, space_m2, demo, created_at)
                        VALUES (:n, :o, :i, :a, :s, :demo, :at)""")
                .param("n", name)
                .param("o", operator)
                .param("i", industry)
                .param("a", address)
                .param("s", space)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("incubator");
        return keys.getKey().longValue();
    }

    Optional<Incubator> find(long id) {
        return jdbc.sql(INCUBATOR + " WHERE c.id = :id")
                .param("id", id)
                .query(Incubators::incubator)
                .optional();
    }

    List<Incubator> list(String industry, Long operator) {
        Map<String, Object> p = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (industry != null) {
            w.append(" AND c.industry_code = :i");
            p.put("i", industry);
        }
        if (operator != null) {
            w.append(" AND c.operator_id = :o");
            p.put("o", operator);
        }
        return jdbc.sql(INCUBATOR + w + " ORDER BY c.name, c.id")
                .params(p)
                .query(Incubators::incubator)
                .list();
    }

    long insertCohort(long incubator, String name, LocalDate starts) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incubator_cohort (incubator_id, name, starts_on) VALUES (:i, :n, :s)")
                .param("i", incubator)
                .param("n", name)
                .param("s", starts)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Cohort> cohorts(long incubator) {
        return jdbc.sql("SELECT * FROM incubator_cohort WHERE incubator_id = :i ORDER BY starts_on, id")
                .param("i", incubator)
                .query((rs, n) -> new Cohort(
                        rs.getLong("id"),
                        rs.getLong("incubator_id"),
                        rs.getString("name"),
                        rs.getObject("starts_on", LocalDate.class)))
                .list();
    }

    long insertIncubatee(
            long incubator,
            Long cohort,
            long org,
            LocalDate entry,
            String space,
            String scores,
            int score,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO incubatee (incubator_id, cohort_id, organisation_id, entry_date, space, intake_scores,
                          intake_score, status, demo, created_at)
                        VALUES (:i, :c, :o, :e, :s, :scores, :score, 'INCUBATING', :demo, :at)""")
                .param("i", incubator)
                .param("c", cohort)
                .param("o", org)
                .param("e", entry)
                .param("s", space)
                .param("scores", scores)
                .param("score", score)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("incubatee");
        return keys.getKey().longValue();
    }

    Optional<Incubatee> findIncubatee(long id) {
        return jdbc.sql(INCUBATEE + " WHERE e.id = :id")
                .param("id", id)
                .query(Incubators::incubatee)
                .optional();
    }

    /** Filters; the same criteria give the INCUBATION indicators and their drill-down. */
    record Criteria(Long incubatorId, String status, String county, Long organisationId) {}

    PageResult<Incubatee> incubatees(Criteria c, PageRequest page) {
        Map<String, Object> p = new LinkedHashMap<>();
        String w = where(c, p);
        long total = totals.count("SELECT COUNT(*)" + INCUBATEE_FROM + w, p, "incubatee", "incubator");
        // the page's ids from the incubatees alone (by the entry-date index, stopping at the page), then their rows
        List<Incubatee> rows = total == 0
                ? List.of()
                : Sql.pageByIds(
                        jdbc,
                        "SELECT e.id FROM incubatee e" + w + " ORDER BY e.entry_date DESC, e.id DESC",
                        p,
                        page,
                        INCUBATEE + " WHERE e.id IN (:ids) ORDER BY e.entry_date DESC, e.id DESC",
                        Incubators::incubatee);
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    long count(Criteria c) {
        Map<String, Object> p = new LinkedHashMap<>();
        String w = where(c, p);
        return totals.count("SELECT COUNT(*)" + INCUBATEE_FROM + w, p, "incubatee", "incubator");
    }

    private static String where(Criteria c, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (c.incubatorId() != null) {
            w.append(" AND e.incubator_id = :inc");
            p.put("inc", c.incubatorId());
        }
        if (c.status() != null) {
            w.append(" AND e.status = :st");
            p.put("st", c.status());
        }
        if (c.county() != null) {
            // on the incubatee and subqueries only, so the page's ids come from the one table
            w.append(" AND EXISTS (SELECT 1 FROM organisation oc WHERE oc.id = e.organisation_id"
                    + " AND oc.county_code = :county)");
            p.put("county", c.county());
        }
        if (c.organisationId() != null) {
            w.append(" AND e.organisation_id = :org");
            p.put("org", c.organisationId());
        }
        return w.toString();
    }

    boolean leave(long id, String to, LocalDate on, String reason) {
        var written = jdbc.sql(
                                "UPDATE incubatee SET status = :to, left_on = :on, exit_reason = :r WHERE id = :id AND status = 'INCUBATING'")
                        .param("to", to)
                        .param("on", on)
                        .param("r", reason)
                        .param("id", id)
                        .update()
                == 1;
        totals.changed("incubatee");
        return written;
    }

    void putKpi(Kpi k) {
        jdbc.sql("DELETE FROM incubatee_kpi WHERE incubatee_id = :i AND kpi_month = :m")
                .param("i", k.incubateeId())
                .param("m", k.month())
                .update();
        jdbc.sql("""
                        INSERT INTO incubatee_kpi (incubatee_id, kpi_month, revenue, staff, rnd_spend, ip_count, funding_raised, entered_by)
                        VALUES (:i, :m, :r, :s, :rnd, :ip, :f, :by)""")
                .param("i", k.incubateeId())
                .param("m", k.month())
                .param("r", k.revenue())
                .param("s", k.staff())
                .param("rnd", k.rndSpend())
                .param("ip", k.ipCount())
                .param("f", k.fundingRaised())
                .param("by", k.enteredBy())
                .update();
    }

    List<Kpi> kpis(Long incubateeId, Long incubatorId) {
        Map<String, Object> p = new LinkedHashMap<>();
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (incubateeId != null) {
            w.append(" AND k.incubatee_id = :e");
            p.put("e", incubateeId);
        }
        if (incubatorId != null) {
            w.append(" AND e.incubator_id = :c");
            p.put("c", incubatorId);
        }
        return jdbc.sql("SELECT k.* FROM incubatee_kpi k JOIN incubatee e ON e.id = k.incubatee_id" + w
                        + " ORDER BY k.incubatee_id, k.kpi_month")
                .params(p)
                .query((rs, n) -> new Kpi(
                        rs.getLong("incubatee_id"),
                        rs.getString("kpi_month").strip(),
                        rs.getBigDecimal("revenue"),
                        (Integer) rs.getObject("staff", Integer.class),
                        rs.getBigDecimal("rnd_spend"),
                        (Integer) rs.getObject("ip_count", Integer.class),
                        rs.getBigDecimal("funding_raised"),
                        rs.getString("entered_by")))
                .list();
    }

    int deleteDemo() {
        int n = jdbc.sql("DELETE FROM incubator WHERE demo = TRUE").update()
                + jdbc.sql("DELETE FROM incubatee WHERE demo = TRUE").update();
        totals.changed("incubator", "incubatee");
        return n;
    }

    Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM incubator WHERE name = :n ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("n", name)
                .query(Long.class)
                .optional();
    }

    static Incubator incubator(ResultSet rs, int n) throws SQLException {
        return new Incubator(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("operator_id"),
                rs.getString("operator_name"),
                rs.getString("industry_code"),
                rs.getString("address"),
                rs.getBigDecimal("space_m2"),
                rs.getLong("incubating"),
                rs.getLong("graduated"),
                rs.getBoolean("demo"));
    }

    static Incubatee incubatee(ResultSet rs, int n) throws SQLException {
        Map<String, Integer> scores = new LinkedHashMap<>();
        String s = rs.getString("intake_scores");
        if (s != null && !s.isBlank()) {
            for (String part : s.split(",")) {
                String[] kv = part.split("=");
                scores.put(kv[0], Integer.valueOf(kv[1]));
            }
        }
        return new Incubatee(
                rs.getLong("id"),
                rs.getLong("incubator_id"),
                rs.getString("incubator_name"),
                (Long) rs.getObject("cohort_id", Long.class),
                rs.getLong("organisation_id"),
                rs.getString("org_name"),
                rs.getString("county_code"),
                rs.getObject("entry_date", LocalDate.class),
                rs.getString("space"),
                scores,
                (Integer) rs.getObject("intake_score", Integer.class),
                rs.getString("status"),
                rs.getObject("left_on", LocalDate.class),
                rs.getString("exit_reason"),
                rs.getBoolean("demo"));
    }
}
