package org.gongtong.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.identity.Role;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.insight.internal.Access;
import org.gongtong.insight.internal.Catalogue;
import org.gongtong.insight.internal.Figure;
import org.gongtong.insight.internal.Reports;
import org.gongtong.insight.internal.Snapshots;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Xlsx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city and county dashboards, the annual and quarterly reports. */
@Controller
@RequestMapping("/insight")
class DashboardPages {

    private final Catalogue catalogue;
    private final Access access;
    private final Snapshots snapshots;
    private final Reports reports;
    private final Messages messages;

    DashboardPages(Catalogue catalogue, Access access, Snapshots snapshots, Reports reports, Messages messages) {
        this.catalogue = catalogue;
        this.access = access;
        this.snapshots = snapshots;
        this.reports = reports;
        this.messages = messages;
    }

    /** A family of figures on the dashboard; empty when no module contributes one yet. */
    record FamilyView(String key, String label, List<Figure> figures) {}

    @GetMapping
    String dashboard(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        IndicatorScope scope = access.defaultScope(actor, county);
        List<Figure> figures = catalogue.cachedFigures(scope);
        scopeModel(model, actor, scope);

        YearMonth end = month(to, snapshots.thisMonth());
        YearMonth start = month(from, end.minusMonths(11));
        if (start.isAfter(end)) {
            start = end;
        }
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("figureCards", cards(figures, request.getContextPath(), scope, start, end));
        Figure selected = figures.stream()
                .filter(f -> f.id().equals(indicator))
                .findFirst()
                .orElse(figures.isEmpty() ? null : figures.get(0));
        model.addAttribute("selected", selected);
        if (selected != null) {
            // trend: one point per month of the period, from the snapshots only
            var series = snapshots.series(scope, start, end).getOrDefault(selected.id(), Map.of());
            List<String> months = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
                months.add(m.toString());
                var p = series.get(m);
                values.add(p == null ? null : p.value().doubleValue());
            }
            model.addAttribute("trendMonths", months);
            model.addAttribute("trendValues", values);
            model.addAttribute("hasTrend", !series.isEmpty());
            // ranking of the counties (city scope): the live figure of each county
            if (scope.isCity()) {
                Indicator i = catalogue.find(selected.id()).orElseThrow();
                List<Map<String, Object>> ranking = new ArrayList<>();
                for (OrganisationDirectory.CountyRef c : access.counties()) {
                    IndicatorScope cs = IndicatorScope.county(c.code());
                    if (!i.covers(cs)) {
                        continue;
                    }
                    BigDecimal v = catalogue.cachedValue(i, cs);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", c.code());
                    row.put("name", c.name());
                    row.put("value", v.doubleValue());
                    row.put("display", catalogue.figure(i, cs, v).display());
                    row.put("page", i.page(cs));
                    ranking.add(row);
                }
                ranking.sort((a, b) -> Double.compare((Double) b.get("value"), (Double) a.get("value")));
                model.addAttribute("ranking", ranking);
            }
        }
        model.addAttribute("isAdmin", actor.isAdmin());
        return "insight/dashboard";
    }

    @PostMapping("/snapshots")
    String snapshot(@RequestParam(required = false) String county, RedirectAttributes redirect) {
        int n = snapshots.takeNow(Actor.current().orElseThrow());
        redirect.addFlashAttribute("notice", messages.get("insight.snapshot.taken", snapshots.thisMonth(), n));
        return county == null || county.isBlank() ? "redirect:/insight" : "redirect:/insight?county=" + county;
    }

    @GetMapping("/reports/annual")
    String annual(
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String county, Model model) {
        Actor actor = Actor.current().orElseThrow();
        IndicatorScope scope = access.defaultScope(actor, county);
        int y = year == null ? snapshots.thisMonth().getYear() : year;
        scopeModel(model, actor, scope);
        report(model, reports.annual(scope, y));
        model.addAttribute("year", y);
        model.addAttribute("kind", "annual");
        return "insight/report";
    }

    @GetMapping("/reports/quarterly")
    String quarterly(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter,
            @RequestParam(required = false) String county,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        IndicatorScope scope = access.defaultScope(actor, county);
        YearMonth now = snapshots.thisMonth();
        int y = year == null ? now.getYear() : year;
        int q = quarter == null ? (now.getMonthValue() - 1) / 3 + 1 : Math.max(1, Math.min(4, quarter));
        scopeModel(model, actor, scope);
        report(model, reports.quarterly(scope, y, q));
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("kind", "quarterly");
        return "insight/report";
    }

    @GetMapping(value = "/reports/annual.xlsx", produces = Xlsx.CONTENT_TYPE)
    void annualXlsx(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String county,
            HttpServletResponse response)
            throws IOException {
        IndicatorScope scope = access.defaultScope(Actor.current().orElseThrow(), county);
        int y = year == null ? snapshots.thisMonth().getYear() : year;
        xlsx(reports.annual(scope, y), "annual-" + y, response);
    }

    @GetMapping(value = "/reports/quarterly.xlsx", produces = Xlsx.CONTENT_TYPE)
    void quarterlyXlsx(
            @RequestParam int year,
            @RequestParam int quarter,
            @RequestParam(required = false) String county,
            HttpServletResponse response)
            throws IOException {
        IndicatorScope scope = access.defaultScope(Actor.current().orElseThrow(), county);
        xlsx(
                reports.quarterly(scope, year, Math.max(1, Math.min(4, quarter))),
                "quarterly-" + year + "-Q" + quarter,
                response);
    }

    /** The report and, for its chart, the counted figures with a value: [name, value]. */
    private static void report(Model model, Reports.Report report) {
        model.addAttribute("report", report);
        model.addAttribute(
                "chartRows",
                report.rows().stream()
                        .filter(r -> r.value() != null && r.figure().measure() == Indicator.Measure.COUNT)
                        .map(r -> List.of(r.figure().name(), r.value().doubleValue()))
                        .toList());
    }

    private void xlsx(Reports.Report report, String name, HttpServletResponse response) throws IOException {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"gongtong-" + name + ".xlsx\"");
        List<String> header = List.of(
                messages.get("insight.col.family"),
                messages.get("insight.col.indicator"),
                messages.get("insight.col.value"),
                messages.get("insight.col.previous"),
                messages.get("insight.col.change"),
                messages.get("insight.col.unit"),
                messages.get("insight.col.source"),
                messages.get("insight.col.definition"));
        List<List<?>> rows = new ArrayList<>();
        for (Reports.Row r : report.rows()) {
            List<Object> row = new ArrayList<>();
            row.add(messages.get("insight.family." + r.figure().family().name()));
            row.add(r.figure().name());
            row.add(r.value());
            row.add(r.previous());
            row.add(r.change());
            row.add(messages.get("insight.unit." + r.figure().unit().name()));
            row.add(
                    r.live()
                            ? messages.get("insight.source.live")
                            : messages.get("insight.source.snapshot", r.version()));
            row.add(r.figure().definition());
            rows.add(row);
        }
        Xlsx.write(response.getOutputStream(), report.title(), header, rows);
    }

    private void scopeModel(Model model, Actor actor, IndicatorScope scope) {
        model.addAttribute("scope", scope);
        model.addAttribute("county", scope.county());
        model.addAttribute(
                "scopeName", scope.isCity() ? messages.get("insight.city") : access.countyName(scope.county()));
        List<OrganisationDirectory.CountyRef> counties = Access.seesCity(actor)
                ? access.counties()
                : access.counties().stream()
                        .filter(c ->
                                actor.role() == Role.COUNTY_OFFICER && c.code().equals(actor.county()))
                        .toList();
        model.addAttribute("counties", counties);
        model.addAttribute("seesCity", Access.seesCity(actor));
    }

    /**
     * The cards' HTML changes only when a value does (a background refresh) or with the language,
     * scope and period: kept for those, so most pages only compare the values.
     */
    private final Map<String, String> cards = new java.util.concurrent.ConcurrentHashMap<>();

    private String cards(List<Figure> figures, String contextPath, IndicatorScope scope, YearMonth from, YearMonth to) {
        StringBuilder key = new StringBuilder(1024)
                .append(org.springframework.context.i18n.LocaleContextHolder.getLocale()
                        .toLanguageTag())
                .append('|')
                .append(contextPath)
                .append('|')
                .append(scope.county())
                .append('|')
                .append(from)
                .append('|')
                .append(to);
        for (Figure f : figures) {
            key.append('|').append(f.id()).append('=').append(f.value());
        }
        if (cards.size() > 256) {
            cards.clear();
        }
        return cards.computeIfAbsent(
                key.toString(),
                k -> FigureCards.html(
                        families(figures), contextPath, scope.county(), from.toString(), to.toString(), messages));
    }

    private List<FamilyView> families(List<Figure> figures) {
        List<FamilyView> out = new ArrayList<>();
        for (Indicator.Family f : Indicator.Family.values()) {
            out.add(new FamilyView(
                    f.name(),
                    messages.get("insight.family." + f.name()),
                    figures.stream().filter(x -> x.family() == f).toList()));
        }
        return out;
    }

    private static YearMonth month(String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
