package org.gongtong.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The utilisation figures of one instrument in a month, and what maintenance takes from them. */
class UtilisationTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    /** Beijing time. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(InstrumentService.ZONE).toInstant();
    }

    private static Instrument instrument(int hoursPerDay) {
        return new Instrument(
                7L,
                "场发射扫描电镜",
                3L,
                "聊城大学",
                "371502",
                "理工楼",
                "电镜",
                new BigDecimal("800000.00"),
                true,
                InstrumentStatus.AVAILABLE,
                null,
                30,
                24,
                8,
                false,
                hoursPerDay,
                new BigDecimal("100.00"),
                new BigDecimal("150.00"),
                new BigDecimal("200.00"),
                false,
                null,
                false,
                0,
                Instant.EPOCH);
    }

    private static Booking booking(
            BookingStatus status, Tier tier, String start, String end, String usedFrom, String usedTo, String charge) {
        return new Booking(
                1L,
                7L,
                "场发射扫描电镜",
                9L,
                null,
                "user",
                at(start),
                at(end),
                null,
                tier,
                status,
                null,
                usedFrom == null ? null : at(usedFrom),
                usedTo == null ? null : at(usedTo),
                null,
                null,
                charge == null ? null : new BigDecimal(charge),
                false,
                Instant.EPOCH);
    }

    private static MaintenanceWindow window(String start, String end) {
        return new MaintenanceWindow(1L, 7L, at(start), at(end), "保养", false);
    }

    @Test
    void withoutMaintenanceTheMonthOffersItsDaysTimesTheOpenHours() {
        Utilisation.Row r = Utilisation.row(instrument(8), MARCH, List.of(), List.of());
        assertThat(r.availableHours()).isEqualByComparingTo("248.00"); // 31 × 8
        assertThat(r.maintenanceHours()).isEqualByComparingTo("0");
        assertThat(r.usedRate()).isEqualByComparingTo("0");
    }

    @Test
    void aWindowTakesItsClockHoursUpToTheDaysOpenHours() {
        // two hours on the 2nd; 09:00–18:00 (9 h) on the 3rd takes the whole 8-hour day
        Utilisation.Row r = Utilisation.row(
                instrument(8),
                MARCH,
                List.of(),
                List.of(
                        window("2026-03-02T10:00", "2026-03-02T12:00"),
                        window("2026-03-03T09:00", "2026-03-03T18:00")));
        assertThat(r.maintenanceHours()).isEqualByComparingTo("10.00");
        assertThat(r.availableHours()).isEqualByComparingTo("238.00");
    }

    @Test
    void overlappingWindowsCountOnceAndAMultiDayWindowTakesEachDay() {
        Utilisation.Row r = Utilisation.row(
                instrument(8),
                MARCH,
                List.of(),
                List.of(
                        window("2026-03-10T08:00", "2026-03-10T11:00"),
                        window("2026-03-10T09:00", "2026-03-10T10:30"), // inside the first
                        window("2026-03-10T10:00", "2026-03-10T12:00"), // 11:00–12:00 is new
                        window("2026-03-20T12:00", "2026-03-23T12:00"))); // 12 h, 24, 24, 12 h
        // the 10th: 08:00–12:00 = 4 h; the 20th: 8 (12 h capped), 21st: 8, 22nd: 8, 23rd: 8
        assertThat(r.maintenanceHours()).isEqualByComparingTo("36.00");
        assertThat(r.availableHours()).isEqualByComparingTo("212.00");
    }

    @Test
    void aWindowAcrossTheMonthBoundaryCountsOnlyItsPartInTheMonth() {
        // 28 Feb 20:00 to 1 Mar 03:00 Beijing time: 3 h on 1 March; 31 Mar 22:00 to 1 Apr 06:00: 2 h
        Utilisation.Row r = Utilisation.row(
                instrument(12),
                MARCH,
                List.of(),
                List.of(
                        window("2026-02-28T20:00", "2026-03-01T03:00"),
                        window("2026-03-31T22:00", "2026-04-01T06:00")));
        assertThat(r.maintenanceHours()).isEqualByComparingTo("5.00");
        assertThat(r.availableHours()).isEqualByComparingTo("367.00"); // 31 × 12 − 5
    }

    @Test
    void ratesUseTheHoursLeftAfterMaintenance() {
        Utilisation.Row r = Utilisation.row(
                instrument(8),
                MARCH,
                List.of(
                        booking(
                                BookingStatus.COMPLETED,
                                Tier.EXTERNAL,
                                "2026-03-05T09:00",
                                "2026-03-05T13:00",
                                "2026-03-05T09:00",
                                "2026-03-05T12:00",
                                "600.00"),
                        booking(
                                BookingStatus.COMPLETED,
                                Tier.INTERNAL,
                                "2026-03-06T09:00",
                                "2026-03-06T10:00",
                                "2026-03-06T09:00",
                                "2026-03-06T10:00",
                                "100.00"),
                        booking(
                                BookingStatus.CANCELLED,
                                Tier.INTERNAL,
                                "2026-03-07T09:00",
                                "2026-03-07T17:00",
                                null,
                                null,
                                null)),
                // eight whole days under maintenance: 248 − 64 = 184 open hours left
                List.of(window("2026-03-20T00:00", "2026-03-28T00:00")));
        assertThat(r.availableHours()).isEqualByComparingTo("184.00");
        assertThat(r.bookedHours()).isEqualByComparingTo("5.00");
        assertThat(r.usedHours()).isEqualByComparingTo("4.00");
        assertThat(r.externalHours()).isEqualByComparingTo("3.00");
        assertThat(r.income()).isEqualByComparingTo("700.00");
        assertThat(r.bookedRate()).isEqualByComparingTo("0.0272"); // 5 ÷ 184
        assertThat(r.usedRate()).isEqualByComparingTo("0.0217"); // 4 ÷ 184
        assertThat(r.sharingRate()).isEqualByComparingTo("0.7500");
        assertThat(r.incomeRate()).isEqualByComparingTo("0.0009"); // 700 ÷ 800,000, four places
    }

    @Test
    void theOwnerRowAddsTheInstrumentsHours() {
        Utilisation.Row a = Utilisation.row(
                instrument(8), MARCH, List.of(), List.of(window("2026-03-02T10:00", "2026-03-02T12:00")));
        Utilisation.Row b = Utilisation.row(instrument(10), MARCH, List.of(), List.of());
        Utilisation.Row owner = Utilisation.sum(List.of(a, b), MARCH);
        assertThat(owner.availableHours()).isEqualByComparingTo("556.00"); // 246 + 310
        assertThat(owner.maintenanceHours()).isEqualByComparingTo("2.00");
        assertThat(owner.value()).isEqualByComparingTo("1600000.00");
    }
}
