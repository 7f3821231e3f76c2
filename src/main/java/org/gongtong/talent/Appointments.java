package org.gongtong.talent;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Appointments and their reports. */
@Repository
class Appointments {

    static final String FROM = " FROM talent_appointment a JOIN organisation h ON h.id = a.home_org_id"
            + " JOIN organisation o ON o.id = a.host_org_id";
    static final String SELECT = "SELECT a.*, h.name AS home_name, o.name AS host_name, o.county_code AS host_county,"
            + " (SELECT COUNT(*) FROM talent_report r WHERE r.appointment_id = a.id) AS reports_filed" + FROM;

    private final JdbcClient jdbc;
    private final Totals totals;

    /** The people (each once) appointed to {@code hostOrgId} whose term overlaps {@code [from, to)}. */
    long peopleAppointedTo(long hostOrgId, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                        SELECT COUNT(DISTINCT person_name) FROM talent_appointment
                        WHERE host_org_id = :o AND starts_on < :to AND ends_on >= :from""")
                .param("o", hostOrgId)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    Appointments(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    long insert(Map<String, Object> values) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO talent_appointment (programme, person_name, home_org_id, host_org_id, starts_on, ends_on,
                          duties, agreed_outputs, expertise, industry_code, student_name, academic_mentor, paid_part_time,
                          report_every_months, status, demo, created_at)
                        VALUES (:programme, :person, :home, :host, :starts, :ends, :duties, :outputs, :expertise, :industry,
                          :student, :academic, :paid, :every, 'ACTIVE', :demo, :at)""").params(values).update(keys, "id");
        totals.changed("talent_appointment");
        return keys.getKey().longValue();
    }

    /** Filters; the same criteria give the TALENT indicators and their drill-down. */
    record Criteria(Programme programme, String county, Long organisationId, String person, String status) {}

    PageResult<Row> search(Criteria c, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        long total = totals.count("SELECT COUNT(*)" + countFrom(c) + where, params, "talent_appointment");
        // the page's ids first, from the appointments alone (newest first, stopping at the page), then their
        // rows with names and report counts: joining and counting reports before the page is cut made H2
        // build every matching row of a programme (25,000 of 100,000) to keep twenty
        List<Row> rows = total == 0
                ? List.of()
                : Sql.pageByIds(
                        jdbc,
                        "SELECT a.id" + countFrom(c) + where + " ORDER BY a.id DESC",
                        params,
                        page,
                        SELECT + " WHERE a.id IN (:ids) ORDER BY a.id DESC",
                        Appointments::row);
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    long count(Criteria c) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        return totals.count("SELECT COUNT(*)" + countFrom(c) + where, params, "talent_appointment");
    }

    List<Row> active() {
        return jdbc.sql(SELECT + " WHERE a.status = 'ACTIVE' ORDER BY a.id")
                .query(Appointments::row)
                .list();
    }

    /**
     * The list's rows, counted without the joins its WHERE does not use: home_org_id and
     * host_org_id are NOT NULL foreign keys of organisation, so joining them never drops or repeats
     * a row (with 100,000 appointments the joins were most of the count's cost).
     */
    private static String countFrom(Criteria c) {
        return " FROM talent_appointment a";
    }

    private static String where(Criteria c, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (c.programme() != null) {
            w.append(" AND a.programme = :programme");
            params.put("programme", c.programme().name());
        }
        if (c.county() != null) {
            // EXISTS, not the joined host: the page's ids then come from the appointments alone, newest
            // first, stopping at the page (joining the county's hosts first made H2 sort all of them)
            w.append(" AND EXISTS (SELECT 1 FROM organisation oc WHERE oc.id = a.host_org_id"
                    + " AND oc.county_code = :county)");
            params.put("county", c.county());
        }
        if (c.organisationId() != null) {
            w.append(" AND (a.home_org_id = :org OR a.host_org_id = :org)");
            params.put("org", c.organisationId());
        }
        if (c.person() != null) {
            w.append(" AND a.person_name = :person");
            params.put("person", c.person());
        }
        if (c.status() != null) {
            w.append(" AND a.status = :status");
            params.put("status", c.status());
        }
        return w.toString();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id")
                .param("id", id)
                .query(Appointments::row)
                .optional();
    }

    void evaluate(long id, String grade, String note, LocalDate on) {
        jdbc.sql(
                        "UPDATE talent_appointment SET evaluation = :g, evaluation_note = :n, evaluated_on = :on WHERE id = :id")
                .param("g", grade)
                .param("n", note)
                .param("on", on)
                .param("id", id)
                .update();
        totals.changed("talent_appointment");
    }

    boolean setStatus(long id, String from, String to) {
        var written = jdbc.sql("UPDATE talent_appointment SET status = :to WHERE id = :id AND status = :from")
                        .param("to", to)
                        .param("id", id)
                        .param("from", from)
                        .update()
                == 1;
        totals.changed("talent_appointment");
        return written;
    }

    long insertReport(long appointmentId, LocalDate periodEnd, String summary, String outputs, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO talent_report (appointment_id, period_end, summary, outputs, submitted_by, submitted_at)
                        VALUES (:a, :p, :s, :o, :by, :at)""")
                .param("a", appointmentId)
                .param("p", periodEnd)
                .param("s", summary)
                .param("o", outputs)
                .param("by", by)
                .param("at", Sql.timestamp(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Report> reports(long appointmentId) {
        return jdbc.sql("SELECT * FROM talent_report WHERE appointment_id = :a ORDER BY period_end")
                .param("a", appointmentId)
                .query((rs, n) -> new Report(
                        rs.getLong("id"),
                        rs.getObject("period_end", LocalDate.class),
                        rs.getString("summary"),
                        rs.getString("outputs"),
                        rs.getString("submitted_by"),
                        Sql.instant(rs, "submitted_at")))
                .list();
    }

    /** Appointments between organisations, for the collaboration graph. */
    List<long[]> pairs(LocalDate from, LocalDate to, List<LocalDate> dates) {
        StringBuilder sql =
                new StringBuilder("SELECT home_org_id, host_org_id, starts_on FROM talent_appointment WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (from != null) {
            sql.append(" AND starts_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND starts_on <= :to");
            params.put("to", to);
        }
        return jdbc.sql(sql + " ORDER BY id")
                .params(params)
                .query((rs, n) -> {
                    dates.add(rs.getObject("starts_on", LocalDate.class));
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                })
                .list();
    }

    int deleteDemo() {
        var written =
                jdbc.sql("DELETE FROM talent_appointment WHERE demo = TRUE").update();
        totals.changed("talent_appointment");
        return written;
    }

    /** A row as stored plus the count of reports filed; the service adds the flags. */
    record Row(
            long id,
            Programme programme,
            String personName,
            long homeOrgId,
            String homeName,
            long hostOrgId,
            String hostName,
            String hostCounty,
            LocalDate startsOn,
            LocalDate endsOn,
            String duties,
            String agreedOutputs,
            String expertise,
            String industry,
            String studentName,
            String academicMentor,
            boolean paidPartTime,
            int reportEveryMonths,
            String status,
            String evaluation,
            String evaluationNote,
            LocalDate evaluatedOn,
            int reportsFiled,
            boolean demo,
            Instant createdAt) {}

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                Programme.valueOf(rs.getString("programme")),
                rs.getString("person_name"),
                rs.getLong("home_org_id"),
                rs.getString("home_name"),
                rs.getLong("host_org_id"),
                rs.getString("host_name"),
                rs.getString("host_county"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getString("duties"),
                rs.getString("agreed_outputs"),
                rs.getString("expertise"),
                rs.getString("industry_code"),
                rs.getString("student_name"),
                rs.getString("academic_mentor"),
                rs.getBoolean("paid_part_time"),
                rs.getInt("report_every_months"),
                rs.getString("status"),
                rs.getString("evaluation"),
                rs.getString("evaluation_note"),
                rs.getObject("evaluated_on", LocalDate.class),
                rs.getInt("reports_filed"),
                rs.getBoolean("demo"),
                Sql.instant(rs, "created_at"));
    }
}
