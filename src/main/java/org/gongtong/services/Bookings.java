package org.gongtong.services;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

/** Bookings and the cells that keep them from overlapping. */
@Repository
class Bookings {

    static final String FROM =
            " FROM booking b JOIN instrument i ON i.id = b.instrument_id" + " JOIN organisation o ON o.id = i.owner_id";
    static final String SELECT = "SELECT b.*, i.name AS instrument_name" + FROM;
    static final String HOLDING = "('PENDING','CONFIRMED','IN_USE','COMPLETED','NO_SHOW')";

    private final JdbcClient jdbc;
    private final Totals totals;

    Bookings(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    long insert(
            long instrumentId,
            long userId,
            Long userOrg,
            String bookedBy,
            Instant start,
            Instant end,
            String purpose,
            Tier tier,
            BookingStatus status,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO booking (instrument_id, user_id, user_organisation_id, booked_by, starts_at, ends_at,
                          purpose, tier, status, demo, created_at)
                        VALUES (:i, :u, :org, :by, :start, :end, :purpose, :tier, :status, :demo, :at)""")
                .param("i", instrumentId)
                .param("u", userId)
                .param("org", userOrg)
                .param("by", bookedBy)
                .param("start", Sql.timestamp(start))
                .param("end", Sql.timestamp(end))
                .param("purpose", purpose)
                .param("tier", tier.name())
                .param("status", status.name())
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("booking");
        return keys.getKey().longValue();
    }

    /** Occupies the booking's cells, in time order; a cell already held raises a duplicate-key error. */
    void occupy(long instrumentId, long bookingId, List<Instant> cells) {
        for (Instant c : cells) {
            jdbc.sql("INSERT INTO booking_cell (instrument_id, cell_start, booking_id) VALUES (:i, :c, :b)")
                    .param("i", instrumentId)
                    .param("c", Sql.timestamp(c))
                    .param("b", bookingId)
                    .update();
        }
    }

    void release(long bookingId) {
        jdbc.sql("DELETE FROM booking_cell WHERE booking_id = :b")
                .param("b", bookingId)
                .update();
    }

    Optional<Booking> find(long id) {
        return jdbc.sql(SELECT + " WHERE b.id = :id")
                .param("id", id)
                .query(Bookings::map)
                .optional();
    }

    /** A committed booking holding time that overlaps [start, end) of the instrument, if any. */
    Optional<Booking> overlapping(long instrumentId, Instant start, Instant end) {
        return jdbc.sql(SELECT + " WHERE b.instrument_id = :i AND b.status IN " + HOLDING
                        + " AND b.starts_at < :end AND b.ends_at > :start ORDER BY b.starts_at FETCH FIRST 1 ROWS ONLY")
                .param("i", instrumentId)
                .param("start", Sql.timestamp(start))
                .param("end", Sql.timestamp(end))
                .query(Bookings::map)
                .optional();
    }

    /** The bookings of an instrument that overlap [from, to), in time order. */
    List<Booking> between(long instrumentId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE b.instrument_id = :i AND b.starts_at < :to AND b.ends_at > :from"
                        + " ORDER BY b.starts_at, b.id")
                .param("i", instrumentId)
                .param("from", Sql.timestamp(from))
                .param("to", Sql.timestamp(to))
                .query(Bookings::map)
                .list();
    }

    /** A started booking of the user with no usage record yet (the one blocking a new booking). */
    Optional<Booking> usageDue(long userId, Instant now) {
        return jdbc.sql(SELECT + " WHERE b.user_id = :u AND (b.status = 'IN_USE' OR (b.status = 'CONFIRMED'"
                        + " AND b.starts_at <= :now)) ORDER BY b.starts_at FETCH FIRST 1 ROWS ONLY")
                .param("u", userId)
                .param("now", Sql.timestamp(now))
                .query(Bookings::map)
                .optional();
    }

    /** Confirmed bookings nobody checked in to by {@code startedBefore}. */
    List<Booking> unattended(Instant startedBefore) {
        return jdbc.sql(SELECT + " WHERE b.status = 'CONFIRMED' AND b.starts_at <= :t ORDER BY b.id")
                .param("t", Sql.timestamp(startedBefore))
                .query(Bookings::map)
                .list();
    }

    /** In-use bookings whose time ended without a usage record. */
    List<Booking> endedInUse(Instant now) {
        return jdbc.sql(SELECT + " WHERE b.status = 'IN_USE' AND b.ends_at <= :t ORDER BY b.id")
                .param("t", Sql.timestamp(now))
                .query(Bookings::map)
                .list();
    }

    boolean setStatus(long id, BookingStatus from, BookingStatus to) {
        var written = jdbc.sql("UPDATE booking SET status = :to WHERE id = :id AND status = :from")
                        .param("to", to.name())
                        .param("id", id)
                        .param("from", from.name())
                        .update()
                == 1;
        totals.changed("booking");
        return written;
    }

    boolean checkIn(long id, BookingStatus from, Instant at) {
        var written =
                jdbc.sql("UPDATE booking SET status = 'IN_USE', checked_in_at = :at WHERE id = :id AND status = :from")
                                .param("at", Sql.timestamp(at))
                                .param("id", id)
                                .param("from", from.name())
                                .update()
                        == 1;
        totals.changed("booking");
        return written;
    }

    boolean recordUsage(
            long id,
            BookingStatus from,
            Instant start,
            Instant end,
            Integer samples,
            String outcome,
            BigDecimal charge) {
        var written = jdbc.sql("""
                        UPDATE booking SET status = 'COMPLETED', actual_start = :s, actual_end = :e, samples = :samples,
                          outcome = :outcome, charge = :charge WHERE id = :id AND status = :from""")
                        .param("s", Sql.timestamp(start))
                        .param("e", Sql.timestamp(end))
                        .param("samples", samples)
                        .param("outcome", outcome)
                        .param("charge", charge)
                        .param("id", id)
                        .param("from", from.name())
                        .update()
                == 1;
        totals.changed("booking");
        return written;
    }

    /**
     * The rows behind the booking indicators: which bookings count, and the sum of what. One
     * definition for the figure and its drill-down.
     */
    enum Measure {
        BOOKED("b.status IN ('CONFIRMED','IN_USE','COMPLETED','NO_SHOW')", null),
        USED("b.status = 'COMPLETED'", null),
        CHARGED("b.status = 'COMPLETED'", "b.charge");

        final String condition;
        final String sumColumn;

        Measure(String condition, String sumColumn) {
            this.condition = condition;
            this.sumColumn = sumColumn;
        }
    }

    record Criteria(Measure measure, String county, Long instrumentId, Long ownerId, Long userId) {}

    PageResult<Booking> search(Criteria c, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        long total = totals.count("SELECT COUNT(*) FROM booking b" + where, params, "booking", "instrument");
        // the page's ids from the bookings alone (newest first by the start index, stopping at the page), then
        // their rows: joining instrument and owner first made H2 sort every matching booking (~1 s on 100,000)
        List<Booking> rows = total == 0
                ? List.of()
                : Sql.pageByIds(
                        jdbc,
                        "SELECT b.id FROM booking b" + where + " ORDER BY b.starts_at DESC, b.id DESC",
                        params,
                        page,
                        SELECT + " WHERE b.id IN (:ids) ORDER BY b.starts_at DESC, b.id DESC",
                        Bookings::map);
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    /** The sum behind a measure: hours booked or used (exact minutes ÷ 60), or charges. */
    BigDecimal sum(Criteria c) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        if (c.measure() == Measure.CHARGED) {
            BigDecimal s = totals.sum(
                    "SELECT COALESCE(SUM(b.charge), 0) FROM booking b" + where, params, "booking", "instrument");
            return s == null ? BigDecimal.ZERO.setScale(2) : s.setScale(2);
        }
        // minutes summed in Java from the rows: portable and exact
        String sql = SELECT + where;
        return totals.get(
                sql + " /* " + c.measure() + " minutes */", params, new String[] {"booking", "instrument"}, () -> {
                    long minutes = 0;
                    for (Booking b :
                            jdbc.sql(sql).params(params).query(Bookings::map).list()) {
                        Instant s = c.measure() == Measure.USED ? b.actualStart() : b.start();
                        Instant e = c.measure() == Measure.USED ? b.actualEnd() : b.end();
                        if (s != null && e != null) {
                            minutes +=
                                    Math.max(0, java.time.Duration.between(s, e).toMinutes());
                        }
                    }
                    return Hours.of(minutes);
                });
    }

    private static String where(Criteria c, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (c.measure() != null) {
            w.append(" AND ").append(c.measure().condition);
        }
        // conditions on the booking and subqueries only: the same WHERE serves the booking table alone
        // (COUNT, SUM, the page's ids) and the rows joined to instrument and owner (NOT NULL keys: one each)
        if (c.county() != null) {
            w.append(" AND EXISTS (SELECT 1 FROM instrument ic JOIN organisation oc ON oc.id = ic.owner_id"
                    + " WHERE ic.id = b.instrument_id AND oc.county_code = :county)");
            params.put("county", c.county());
        }
        if (c.instrumentId() != null) {
            w.append(" AND b.instrument_id = :instrument");
            params.put("instrument", c.instrumentId());
        }
        if (c.ownerId() != null) {
            w.append(" AND b.instrument_id IN (SELECT id FROM instrument WHERE owner_id = :owner)");
            params.put("owner", c.ownerId());
        }
        if (c.userId() != null) {
            w.append(" AND b.user_id = :user");
            params.put("user", c.userId());
        }
        return w.toString();
    }

    int deleteDemo() {
        var written = jdbc.sql(
                        "DELETE FROM booking WHERE demo = TRUE OR instrument_id IN (SELECT id FROM instrument WHERE demo = TRUE)")
                .update();
        totals.changed("booking");
        return written;
    }

    static Booking map(ResultSet rs, int n) throws SQLException {
        return new Booking(
                rs.getLong("id"),
                rs.getLong("instrument_id"),
                rs.getString("instrument_name"),
                rs.getLong("user_id"),
                (Long) rs.getObject("user_organisation_id", Long.class),
                rs.getString("booked_by"),
                Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"),
                rs.getString("purpose"),
                Tier.valueOf(rs.getString("tier")),
                BookingStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "checked_in_at"),
                Sql.instant(rs, "actual_start"),
                Sql.instant(rs, "actual_end"),
                (Integer) rs.getObject("samples", Integer.class),
                rs.getString("outcome"),
                rs.getBigDecimal("charge"),
                rs.getBoolean("demo"),
                Sql.instant(rs, "created_at"));
    }
}
