package org.gongtong.network;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.insight.Totals;
import org.gongtong.network.NetworkRecords.FigureRow;
import org.gongtong.network.NetworkRecords.Institution;
import org.gongtong.network.NetworkRecords.Partner;
import org.gongtong.network.NetworkRecords.Transition;
import org.gongtong.network.NetworkRecords.YearFigures;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** R&D institutions, their partners, yearly figures and the transitions of both institutions and communities. */
@Repository
class Institutions {

    static final String SELECT = """
            SELECT id, name, kind, establishment_mode, status, county_code, industry_code, field, staff_count,
              organisation_id, demo, version, created_at, updated_at FROM rnd_institution""";

    private final JdbcClient jdbc;
    private final Totals totals;

    Institutions(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /** The filters of the list; every field may be null. */
    record Criteria(
            String q,
            InstitutionKind kind,
            EstablishmentMode mode,
            InstitutionStatus status,
            String county,
            String industry) {

        String where(Map<String, Object> params) {
            StringBuilder w = new StringBuilder(" WHERE 1 = 1");
            if (q != null && !q.isBlank()) {
                w.append(" AND name LIKE :q");
                params.put("q", Sql.contains(q));
            }
            if (kind != null) {
                w.append(" AND kind = :kind");
                params.put("kind", kind.name());
            }
            if (mode != null) {
                w.append(" AND establishment_mode = :mode");
                params.put("mode", mode.name());
            }
            if (status != null) {
                w.append(" AND status = :status");
                params.put("status", status.name());
            }
            if (county != null) {
                w.append(" AND county_code = :county");
                params.put("county", county);
            }
            if (industry != null) {
                w.append(" AND industry_code = :industry");
                params.put("industry", industry);
            }
            return w.toString();
        }
    }

    long insert(
            String name,
            InstitutionKind kind,
            EstablishmentMode mode,
            String county,
            String industry,
            String field,
            Integer staff,
            Long organisationId,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rnd_institution (name, kind, establishment_mode, status, county_code, industry_code,
                          field, staff_count, organisation_id, demo, created_at, updated_at)
                        VALUES (:name, :kind, :mode, 'PROPOSED', :county, :industry, :field, :staff, :org, :demo, :at, :at)""")
                .param("name", name)
                .param("kind", kind.name())
                .param("mode", mode.name())
                .param("county", county)
                .param("industry", industry)
                .param("field", field)
                .param("staff", staff)
                .param("org", organisationId)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("rnd_institution");
        return keys.getKey().longValue();
    }

    /** Updates the profile if the version still matches; false when someone changed it meanwhile. */
    boolean update(
            long id,
            int version,
            String name,
            InstitutionKind kind,
            EstablishmentMode mode,
            String county,
            String industry,
            String field,
            Integer staff,
            Long organisationId,
            Instant now) {
        var written = jdbc.sql("""
                                UPDATE rnd_institution SET name = :name, kind = :kind, establishment_mode = :mode,
                                  county_code = :county, industry_code = :industry, field = :field, staff_count = :staff,
                                  organisation_id = :org, version = version + 1, updated_at = :at
                                WHERE id = :id AND version = :version""")
                        .param("name", name)
                        .param("kind", kind.name())
                        .param("mode", mode.name())
                        .param("county", county)
                        .param("industry", industry)
                        .param("field", field)
                        .param("staff", staff)
                        .param("org", organisationId)
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
        totals.changed("rnd_institution");
        return written;
    }

    /** Moves the status only from the expected one (so two concurrent moves cannot both succeed). */
    boolean moveStatus(long id, InstitutionStatus from, InstitutionStatus to, Instant now) {
        var written = jdbc.sql("""
                                UPDATE rnd_institution SET status = :to, version = version + 1, updated_at = :at
                                WHERE id = :id AND status = :from""")
                        .param("to", to.name())
                        .param("from", from.name())
                        .param("at", Sql.timestamp(now))
                        .param("id", id)
                        .update()
                == 1;
        totals.changed("rnd_institution");
        return written;
    }

    Optional<Institution> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Institutions::institution)
                .optional();
    }

    PageResult<Institution> search(Criteria c, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = c.where(params);
        long total = jdbc.sql("SELECT COUNT(*) FROM rnd_institution" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Institution> rows = jdbc.sql(SELECT + where + " ORDER BY id DESC OFFSET :off ROWS FETCH NEXT :n ROWS ONLY")
                .params(params)
                .param("off", page.offset())
                .param("n", page.size())
                .query(Institutions::institution)
                .list();
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    long count(Criteria c) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = c.where(params);
        return jdbc.sql("SELECT COUNT(*) FROM rnd_institution" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    // partners

    void replacePartners(long id, List<Partner> partners) {
        jdbc.sql("DELETE FROM institution_partner WHERE institution_id = :id")
                .param("id", id)
                .update();
        for (Partner p : partners) {
            jdbc.sql("""
                            INSERT INTO institution_partner (institution_id, organisation_id, partner_name, partner_role,
                              share_percent) VALUES (:id, :org, :name, :role, :share)""")
                    .param("id", id)
                    .param("org", p.organisationId())
                    .param("name", p.name())
                    .param("role", p.role())
                    .param("share", p.sharePercent())
                    .update();
        }
    }

    List<Partner> partners(long id) {
        return jdbc.sql("""
                        SELECT organisation_id, partner_name, partner_role, share_percent FROM institution_partner
                        WHERE institution_id = :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> {
                    long org = rs.getLong(1);
                    return new Partner(
                            rs.wasNull() ? null : org, rs.getString(2), rs.getString(3), rs.getBigDecimal(4));
                })
                .list();
    }

