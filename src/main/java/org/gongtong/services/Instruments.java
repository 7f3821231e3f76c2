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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The instrument catalogue, its partners, trained users and maintenance windows. */
@Repository
class Instruments {

    static final String SELECT = """
            SELECT i.*, o.name AS owner_name, o.county_code AS owner_county
            FROM instrument i JOIN organisation o ON o.id = i.owner_id""";

    private final JdbcClient jdbc;
    private final Totals totals;

    Instruments(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    long insert(Instrument i, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO instrument (name, owner_id, location, category, instrument_value, must_share, status,
                          maintenance_until, slot_minutes, lead_hours, max_hours, approval_needed, hours_per_day,
                          price_internal, price_partner, price_external, training_required, training_note, demo,
                          created_at)
                        VALUES (:name, :owner, :location, :category, :value, :mustShare, :status, :until, :slot, :lead,
                          :max, :approval, :hpd, :pi, :pp, :pe, :training, :note, :demo, :at)""")
                .param("name", i.name())
                .param("owner", i.ownerId())
                .param("location", i.location())
                .param("category", i.category())
                .param("value", i.value())
                .param("mustShare", i.mustShare())
                .param("status", i.status().name())
                .param("until", i.maintenanceUntil())
                .param("slot", i.slotMinutes())
                .param("lead", i.leadHours())
                .param("max", i.maxHours())
                .param("approval", i.approvalNeeded())
                .param("hpd", i.hoursPerDay())
                .param("pi", i.priceInternal())
                .param("pp", i.pricePartner())
                .param("pe", i.priceExternal())
                .param("training", i.trainingRequired())
                .param("note", i.trainingNote())
                .param("demo", i.demo())
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("instrument");
        return keys.getKey().longValue();
    }

    boolean updateStatus(long id, InstrumentStatus status, LocalDate until, int version) {
        var written = jdbc.sql("""
                        UPDATE instrument SET status = :status, maintenance_until = :until, version = version + 1
                        WHERE id = :id AND version = :version""")
                        .param("status", status.name())
                        .param("until", until)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
        totals.changed("instrument");
        return written;
    }

    Optional<Instrument> find(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id")
                .param("id", id)
                .query(Instruments::map)
                .optional();
    }

    /** Filters of the catalogue; the same criteria give the indicator figures and their drill-down. */
    record Criteria(String q, Long ownerId, String county, Boolean mustShare, InstrumentStatus status) {}

    PageResult<Instrument> search(Criteria c, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        long total = totals.count(
                "SELECT COUNT(*) FROM instrument i JOIN organisation o ON o.id = i.owner_id" + where,
                params,
                "instrument");
        List<Instrument> rows = page.size() == 0 || total == 0
                ? List.<Instrument>of()
                : jdbc.sql(SELECT + where + " ORDER BY i.id DESC OFFSET :off ROWS FETCH NEXT :size ROWS ONLY")
                        .params(params)
                        .param("off", page.offset())
                        .param("size", page.size())
                        .query(Instruments::map)
                        .list();
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    long count(Criteria c) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        return totals.count(
                "SELECT COUNT(*) FROM instrument i JOIN organisation o ON o.id = i.owner_id" + where,
                params,
                "instrument");
    }

    List<Instrument> all(Criteria c) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        return jdbc.sql(SELECT + where + " ORDER BY i.id")
                .params(params)
                .query(Instruments::map)
                .list();
    }

    static String where(Criteria c, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (c.q() != null && !c.q().isBlank()) {
            w.append(" AND (i.name LIKE :q OR i.category LIKE :q OR i.location LIKE :q)");
            params.put("q", Sql.contains(c.q()));
        }
        if (c.ownerId() != null) {
            w.append(" AND i.owner_id = :owner");
            params.put("owner", c.ownerId());
        }
        if (c.county() != null) {
            // EXISTS: H2 walks the instruments newest first instead of sorting the county's
            w.append(
                    " AND EXISTS (SELECT 1 FROM organisation oc WHERE oc.id = i.owner_id AND oc.county_code = :county)");
            params.put("county", c.county());
        }
        if (c.mustShare() != null) {
            w.append(" AND i.must_share = :mustShare");
            params.put("mustShare", c.mustShare());
        }
        if (c.status() != null) {
            w.append(" AND i.status = :status");
            params.put("status", c.status().name());
        }
        return w.toString();
    }

    // partners, training, maintenance

    void addPartner(long instrumentId, long orgId) {
        if (!isPartner(instrumentId, orgId)) {
            jdbc.sql("INSERT INTO instrument_partner (instrument_id, organisation_id) VALUES (:i, :o)")
                    .param("i", instrumentId)
                    .param("o", orgId)
                    .update();
        }
    }

    boolean isPartner(long instrumentId, long orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM instrument_partner WHERE instrument_id = :i AND organisation_id = :o")
                        .param("i", instrumentId)
                        .param("o", orgId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Long> partners(long instrumentId) {
        return jdbc.sql(
                        "SELECT organisation_id FROM instrument_partner WHERE instrument_id = :i ORDER BY organisation_id")
                .param("i", instrumentId)
                .query(Long.class)
                .list();
    }

    void addTraining(long instrumentId, long userId, LocalDate on, String by) {
        if (!trained(instrumentId, userId)) {
            jdbc.sql("""
                            INSERT INTO instrument_training (instrument_id, user_id, trained_on, recorded_by)
                            VALUES (:i, :u, :on, :by)""")
                    .param("i", instrumentId)
                    .param("u", userId)
                    .param("on", on)
                    .param("by", by)
                    .update();
        }
    }

    boolean trained(long instrumentId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM instrument_training WHERE instrument_id = :i AND user_id = :u")
                        .param("i", instrumentId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<InstrumentTraining> trainings(long instrumentId) {
        return jdbc.sql("""
                        SELECT t.user_id, u.username, u.display_name, t.trained_on FROM instrument_training t
                        JOIN app_user u ON u.id = t.user_id WHERE t.instrument_id = :i ORDER BY t.trained_on, t.user_id""")
                .param("i", instrumentId)
                .query((rs, n) -> new InstrumentTraining(
                        rs.getLong("user_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getObject("trained_on", LocalDate.class)))
                .list();
    }

    long addMaintenance(long instrumentId, Instant from, Instant to, String reason, boolean fromStatus) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO instrument_maintenance (instrument_id, starts_at, ends_at, reason, from_status)
                        VALUES (:i, :from, :to, :reason, :status)""")
                .param("i", instrumentId)
                .param("from", Sql.timestamp(from))
                .param("to", Sql.timestamp(to))
                .param("reason", reason)
                .param("status", fromStatus)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Ends the window of a maintenance status at {@code now} (the instrument is back, or its date changed). */
    void endStatusMaintenance(long instrumentId, Instant now) {
        jdbc.sql("""
                        DELETE FROM instrument_maintenance
                        WHERE instrument_id = :i AND from_status = TRUE AND starts_at >= :now""").param("i", instrumentId).param("now", Sql.timestamp(now)).update();
        jdbc.sql("""
                        UPDATE instrument_maintenance SET ends_at = :now
                        WHERE instrument_id = :i AND from_status = TRUE AND ends_at > :now""").param("i", instrumentId).param("now", Sql.timestamp(now)).update();
    }

    List<MaintenanceWindow> maintenance(long instrumentId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT * FROM instrument_maintenance WHERE instrument_id = :i AND starts_at < :to AND ends_at > :from
                        ORDER BY starts_at""")
                .param("i", instrumentId)
                .param("from", Sql.timestamp(from))
                .param("to", Sql.timestamp(to))
                .query((rs, n) -> new MaintenanceWindow(
                        rs.getLong("id"),
                        rs.getLong("instrument_id"),
                        Sql.instant(rs, "starts_at"),
                        Sql.instant(rs, "ends_at"),
                        rs.getString("reason"),
                        rs.getBoolean("from_status")))
                .list();
    }

    int deleteDemo() {
        var written = jdbc.sql("DELETE FROM instrument WHERE demo = TRUE").update();
        totals.changed("instrument");
        return written;
    }

    Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM instrument WHERE name = :n ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("n", name)
                .query(Long.class)
                .optional();
    }

    static Instrument map(ResultSet rs, int n) throws SQLException {
        return new Instrument(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("owner_id"),
                rs.getString("owner_name"),
                rs.getString("owner_county"),
                rs.getString("location"),
                rs.getString("category"),
                rs.getBigDecimal("instrument_value"),
                rs.getBoolean("must_share"),
                InstrumentStatus.valueOf(rs.getString("status")),
                rs.getObject("maintenance_until", LocalDate.class),
                rs.getInt("slot_minutes"),
                rs.getInt("lead_hours"),
                rs.getInt("max_hours"),
                rs.getBoolean("approval_needed"),
                rs.getInt("hours_per_day"),
                rs.getBigDecimal("price_internal"),
                rs.getBigDecimal("price_partner"),
                rs.getBigDecimal("price_external"),
                rs.getBoolean("training_required"),
                rs.getString("training_note"),
                rs.getBoolean("demo"),
                rs.getInt("version"),
                Sql.instant(rs, "created_at"));
    }

    static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
