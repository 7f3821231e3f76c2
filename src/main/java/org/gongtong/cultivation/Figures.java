package org.gongtong.cultivation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Repository of the yearly figures (one row per enterprise and fiscal year). */
@Repository
class Figures {

    private final JdbcClient jdbc;

    Figures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<YearFigures> of(long organisationId) {
        return jdbc.sql("SELECT * FROM cultivation_figures WHERE organisation_id = :o ORDER BY fiscal_year DESC")
                .param("o", organisationId)
                .query(Figures::map)
                .list();
    }

    Optional<YearFigures> find(long organisationId, int year) {
        return jdbc.sql("SELECT * FROM cultivation_figures WHERE organisation_id = :o AND fiscal_year = :y")
                .param("o", organisationId)
                .param("y", year)
                .query(Figures::map)
                .optional();
    }

    void insert(long organisationId, YearFigures f, OffsetDateTime at, String by) {
        jdbc.sql("""
                        INSERT INTO cultivation_figures (organisation_id, fiscal_year, employees, tech_staff,
                          sales_revenue, total_assets, net_assets, total_cost, rnd_total, rnd_domestic, total_income,
                          hitech_revenue, ip_class_i, ip_class_ii, transformations, owns_core_ip, in_key_field,
                          own_rnd_ip, major_incident, prohibited_products, serious_violation, version, updated_at,
                          updated_by)
                        VALUES (:o, :y, :employees, :techStaff, :sales, :assets, :net, :cost, :rnd, :domestic,
                          :income, :hitech, :i, :ii, :tr, :core, :key, :own, :incident, :prohibited, :violation, 0,
                          :at, :by)""").params(params(organisationId, f, at, by)).update();
    }

    boolean update(long organisationId, YearFigures f, int expectedVersion, OffsetDateTime at, String by) {
        var p = params(organisationId, f, at, by);
        p.put("expected", expectedVersion);
        return jdbc.sql("""
                                UPDATE cultivation_figures SET employees = :employees, tech_staff = :techStaff,
                                  sales_revenue = :sales, total_assets = :assets, net_assets = :net, total_cost = :cost,
                                  rnd_total = :rnd, rnd_domestic = :domestic, total_income = :income,
                                  hitech_revenue = :hitech, ip_class_i = :i, ip_class_ii = :ii, transformations = :tr,
                                  owns_core_ip = :core, in_key_field = :key, own_rnd_ip = :own,
                                  major_incident = :incident, prohibited_products = :prohibited,
                                  serious_violation = :violation, version = version + 1, updated_at = :at,
                                  updated_by = :by
                                WHERE organisation_id = :o AND fiscal_year = :y AND version = :expected""").params(p).update() == 1;
    }

    private static java.util.Map<String, Object> params(long o, YearFigures f, OffsetDateTime at, String by) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("o", o);
        m.put("y", f.fiscalYear());
        m.put("employees", f.employees());
        m.put("techStaff", f.techStaff());
        m.put("sales", f.salesRevenue());
        m.put("assets", f.totalAssets());
        m.put("net", f.netAssets());
        m.put("cost", f.totalCostAndExpense());
        m.put("rnd", f.rndTotal());
        m.put("domestic", f.rndDomestic());
        m.put("income", f.totalIncome());
        m.put("hitech", f.hitechRevenue());
        m.put("i", f.ipClassI());
        m.put("ii", f.ipClassII());
        m.put("tr", f.transformations());
        m.put("core", Boolean.TRUE.equals(f.ownsCoreIp()));
        m.put("key", Boolean.TRUE.equals(f.inKeyField()));
        m.put("own", Boolean.TRUE.equals(f.ownRndIp()));
        m.put("incident", Boolean.TRUE.equals(f.majorIncident()));
        m.put("prohibited", Boolean.TRUE.equals(f.prohibitedProducts()));
        m.put("violation", Boolean.TRUE.equals(f.seriousViolation()));
        m.put("at", at);
        m.put("by", by);
        return m;
    }

    private static YearFigures map(ResultSet rs, int n) throws SQLException {
        return new YearFigures(
                rs.getInt("fiscal_year"),
                rs.getBigDecimal("employees"),
                rs.getBigDecimal("tech_staff"),
                rs.getBigDecimal("sales_revenue"),
                rs.getBigDecimal("total_assets"),
                rs.getBigDecimal("net_assets"),
                rs.getBigDecimal("total_cost"),
                rs.getBigDecimal("rnd_total"),
                rs.getBigDecimal("rnd_domestic"),
                rs.getBigDecimal("total_income"),
                rs.getBigDecimal("hitech_revenue"),
                (Integer) rs.getObject("ip_class_i", Integer.class),
                (Integer) rs.getObject("ip_class_ii", Integer.class),
                (Integer) rs.getObject("transformations", Integer.class),
                rs.getBoolean("owns_core_ip"),
                rs.getBoolean("in_key_field"),
                rs.getBoolean("own_rnd_ip"),
                rs.getBoolean("major_incident"),
                rs.getBoolean("prohibited_products"),
                rs.getBoolean("serious_violation"),
                rs.getInt("version"));
    }
}
