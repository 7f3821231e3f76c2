package org.gongtong.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The rule every indicator must keep: its value equals the {@code totalElements} (COUNT) or the
 * {@code sum} (SUM) of its drill-down list. Returns what is wrong, empty when all is well.
 */
final class DrillDownCheck {

    @FunctionalInterface
    interface Fetch {
        JsonNode get(String path) throws Exception;
    }

    private DrillDownCheck() {}

    static List<String> check(Indicator indicator, IndicatorScope scope, Fetch fetch) throws Exception {
        List<String> problems = new ArrayList<>();
        String where = indicator.id() + " @ " + (scope.isCity() ? "city" : scope.county());
        BigDecimal value = indicator.value(scope);
        String path = indicator.drillDown(scope);
        if (value == null) {
            problems.add(where + ": no value");
            return problems;
        }
        if (path == null || !path.startsWith("/api/v1/")) {
            problems.add(where + ": drill-down is not an API path: " + path);
            return problems;
        }
        if (!scope.isCity() && !path.contains("county=" + scope.county())) {
            problems.add(where + ": drill-down does not filter by the county: " + path);
        }
        JsonNode page = fetch.get(path + (path.contains("?") ? "&" : "?") + "size=1");
        if (indicator.measure() == Indicator.Measure.COUNT) {
            JsonNode total = page.get("totalElements");
            if (total == null || value.compareTo(new BigDecimal(total.asString())) != 0) {
                problems.add(
                        where + ": value " + value + " but the drill-down " + path + " has totalElements " + total);
            }
        } else {
            JsonNode sum = page.get("sum");
            if (sum == null || sum.isNull() || value.compareTo(new BigDecimal(sum.asString())) != 0) {
                problems.add(where + ": value " + value + " but the drill-down " + path + " sums to " + sum);
            }
        }
        return problems;
    }
}