    /** Institution–partner organisation pairs (both in the registry), for the collaboration graph. */
    List<long[]> partnerships() {
        return jdbc.sql("""
                        SELECT i.organisation_id, p.organisation_id FROM institution_partner p
                        JOIN rnd_institution i ON i.id = p.institution_id
                        WHERE i.organisation_id IS NOT NULL AND p.organisation_id IS NOT NULL""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    // figures

    void upsertFigures(YearFigures f) {
        int changed = jdbc.sql("""
                        UPDATE institution_figure SET rnd_spend = :rnd, contract_revenue = :rev,
                          results_transferred = :res, spin_offs = :spin, talents = :tal
                        WHERE institution_id = :id AND figure_year = :y""").params(figureParams(f)).update();
        totals.changed("institution_figure");
        if (changed == 0) {
            jdbc.sql("""
                            INSERT INTO institution_figure (institution_id, figure_year, rnd_spend, contract_revenue,
                              results_transferred, spin_offs, talents) VALUES (:id, :y, :rnd, :rev, :res, :spin, :tal)""").params(figureParams(f)).update();
            totals.changed("institution_figure");
        }
    }

    private static Map<String, Object> figureParams(YearFigures f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.institutionId());
        p.put("y", f.year());
        p.put("rnd", f.rndSpend());
        p.put("rev", f.contractRevenue());
        p.put("res", f.resultsTransferred());
        p.put("spin", f.spinOffs());
        p.put("tal", f.talents());
        return p;
    }

    List<YearFigures> figures(long id) {
        return jdbc.sql("""
                        SELECT institution_id, figure_year, rnd_spend, contract_revenue, results_transferred, spin_offs,
                          talents FROM institution_figure WHERE institution_id = :id ORDER BY figure_year DESC""").param("id", id).query(Institutions::figures).list();
    }

    Optional<YearFigures> figures(long id, int year) {
        return jdbc.sql("""
                        SELECT institution_id, figure_year, rnd_spend, contract_revenue, results_transferred, spin_offs,
                          talents FROM institution_figure WHERE institution_id = :id AND figure_year = :y""")
                .param("id", id)
                .param("y", year)
                .query(Institutions::figures)
                .optional();
    }

    /** The figure rows (joined to their institution) of one year and county; one definition for the sum and the list. */
    private static String figureWhere(Integer year, String county, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(
                " FROM institution_figure f JOIN rnd_institution i ON i.id = f.institution_id" + " WHERE 1 = 1");
        if (year != null) {
            w.append(" AND f.figure_year = :y");
            params.put("y", year);
        }
        if (county != null) {
            w.append(" AND i.county_code = :county");
            params.put("county", county);
        }
        return w.toString();
    }

    BigDecimal sumFigure(String column, Integer year, String county) {
        Map<String, Object> params = new LinkedHashMap<>();
        String from = figureWhere(year, county, params);
        return totals.sum(
                "SELECT COALESCE(SUM(f." + column + "), 0)" + from, params, "institution_figure", "rnd_institution");
    }

    PageResult<FigureRow> figureRows(Integer year, String county, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String from = figureWhere(year, county, params);
        long total = totals.count("SELECT COUNT(*)" + from, params, "institution_figure", "rnd_institution");
        List<FigureRow> rows = jdbc.sql(
                        "SELECT i.id, i.name, i.county_code, f.figure_year, f.rnd_spend, f.contract_revenue" + from
                                + " ORDER BY f.figure_year DESC, i.id OFFSET :off ROWS FETCH NEXT :n ROWS ONLY")
                .params(params)
                .param("off", page.offset())
                .param("n", page.size())
                .query((rs, n) -> new FigureRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .list();
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    // transitions (institutions and communities)

    void recordTransition(String type, long id, String from, String to, String actor, String reason, Instant at) {
        jdbc.sql("""
                        INSERT INTO network_transition (entity_type, entity_id, from_status, to_status, actor, reason,
                          occurred_at) VALUES (:type, :id, :from, :to, :actor, :reason, :at)""")
                .param("type", type)
                .param("id", id)
                .param("from", from)
                .param("to", to)
                .param("actor", actor)
                .param("reason", reason)
                .param("at", Sql.timestamp(at))
                .update();
    }

    List<Transition> timeline(String type, long id) {
        return jdbc.sql("""
                        SELECT from_status, to_status, actor, reason, occurred_at FROM network_transition
                        WHERE entity_type = :type AND entity_id = :id ORDER BY id""")
                .param("type", type)
                .param("id", id)
                .query((rs, n) -> new Transition(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Sql.instant(rs, "occurred_at")))
                .list();
    }

    int deleteDemo() {
        List<Long> ids = jdbc.sql("SELECT id FROM rnd_institution WHERE demo = TRUE")
                .query(Long.class)
                .list();
        for (Long id : ids) {
            for (String t : List.of("institution_partner", "institution_figure", "institution_evaluation")) {
                jdbc.sql("DELETE FROM " + t + " WHERE institution_id = :id")
                        .param("id", id)
                        .update();
                totals.changed(t);
            }
            jdbc.sql("DELETE FROM chain_node_member WHERE institution_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM network_transition WHERE entity_type = 'institution' AND entity_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM rnd_institution WHERE id = :id")
                    .param("id", id)
                    .update();
            totals.changed("rnd_institution");
        }
        return ids.size();
    }

    private static YearFigures figures(ResultSet rs, int n) throws SQLException {
        return new YearFigures(
                rs.getLong(1),
                rs.getInt(2),
                rs.getBigDecimal(3),
                rs.getBigDecimal(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7));
    }

    static Institution institution(ResultSet rs, int n) throws SQLException {
        int staff = rs.getInt(9);
        Integer staffCount = rs.wasNull() ? null : staff;
        long org = rs.getLong(10);
        Long orgId = rs.wasNull() ? null : org;
        return new Institution(
                rs.getLong(1),
                rs.getString(2),
                InstitutionKind.valueOf(rs.getString(3)),
                EstablishmentMode.valueOf(rs.getString(4)),
                InstitutionStatus.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                staffCount,
                orgId,
                rs.getBoolean(11),
                rs.getInt(12),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
