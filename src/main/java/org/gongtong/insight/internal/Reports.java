package org.gongtong.insight.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.Messages;
import org.springframework.stereotype.Service;

/**
 * The annual report of the community and the quarterly report for the leading group, built from
 * the same indicators (names, definitions, values) as the dashboards: the value at the end of the
 * period is the month-end snapshot of its last month; while that month is still running (no
 * snapshot yet) the live value is used and marked so; the comparison is the snapshot at the end of
 * the previous period.
 */
@Service
public class Reports {

    public record Row(
            Figure figure, BigDecimal value, BigDecimal previous, BigDecimal change, boolean live, String version) {}

    /** A report: its title, the period end and the one before, rows, and monthly values for charts. */
    public record Report(
            String title,
            YearMonth end,
            YearMonth previousEnd,
            List<Row> rows,
            List<String> months,
            Map<String, List<BigDecimal>> monthly) {}

    private final Catalogue catalogue;
    private final Snapshots snapshots;
    private final Messages messages;

    Reports(Catalogue catalogue, Snapshots snapshots, Messages messages) {
        this.catalogue = catalogue;
        this.snapshots = snapshots;
        this.messages = messages;
    }

    public Report annual(IndicatorScope scope, int year) {
        return report(
                scope,
                messages.get("insight.report.annual.title", String.valueOf(year)),
                YearMonth.of(year, 1),
                YearMonth.of(year, 12));
    }

    public Report quarterly(IndicatorScope scope, int year, int quarter) {
        YearMonth start = YearMonth.of(year, (quarter - 1) * 3 + 1);
        return report(
                scope,
                messages.get("insight.report.quarterly.title", String.valueOf(year), quarter),
                start,
                start.plusMonths(2));
    }

    private Report report(IndicatorScope scope, String title, YearMonth start, YearMonth end) {
        YearMonth previousEnd = start.minusMonths(1);
        YearMonth now = snapshots.thisMonth();
        var series = snapshots.series(scope, previousEnd, end);
        List<String> months = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<Row> rows = new ArrayList<>();
        Map<String, List<BigDecimal>> monthly = new java.util.LinkedHashMap<>();
        for (Indicator i : catalogue.all()) {
            if (!i.covers(scope)) {
                continue;
            }
            var points = series.getOrDefault(i.id(), Map.of());
            Snapshots.Point atEnd = points.get(end);
            Snapshots.Point before = points.get(previousEnd);
            BigDecimal value;
            boolean live = false;
            String version = null;
            if (atEnd != null) {
                value = atEnd.value();
                version = atEnd.version();
            } else if (!end.isBefore(now) && !start.isAfter(now)) {
                value = catalogue.cachedValue(i, scope);
                live = true;
                version = catalogue.definitionVersion(i.id());
            } else {
                value = null;
            }
            BigDecimal previous = before == null ? null : before.value();
            BigDecimal change = value == null || previous == null ? null : value.subtract(previous);
            rows.add(new Row(catalogue.figure(i, scope, value), value, previous, change, live, version));
            List<BigDecimal> values = new ArrayList<>();
            for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
                Snapshots.Point p = points.get(m);
                values.add(p == null ? null : p.value());
            }
            monthly.put(i.id(), values);
        }
        return new Report(title, end, previousEnd, rows, months, monthly);
    }
}
