package org.gongtong.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Utilisation of instruments in a month (Asia/Shanghai): booked and used hours ÷ available hours
 * (days × open hours a day, less what maintenance windows take), sharing rate = external used hours
 * ÷ used hours, income ÷ value; per instrument and rolled up per owner. Hours of a booking or a
 * maintenance window that crosses a month boundary count in each month for the part that falls in it.
 */
@Service
public class Utilisation {

    public record Row(
            Long instrumentId,
            String instrumentName,
            long ownerId,
            String ownerName,
            YearMonth month,
            BigDecimal value,
            BigDecimal availableHours,
            BigDecimal maintenanceHours,
            BigDecimal bookedHours,
            BigDecimal usedHours,
            BigDecimal externalHours,
            BigDecimal income,
            BigDecimal bookedRate,
            BigDecimal usedRate,
            BigDecimal sharingRate,
            BigDecimal incomeRate) {

        Row withRates() {
            return new Row(
                    instrumentId,
                    instrumentName,
                    ownerId,
                    ownerName,
                    month,
                    value,
                    availableHours,
                    maintenanceHours,
                    bookedHours,
                    usedHours,
                    externalHours,
                    income,
                    ratio(bookedHours, availableHours),
                    ratio(usedHours, availableHours),
                    ratio(externalHours, usedHours),
                    ratio(income, value));
        }
    }

    public record Report(YearMonth month, List<Row> instruments, List<Row> owners) {}

    private final InstrumentService service;

    Utilisation(InstrumentService service) {
        this.service = service;
    }

    @Transactional(readOnly = true)
    public Report report(YearMonth month, Long ownerId, Actor actor) {
        Long owner = ownerId;
        String county = null;
        if (!actor.citywide()) {
            if (actor.role() == Role.COUNTY_OFFICER) {
                county = actor.county();
            } else {
                owner = actor.organisationId() == null ? -1L : actor.organisationId();
            }
        }
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        List<Row> rows = new ArrayList<>();
        for (Instrument i : service.all(owner, county)) {
            rows.add(row(i, month, service.between(i.id(), from, to), service.maintenance(i.id(), from, to)));
        }
        Map<Long, List<Row>> byOwner = new LinkedHashMap<>();
        rows.forEach(r ->
                byOwner.computeIfAbsent(r.ownerId(), k -> new ArrayList<>()).add(r));
        List<Row> owners = new ArrayList<>();
        byOwner.forEach((id, list) -> owners.add(sum(list, month)));
        return new Report(month, rows, owners);
    }

    static Row row(Instrument i, YearMonth month, List<Booking> bookings, List<MaintenanceWindow> maintenance) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        long booked = 0;
        long used = 0;
        long external = 0;
        BigDecimal income = BigDecimal.ZERO.setScale(2);
        for (Booking b : bookings) {
            if (b.status() == BookingStatus.CONFIRMED
                    || b.status() == BookingStatus.IN_USE
                    || b.status() == BookingStatus.COMPLETED
                    || b.status() == BookingStatus.NO_SHOW) {
                booked += overlap(b.start(), b.end(), from, to);
            }
            if (b.status() == BookingStatus.COMPLETED && b.actualStart() != null) {
                long u = overlap(b.actualStart(), b.actualEnd(), from, to);
                used += u;
                if (b.tier() == Tier.EXTERNAL) {
                    external += u;
                }
                if (b.charge() != null
                        && !b.actualEnd().isBefore(from)
                        && b.actualEnd().isBefore(to)) {
                    income = income.add(b.charge());
                }
            }
        }
        long open = (long) month.lengthOfMonth() * i.hoursPerDay() * 60;
        long lost = maintenanceMinutes(i.hoursPerDay(), month, maintenance);
        return new Row(
                        i.id(),
                        i.name(),
                        i.ownerId(),
                        i.ownerName(),
                        month,
                        i.value(),
                        Hours.of(open - lost),
                        Hours.of(lost),
                        Hours.of(booked),
                        Hours.of(used),
                        Hours.of(external),
                        income,
                        null,
                        null,
                        null,
                        null)
                .withRates();
    }

    static Row sum(List<Row> rows, YearMonth month) {
        Row first = rows.get(0);
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal booked = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal external = BigDecimal.ZERO;
        BigDecimal income = BigDecimal.ZERO;
        for (Row r : rows) {
            value = value.add(r.value());
            available = available.add(r.availableHours());
            maintenance = maintenance.add(r.maintenanceHours());
            booked = booked.add(r.bookedHours());
            used = used.add(r.usedHours());
            external = external.add(r.externalHours());
            income = income.add(r.income());
        }
        return new Row(
                        null,
                        null,
                        first.ownerId(),
                        first.ownerName(),
                        month,
                        value,
                        available,
                        maintenance,
                        booked,
                        used,
                        external,
                        income,
                        null,
                        null,
                        null,
                        null)
                .withRates();
    }

    /**
     * Open minutes that maintenance takes from a month: on each day (Asia/Shanghai) the clock time its
     * windows cover, counted once where they overlap, up to the day's open hours. Maintenance is done
     * in the hours the instrument would be open, so a window over a working day takes the whole day
     * and a two-hour window takes two hours.
     */
    static long maintenanceMinutes(int hoursPerDay, YearMonth month, List<MaintenanceWindow> windows) {
        List<MaintenanceWindow> sorted = windows.stream()
                .sorted(java.util.Comparator.comparing(MaintenanceWindow::start))
                .toList();
        long lost = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            Instant dayStart = start(month.atDay(d));
            Instant dayEnd = start(month.atDay(d).plusDays(1));
            long covered = 0;
            Instant reached = dayStart; // windows are sorted by start: count only what lies past the last end
            for (MaintenanceWindow w : sorted) {
                Instant s = w.start().isAfter(reached) ? w.start() : reached;
                covered += overlap(s, w.end(), dayStart, dayEnd);
                if (w.end().isAfter(reached)) {
                    reached = w.end();
                }
            }
            lost += Math.min((long) hoursPerDay * 60, covered);
        }
        return lost;
    }

    private static Instant start(YearMonth month) {
        return start(month.atDay(1));
    }

    private static Instant start(java.time.LocalDate day) {
        return day.atStartOfDay(InstrumentService.ZONE).toInstant();
    }

    private static long overlap(Instant s, Instant e, Instant from, Instant to) {
        Instant a = s.isAfter(from) ? s : from;
        Instant b = e.isBefore(to) ? e : to;
        return b.isAfter(a) ? Duration.between(a, b).toMinutes() : 0;
    }

    static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b == null || b.signum() == 0 ? null : a.divide(b, 4, RoundingMode.HALF_UP);
    }
}
