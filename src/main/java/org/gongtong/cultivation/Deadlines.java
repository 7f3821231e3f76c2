package org.gongtong.cultivation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The deadlines of a recognised firm, computed for a given day (from the injected clock): the
 * annual report for each year of the certificate due 31 May of the next year; two missed reports
 * in one validity period cancel; changes reported within 3 months; renewal before expiry.
 */
public final class Deadlines {

    public static final MonthDay REPORT_DUE = MonthDay.of(5, 31);
    public static final int MISSED_REPORTS_CANCEL = 2;
    public static final int CHANGE_MONTHS = 3;
    public static final int REMIND_DAYS_AHEAD = 60;
    public static final int RENEWAL_MONTHS_AHEAD = 6;

    public enum Kind {
        ANNUAL_REPORT,
        CHANGE_REPORT,
        RENEWAL,
        CANCELLATION
    }

    /** One reminder: what, for which year or change, due when, and whether it is already late. */
    public record Reminder(Kind kind, Integer year, LocalDate due, boolean overdue, String subject) {}

    /** A reported or unreported change (name or major change). */
    public record Change(LocalDate changedOn, String description, LocalDate reportedOn) {}

    private Deadlines() {}

    /** The report years of a certificate: the certificate's year and the next two. */
    public static List<Integer> reportYears(CultivationRecord r) {
        List<Integer> years = new ArrayList<>();
        if (r.certificateDate() == null) {
            return years;
        }
        for (int y = r.certificateDate().getYear();
                y < r.certificateDate().getYear() + CultivationRecord.VALID_YEARS;
                y++) {
            years.add(y);
        }
        return years;
    }

    public static LocalDate reportDue(int year) {
        return REPORT_DUE.atYear(year + 1);
    }

    /** Reports of this validity period whose due date has passed without filing. */
    public static List<Integer> missedReports(CultivationRecord r, Collection<Integer> filedYears, LocalDate today) {
        return reportYears(r).stream()
                .filter(y -> today.isAfter(reportDue(y)) && !filedYears.contains(y))
                .toList();
    }

    public static List<Reminder> of(
            CultivationRecord r, Collection<Integer> filedYears, List<Change> changes, LocalDate today) {
        List<Reminder> list = new ArrayList<>();
        if (r.stage() != Stage.RECOGNISED && r.stage() != Stage.RENEWAL_APPLIED) {
            return list;
        }
        for (int y : reportYears(r)) {
            LocalDate due = reportDue(y);
            if (filedYears.contains(y) || today.isBefore(due.minusDays(REMIND_DAYS_AHEAD))) {
                continue;
            }
            list.add(new Reminder(Kind.ANNUAL_REPORT, y, due, today.isAfter(due), null));
        }
        List<Integer> missed = missedReports(r, filedYears, today);
        if (missed.size() >= MISSED_REPORTS_CANCEL) {
            list.add(new Reminder(Kind.CANCELLATION, null, today, true, missed.toString()));
        }
        for (Change c : changes) {
            if (c.reportedOn() == null) {
                LocalDate due = c.changedOn().plusMonths(CHANGE_MONTHS);
                list.add(new Reminder(Kind.CHANGE_REPORT, null, due, today.isAfter(due), c.description()));
            }
        }
        if (r.stage() == Stage.RECOGNISED
                && r.expiresOn() != null
                && !today.isBefore(r.expiresOn().minusMonths(RENEWAL_MONTHS_AHEAD))) {
            list.add(new Reminder(Kind.RENEWAL, null, r.expiresOn(), !today.isBefore(r.expiresOn()), null));
        }
        list.sort(java.util.Comparator.comparing(Reminder::due));
        return list;
    }
}
