package org.gongtong.insight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.insight.internal.Access;
import org.gongtong.insight.internal.Catalogue;
import org.gongtong.insight.internal.Snapshots;
import org.gongtong.platform.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Indicators", description = "Dashboard figures, each with its definition and drill-down list")
class IndicatorApi {

    private final Catalogue catalogue;
    private final Access access;
    private final Snapshots snapshots;

    IndicatorApi(Catalogue catalogue, Access access, Snapshots snapshots) {
        this.catalogue = catalogue;
        this.access = access;
        this.snapshots = snapshots;
    }

    record IndicatorView(
            String id,
            String family,
            String name,
            BigDecimal value,
            String measure,
            String unit,
            String definition,
            String definitionVersion,
            String drillDown,
            String page) {}

    @GetMapping("/indicators")
    @Operation(
            summary = "Every indicator for the city or a county",
            description = "scope=city (default) or scope=county&county=<code or name>. Each figure has its"
                    + " drillDown: an API path whose paged result has totalElements = value (COUNT) or sum = value"
                    + " (SUM). County officers get their own county only (403 otherwise).")
    List<IndicatorView> indicators(
            @RequestParam(required = false) String scope, @RequestParam(required = false) String county) {
        IndicatorScope s = access.scope(Actor.current().orElseThrow(), scope, county);
        return catalogue.figures(s).stream()
                .map(f -> new IndicatorView(
                        f.id(),
                        f.family().name(),
                        f.name(),
                        f.value(),
                        f.measure().name(),
                        f.unit().name(),
                        f.definition(),
                        f.definitionVersion(),
                        f.drillDown(),
                        f.page()))
                .toList();
    }

    record PointView(String period, BigDecimal value, String definitionVersion) {}

    @GetMapping("/indicators/trends")
    @Operation(
            summary = "Monthly snapshot values per indicator for a scope",
            description = "from/to as YYYY-MM (default: the last 12 months)")
    Map<String, List<PointView>> trends(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        IndicatorScope s = access.scope(Actor.current().orElseThrow(), scope, county);
        YearMonth end = month("to", to, snapshots.thisMonth());
        YearMonth start = month("from", from, end.minusMonths(11));
        Map<String, List<PointView>> out = new java.util.LinkedHashMap<>();
        snapshots
                .series(s, start, end)
                .forEach((id, points) -> out.put(
                        id,
                        points.values().stream()
                                .map(p -> new PointView(p.period().toString(), p.value(), p.version()))
                                .toList()));
        return out;
    }

    @PostMapping("/indicators/snapshots")
    @Operation(summary = "Take (or retake) this month's snapshot of every indicator now (administrators)")
    Map<String, Object> snapshot() {
        int n = snapshots.takeNow(Actor.current().orElseThrow());
        return Map.of("period", snapshots.thisMonth().toString(), "values", n);
    }

    static YearMonth month(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "insight.monthInvalid", value);
        }
    }
}
