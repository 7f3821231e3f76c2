package org.gongtong.registry;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The organisation table: plain SQL that runs the same on H2 and PostgreSQL. */
@Repository
class Organisations {

    static final String COLUMNS = "id, kind, name, uscc, county_code, industry_code, industry_class, address,"
            + " contact_name, contact_phone, contact_email, founded_on, employees, annual_revenue, registered_capital,"
            + " description, demo, version, created_at, updated_at";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id")
                .param("id", id)
                .query(Organisations::map)
                .optional();
    }

    Optional<Long> idByUscc(String uscc) {
        return jdbc.sql("SELECT id FROM organisation WHERE uscc = :u")
                .param("u", uscc)
                .query(Long.class)
                .optional();
    }

    PageResult<Organisation> search(OrganisationCriteria c, PageRequest page) {
        Where w = where(c);
        var count = jdbc.sql("SELECT COUNT(*) FROM organisation" + w.sql);
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + w.sql + " ORDER BY " + newestFirst(c)
                + " LIMIT :limit OFFSET :offset");
        for (var e : w.params.entrySet()) {
            count = count.param(e.getKey(), e.getValue());
            list = list.param(e.getKey(), e.getValue());
        }
        long total = count.query(Long.class).single();
        List<Organisation> content = total == 0
                ? List.of()
                : list.param("limit", page.size())
                        .param("offset", page.offset())
                        .query(Organisations::map)
                        .list();
        return new PageResult<>(content, total, page.page(), page.size());
    }

    /**
     * Newest first. With an equality filter on an indexed column the order names that column too:
     * the result is the same (the column is constant), but H2 then walks the (column, id) index
     * backwards and stops after one page instead of sorting every matching row; PostgreSQL does
     * the same backward index scan. See docs/benchmarks.md.
     */
    private static String newestFirst(OrganisationCriteria c) {
        if (c.kind() != null) {
            return "kind DESC, id DESC";
        }
        if (c.county() != null) {
            return "county_code DESC, id DESC";
        }
        if (c.industry() != null) {
            return "industry_code DESC, id DESC";
        }
        return "id DESC";
    }

    /** Streams every matching row in id order, for exports of any size. */
    void forEach(OrganisationCriteria c, Consumer<Organisation> consumer) {
        Where w = where(c);
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + w.sql + " ORDER BY id");
        for (var e : w.params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query(Organisations::map).stream().forEach(consumer);
    }

    /** Counts by a column (kind, county_code or industry_code). */
    Map<String, Long> countBy(String column) {
        if (!List.of("kind", "county_code", "industry_code").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + ", COUNT(*) FROM organisation GROUP BY " + column)
                .query((rs, n) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                    return null;
                })
                .list();
        return out;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
    }

    long insert(Organisation o) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                                INSERT INTO organisation (kind, name, uscc, county_code, industry_code, industry_class,
                                  address, contact_name, contact_phone, contact_email, founded_on, employees,
                                  annual_revenue, registered_capital, description, demo, version, created_at, updated_at)
                                VALUES (:kind, :name, :uscc, :county, :industry, :industryClass, :address, :contactName,
                                  :contactPhone, :contactEmail, :foundedOn, :employees, :annualRevenue,
                                  :registeredCapital, :description, :demo, 0, :createdAt, :updatedAt)"""), o).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates if the version still matches; false when someone else changed it first. */
    boolean update(Organisation o, int expectedVersion) {
        return bind(jdbc.sql("""
                                UPDATE organisation SET kind = :kind, name = :name, uscc = :uscc, county_code = :county,
                                  industry_code = :industry, industry_class = :industryClass, address = :address,
                                  contact_name = :contactName, contact_phone = :contactPhone,
                                  contact_email = :contactEmail, founded_on = :foundedOn, employees = :employees,
                                  annual_revenue = :annualRevenue, registered_capital = :registeredCapital,
                                  description = :description, version = version + 1, updated_at = :updatedAt
                                WHERE id = :id AND version = :expected"""), o)
                        .param("id", o.id())
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, Organisation o) {
        return s.param("kind", o.kind().name())
                .param("name", o.name())
                .param("uscc", o.uscc())
                .param("county", o.county())
                .param("industry", o.industry())
                .param("industryClass", o.industryClass())
                .param("address", o.address())
                .param("contactName", o.contactName())
                .param("contactPhone", o.contactPhone())
                .param("contactEmail", o.contactEmail())
                .param("foundedOn", o.foundedOn() == null ? null : Date.valueOf(o.foundedOn()))
                .param("employees", o.employees())
                .param("annualRevenue", o.annualRevenue())
                .param("registeredCapital", o.registeredCapital())
                .param("description", o.description())
                .param("demo", o.demo())
                .param("createdAt", Sql.timestamp(o.createdAt()))
                .param("updatedAt", Sql.timestamp(o.updatedAt()));
    }

    private static Where where(OrganisationCriteria c) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        if (c.q() != null && !c.q().isBlank()) {
            String q = c.q().strip();
            parts.add("(name LIKE :q OR uscc = :qExact)");
            params.put("q", Sql.contains(q));
            params.put("qExact", q.toUpperCase());
        }
        if (c.kind() != null) {
            parts.add("kind = :kind");
            params.put("kind", c.kind().name());
        }
        if (c.county() != null) {
            parts.add("county_code = :county");
            params.put("county", c.county());
        }
        if (c.industry() != null) {
            parts.add("industry_code = :industry");
            params.put("industry", c.industry());
        }
        if (c.demo() != null) {
            parts.add("demo = :demo");
            params.put("demo", c.demo());
        }
        if (!parts.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", parts));
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, Map<String, Object> params) {}

    static Organisation map(ResultSet rs, int n) throws SQLException {
        Date founded = rs.getDate("founded_on");
        int employees = rs.getInt("employees");
        Integer emp = rs.wasNull() ? null : employees;
        return new Organisation(
                rs.getLong("id"),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("uscc"),
                rs.getString("county_code"),
                rs.getString("industry_code"),
                rs.getString("industry_class"),
                rs.getString("address"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("contact_email"),
                founded == null ? null : founded.toLocalDate(),
                emp,
                (BigDecimal) rs.getBigDecimal("annual_revenue"),
                rs.getBigDecimal("registered_capital"),
                rs.getString("description"),
                rs.getBoolean("demo"),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
