package org.gongtong.network;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 1+N plan: a five-year target of communities per year, county and industry, against the
 * actual communities (by the year they were proposed) counted by status. A county officer sees and
 * sets only its county's rows.
 */
@Service
public class PlanService {

    /** One row of the plan table: targets and actual counts for a year, county and industry. */
    public record Row(int year, String county, String industry, int target, Map<String, Integer> actualByStatus) {

        public int actual() {
            return actualByStatus.entrySet().stream()
                    .filter(e -> !e.getKey().equals("EXITED"))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }
    }

    private final JdbcClient jdbc;
    private final Communities communities;
    private final InstitutionService lookups;
    private final AuditLog audit;

    PlanService(JdbcClient jdbc, Communities communities, InstitutionService lookups, AuditLog audit) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.lookups = lookups;
        this.audit = audit;
    }

    /** Sets (or with 0 clears) the target of one year, county and industry. */
    @Transactional
    public void setTarget(int year, String county, String industry, int target, Actor actor) {
        String c = lookups.countyCode(county);
        String i = lookups.industryCode(industry);
        if (c == null || i == null) {
            throw DomainException.invalid(c == null ? "county" : "industry", "network.required");
        }
        if (year < 2000 || year > 2100 || target < 0) {
            throw DomainException.invalid("target", "network.figures.nonNegative");
        }
        NetworkAccess.requireEdit(actor, c);
        Integer before = jdbc.sql(
                        "SELECT target FROM plan_target WHERE plan_year = :y AND county_code = :c AND industry_code = :i")
                .param("y", year)
                .param("c", c)
                .param("i", i)
                .query(Integer.class)
                .optional()
                .orElse(null);
        jdbc.sql("DELETE FROM plan_target WHERE plan_year = :y AND county_code = :c AND industry_code = :i")
                .param("y", year)
                .param("c", c)
                .param("i", i)
                .update();
        if (target > 0) {
            jdbc.sql("INSERT INTO plan_target (plan_year, county_code, industry_code, target) VALUES (:y, :c, :i, :t)")
                    .param("y", year)
                    .param("c", c)
                    .param("i", i)
                    .param("t", target)
                    .update();
        }
        audit.record(
                "PLAN_TARGET",
                "plan_target",
                year + "/" + c + "/" + i,
                before == null ? null : Map.of("target", before),
                Map.of("target", target));
    }

    /** Targets against actual counts, per year, county and industry; a county officer gets its own county. */
    @Transactional(readOnly = true)
    public List<Row> table(String county, Actor actor) {
        String scope = NetworkAccess.scope(actor, lookups.countyCode(county));
        Map<String, int[]> targets = new TreeMap<>();
        Map<String, Map<String, Integer>> actual = new TreeMap<>();
        jdbc.sql("SELECT plan_year, county_code, industry_code, target FROM plan_target")
                .query(rs -> {
                    if (scope == null || scope.equals(rs.getString(2))) {
                        targets.put(key(rs.getInt(1), rs.getString(2), rs.getString(3)), new int[] {rs.getInt(4)});
                    }
                });
        for (Object[] r : communities.countsByYearCountyIndustryStatus()) {
            String c = (String) r[1];
            if (scope != null && !scope.equals(c)) {
                continue;
            }
            int year = ((Instant) r[0]).atZone(ZoneId.of("Asia/Shanghai")).getYear();
            String k = key(year, c, r[2] == null ? "-" : (String) r[2]);
            actual.computeIfAbsent(k, x -> new TreeMap<>()).merge((String) r[3], 1, Integer::sum);
        }
        TreeMap<String, Row> rows = new TreeMap<>();
        for (String k : targets.keySet()) {
            rows.put(k, row(k, targets.get(k)[0], actual.getOrDefault(k, Map.of())));
        }
        for (String k : actual.keySet()) {
            rows.putIfAbsent(k, row(k, 0, actual.get(k)));
        }
        return new ArrayList<>(rows.values());
    }

    private static String key(int year, String county, String industry) {
        return year + "|" + county + "|" + industry;
    }

    private static Row row(String key, int target, Map<String, Integer> actual) {
        String[] p = key.split("\\|");
        return new Row(Integer.parseInt(p[0]), p[1], p[2].equals("-") ? null : p[2], target, actual);
    }
}
