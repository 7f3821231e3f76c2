package org.gongtong.cultivation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.insight.Totals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Repository of pipeline records, annual reports and changes. */
@Repository
class Records {

    private final JdbcClient jdbc;
    private final Totals totals;

    Records(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    Optional<CultivationRecord> find(long organisationId) {
        return jdbc.sql("SELECT * FROM cultivation_record WHERE organisation_id = :o")
                .param("o", organisationId)
                .query(Records::map)
                .optional();
    }

    Map<Long, CultivationRecord> all() {
        Map<Long, CultivationRecord> m = new HashMap<>();
        jdbc.sql("SELECT * FROM cultivation_record")
                .query(Records::map)
                .list()
                .forEach(r -> m.put(r.organisationId(), r));
        return m;
    }

    /** Inserts (version -1 = not stored yet) or updates with optimistic locking. */
    boolean save(CultivationRecord r, OffsetDateTime at) {
        Map<String, Object> p = new HashMap<>();
        p.put("o", r.organisationId());
        p.put("stage", r.stage().name());
        p.put("tsmeYear", r.techSmeYear());
        p.put("tsmeNumber", r.techSmeNumber());
        p.put("appliedOn", r.appliedOn());
        p.put("certNumber", r.certificateNumber());
        p.put("certDate", r.certificateDate());
        p.put("expiresOn", r.expiresOn());
        p.put("cancelledOn", r.cancelledOn());
        p.put("reason", r.cancelReason());
        p.put("at", at);
        p.put("version", r.version());
        if (r.version() < 0) {
            var written = jdbc.sql("""
                            INSERT INTO cultivation_record (organisation_id, stage, tsme_year, tsme_number, applied_on,
                              certificate_number, certificate_date, expires_on, cancelled_on, cancel_reason, version,
                              updated_at)
                            VALUES (:o, :stage, :tsmeYear, :tsmeNumber, :appliedOn, :certNumber, :certDate, :expiresOn,
                              :cancelledOn, :reason, 0, :at)""").params(p).update() == 1;
            totals.changed("cultivation_record");
            return written;
        }
        var written = jdbc.sql("""
                        UPDATE cultivation_record SET stage = :stage, tsme_year = :tsmeYear, tsme_number = :tsmeNumber,
                          applied_on = :appliedOn, certificate_number = :certNumber, certificate_date = :certDate,
                          expires_on = :expiresOn, cancelled_on = :cancelledOn, cancel_reason = :reason,
                          version = version + 1, updated_at = :at
                        WHERE organisation_id = :o AND version = :version""").params(p).update() == 1;
        totals.changed("cultivation_record");
        return written;
    }

    List<Integer> filedYears(long organisationId) {
        return jdbc.sql("SELECT report_year FROM cultivation_annual_report WHERE organisation_id = :o")
                .param("o", organisationId)
                .query(Integer.class)
                .list();
    }

    void fileReport(long organisationId, int year, LocalDate on) {
        jdbc.sql("INSERT INTO cultivation_annual_report (organisation_id, report_year, filed_on) VALUES (:o, :y, :d)")
                .param("o", organisationId)
                .param("y", year)
                .param("d", on)
                .update();
    }

    List<Deadlines.Change> changes(long organisationId) {
        return jdbc.sql("SELECT changed_on, description, reported_on FROM cultivation_change WHERE organisation_id = :o"
                        + " ORDER BY changed_on")
                .param("o", organisationId)
                .query((rs, n) -> new Deadlines.Change(
                        date(rs, "changed_on"), rs.getString("description"), date(rs, "reported_on")))
                .list();
    }

    void addChange(long organisationId, Deadlines.Change c) {
        jdbc.sql("INSERT INTO cultivation_change (organisation_id, changed_on, description, reported_on)"
                        + " VALUES (:o, :c, :d, :r)")
                .param("o", organisationId)
                .param("c", c.changedOn())
                .param("d", c.description())
                .param("r", c.reportedOn())
                .update();
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static CultivationRecord map(ResultSet rs, int n) throws SQLException {
        return new CultivationRecord(
                rs.getLong("organisation_id"),
                Stage.valueOf(rs.getString("stage")),
                (Integer) rs.getObject("tsme_year", Integer.class),
                rs.getString("tsme_number"),
                date(rs, "applied_on"),
                rs.getString("certificate_number"),
                date(rs, "certificate_date"),
                date(rs, "expires_on"),
                date(rs, "cancelled_on"),
                rs.getString("cancel_reason"),
                rs.getInt("version"));
    }
}
