package org.gongtong.cultivation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.insight.Totals;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.gongtong.registry.DemoDataRemoving;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The firms on the pipeline (those with a stored record) filtered by {@link PipelineCriteria}, for
 * officers: city-wide roles see all, a county officer its county only. The county is the
 * registry's county of the firm (joined by id, as capital's lists name their organisations).
 */
@Service
public class PipelineList {

    public record Row(
            long organisationId,
            String name,
            String county,
            Stage stage,
            Integer techSmeYear,
            String certificateNumber,
            LocalDate expiresOn) {}

    private final JdbcClient jdbc;
    private final Totals totals;

    PipelineList(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /**
     * Removing the demo samples deletes their organisations, and a pipeline record has no foreign key
     * to its firm: its county join then drops it, so totals are counted again once that transaction ends.
     */
    @EventListener
    void demoRemoved(DemoDataRemoving event) {
        totals.changed("cultivation_record");
    }

    /** The criteria narrowed to what the actor may see: 403 for a county officer asking for another county. */
    public PipelineCriteria scoped(PipelineCriteria c, Actor actor) {
        if (actor.citywide() || actor.role() == Role.COUNCIL_MEMBER) {
            return c;
        }
        if (actor.role() == Role.COUNTY_OFFICER && actor.county() != null) {
            if (c.county() != null && !c.county().equals(actor.county())) {
                throw DomainException.forbidden("problem.forbidden");
            }
            return c.withCounty(actor.county());
        }
        throw DomainException.forbidden("problem.forbidden");
    }

    @Transactional(readOnly = true)
    public PageResult<Row> search(PipelineCriteria c, PageRequest page) {
        Where w = where(c);
        long total =
                totals.count("SELECT COUNT(*) FROM cultivation_record r" + w.sql(), w.params(), "cultivation_record");
        // the page's firms from the records alone (newest first, stopping at the page), then their names
        List<Row> rows = total == 0
                ? List.of()
                : Sql.pageByIds(
                        jdbc,
                        "SELECT r.organisation_id FROM cultivation_record r" + w.sql()
                                + " ORDER BY r.organisation_id DESC",
                        w.params(),
                        page,
                        SELECT + " WHERE r.organisation_id IN (:ids) ORDER BY r.organisation_id DESC",
                        PipelineList::row);
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    /** The number of matching firms: the same WHERE as {@link #search}. */
    @Transactional(readOnly = true)
    public long count(PipelineCriteria c) {
        return search(c, new PageRequest(0, 0)).totalElements();
    }

    @Transactional(readOnly = true)
    public void forEach(PipelineCriteria c, Consumer<Row> consumer) {
        Where w = where(c);
        var spec = jdbc.sql(SELECT + w.sql() + " ORDER BY r.organisation_id");
        for (var e : w.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query(PipelineList::row).stream().forEach(consumer);
    }

    private static final String SELECT = "SELECT r.organisation_id, o.name, o.county_code, r.stage, r.tsme_year,"
            + " r.certificate_number, r.expires_on FROM cultivation_record r JOIN organisation o"
            + " ON o.id = r.organisation_id";

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(PipelineCriteria c) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!c.stages().isEmpty()) {
            // a CASE that no index serves: H2 then walks the records by firm id, newest first, and stops at
            // the page; with the stage index it read every record of the stages and sorted them (24,000 for
            // TECH_SME, 54,000 for the tech-SME figure: 20-80 ms). Stages are spread over the firms, so the
            // walk meets the page's rows early; a stage with few records costs a longer walk, and none
            // (total 0) none at all
            parts.add("CASE WHEN r.stage IN (:stages) THEN 1 ELSE 0 END = 1");
            params.put("stages", c.stages().stream().map(Stage::name).toList());
        }
        if (Boolean.TRUE.equals(c.techSme())) {
            parts.add("r.tsme_year IS NOT NULL");
        } else if (Boolean.FALSE.equals(c.techSme())) {
            parts.add("r.tsme_year IS NULL");
        }
        if (c.county() != null) {
            parts.add(
                    "EXISTS (SELECT 1 FROM organisation oc WHERE oc.id = r.organisation_id AND oc.county_code = :county)");
            params.put("county", c.county());
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int y = rs.getInt(5);
        Integer year = rs.wasNull() ? null : y;
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Stage.valueOf(rs.getString(4)),
                year,
                rs.getString(6),
                rs.getObject(7, LocalDate.class));
    }
}
