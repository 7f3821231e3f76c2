package org.gongtong.market.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.market.BrokerageStatus;
import org.gongtong.market.Brokerages;
import org.gongtong.market.Cooperation;
import org.gongtong.market.Market;
import org.gongtong.market.NeedCriteria;
import org.gongtong.market.NeedForm;
import org.gongtong.market.ResultCriteria;
import org.gongtong.market.ResultForm;
import org.gongtong.market.TechContracts;
import org.gongtong.market.TechNeed;
import org.gongtong.market.TechResult;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.gongtong.search.Visibility;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Market pages: needs and results (filters, export, create), a need's matches, brokerages, contracts. */
@Controller
@RequestMapping("/market")
class MarketPages {

    private final Market market;
    private final Brokerages brokerages;
    private final TechContracts contracts;
    private final Messages messages;

    MarketPages(Market market, Brokerages brokerages, TechContracts contracts, Messages messages) {
        this.market = market;
        this.brokerages = brokerages;
        this.contracts = contracts;
        this.messages = messages;
    }

    @GetMapping
    String home() {
        return "redirect:/market/needs";
    }

    // ------------------------------------------------------------ needs

    @GetMapping("/needs")
    String needs(@RequestParam Map<String, String> params, Model model) {
        NeedCriteria c = needCriteria(params);
        model.addAttribute("page", market.needs(c, actor(), PageRequest.of(intOr(params.get("page"), 0), 50)));
        model.addAttribute("criteria", c);
        common(model);
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "market/needs";
    }

    @PostMapping("/needs")
    String createNeed(@RequestParam MultiValueMap<String, String> form, Model model) {
        Map<String, String> values = form.toSingleValueMap();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            NeedForm f = new NeedForm(
                    values.get("title"),
                    values.get("description"),
                    values.get("industry"),
                    values.get("field"),
                    money(values, "budgetMin", errors),
                    money(values, "budgetMax", errors),
                    cooperation(form.get("cooperation")),
                    date(values, "deadline", errors),
                    visibility(values.get("visibility")),
                    organisation(values, errors));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors.entrySet().stream()
                        .map(e -> new FieldError(e.getKey(), e.getValue()))
                        .toList());
            }
            TechNeed n = market.createNeed(f, actor());
            return "redirect:/market/needs/" + n.id();
        } catch (ValidationException e) {
            e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
        } catch (DomainException e) {
            errors.put(e.field() == null ? "title" : e.field(), messages.get(e.messageKey(), e.args()));
        }
        model.addAttribute("page", market.needs(NeedCriteria.ALL, actor(), PageRequest.of(0, 50)));
        model.addAttribute("criteria", NeedCriteria.ALL);
        common(model);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "market/needs";
    }

    @GetMapping("/needs/{id}")
    String need(
            @PathVariable long id,
            @RequestParam(required = false) String cooperation,
            @RequestParam(required = false) Integer minTrl,
            Model model) {
        List<Cooperation> c = Market.cooperation(cooperation);
        model.addAttribute(
                "m", market.matches(id, new Market.MatchFilters(c.isEmpty() ? null : c.get(0), minTrl, null), actor()));
        model.addAttribute("cooperation", cooperation);
        model.addAttribute("minTrl", minTrl);
        common(model);
        return "market/need";
    }

    @GetMapping("/needs/export")
    void exportNeeds(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (TechNeed n : market.allNeeds(needCriteria(params), actor())) {
            rows.add(List.of(
                    n.id(),
                    n.title(),
                    n.organisationName(),
                    nz(n.county()),
                    nz(n.industry()),
                    nz(n.field()),
                    String.join(",", n.cooperation().stream().map(Enum::name).toList()),
                    n.visibility().name(),
                    n.budgetMin() == null ? "" : n.budgetMin(),
                    n.budgetMax() == null ? "" : n.budgetMax(),
                    n.deadline() == null ? "" : n.deadline(),
                    n.status()));
        }
        xlsx(
                response,
                "needs",
                List.of(
                        "id",
                        messages.get("market.field.title"),
                        messages.get("market.field.organisation"),
                        messages.get("market.field.county"),
                        messages.get("market.field.industry"),
                        messages.get("market.field.field"),
                        messages.get("market.field.cooperation"),
                        messages.get("market.field.visibility"),
                        messages.get("market.field.budgetMin"),
                        messages.get("market.field.budgetMax"),
                        messages.get("market.field.deadline"),
                        messages.get("market.field.status")),
                rows);
    }

    // ------------------------------------------------------------ results

    @GetMapping("/results")
    String results(@RequestParam Map<String, String> params, Model model) {
        ResultCriteria c = resultCriteria(params);
        model.addAttribute("page", market.results(c, actor(), PageRequest.of(intOr(params.get("page"), 0), 50)));
        model.addAttribute("criteria", c);
        common(model);
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "market/results";
    }

    @PostMapping("/results")
    String createResult(@RequestParam MultiValueMap<String, String> form, Model model) {
        Map<String, String> values = form.toSingleValueMap();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Integer trl = null;
            if (values.get("trl") != null && !values.get("trl").isBlank()) {
                try {
                    trl = Integer.valueOf(values.get("trl").strip());
                } catch (NumberFormatException e) {
                    errors.put("trl", messages.get("market.error.trl"));
                }
            }
            ResultForm f = new ResultForm(
                    values.get("title"),
                    values.get("summary"),
                    trl,
                    values.get("ipSummary"),
                    values.get("industry"),
                    values.get("field"),
                    cooperation(form.get("cooperation")),
                    money(values, "price", errors),
                    values.get("terms"),
                    visibility(values.get("visibility")),
                    organisation(values, errors));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors.entrySet().stream()
                        .map(e -> new FieldError(e.getKey(), e.getValue()))
                        .toList());
            }
            TechResult r = market.createResult(f, actor());
            return "redirect:/market/results/" + r.id();
        } catch (ValidationException e) {
            e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
        } catch (DomainException e) {
            errors.put(e.field() == null ? "title" : e.field(), messages.get(e.messageKey(), e.args()));
        }
        model.addAttribute("page", market.results(ResultCriteria.ALL, actor(), PageRequest.of(0, 50)));
        model.addAttribute("criteria", ResultCriteria.ALL);
        common(model);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "market/results";
    }

    @GetMapping("/results/{id}")
    String result(@PathVariable long id, Model model) {
        model.addAttribute("r", market.result(id, actor()));
        model.addAttribute("enterprises", market.enterprisesFor(id, actor()));
        model.addAttribute("patents", market.patents(id));
        common(model);
        return "market/result";
    }

    @GetMapping("/results/export")
    void exportResults(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (TechResult r : market.allResults(resultCriteria(params), actor())) {
            rows.add(List.of(
                    r.id(),
                    r.title(),
                    r.organisationName(),
                    nz(r.county()),
                    nz(r.industry()),
                    nz(r.field()),
                    r.trl() == null ? "" : r.trl(),
                    String.join(",", r.cooperation().stream().map(Enum::name).toList()),
                    r.price() == null ? "" : r.price(),
                    nz(r.ipSummary())));
        }
        xlsx(
                response,
                "results",
                List.of(
                        "id",
                        messages.get("market.field.title"),
                        messages.get("market.field.organisation"),
                        messages.get("market.field.county"),
                        messages.get("market.field.industry"),
                        messages.get("market.field.field"),
                        messages.get("market.field.trl"),
                        messages.get("market.field.cooperation"),
                        messages.get("market.field.price"),
                        messages.get("market.field.ip")),
                rows);
    }

    // ------------------------------------------------------------ brokerage and contracts

    @GetMapping("/brokerages")
    String brokerageList(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean introduced,
            Model model) {
        model.addAttribute(
                "page", brokerages.page(county, Boolean.TRUE.equals(introduced), actor(), PageRequest.of(0, 200)));
        model.addAttribute("statuses", BrokerageStatus.values());
        common(model);
        return "market/brokerages";
    }

    @PostMapping("/brokerages")
    String propose(
            @RequestParam long needId,
            @RequestParam(required = false) Long resultId,
            @RequestParam(required = false) Long expertId) {
        brokerages.propose(needId, resultId, expertId, null, actor());
        return "redirect:/market/brokerages";
    }

    @PostMapping("/brokerages/{id}/status")
    String move(
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        BrokerageStatus to;
        try {
            to = BrokerageStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "market.error.statusInvalid");
        }
        brokerages.move(id, to, reason, note, actor());
        return "redirect:/market/brokerages";
    }

    @GetMapping("/contracts")
    String contractList(
            @RequestParam(required = false) String county, @RequestParam(required = false) String status, Model model) {
        model.addAttribute(
                "page",
                contracts.page(new TechContracts.ContractCriteria(county, status), actor(), PageRequest.of(0, 200)));
        common(model);
        return "market/contracts";
    }

    // ------------------------------------------------------------ helpers

    private void common(Model model) {
        model.addAttribute("cooperations", Cooperation.values());
        model.addAttribute("visibilities", Visibility.values());
    }

    private static NeedCriteria needCriteria(Map<String, String> p) {
        List<Cooperation> c = Market.cooperation(p.get("cooperation"));
        return new NeedCriteria(
                p.get("q"),
                p.get("industry"),
                p.get("county"),
                null,
                c.isEmpty() ? null : c.get(0),
                p.get("status"),
                "true".equals(p.get("shared")) ? Boolean.TRUE : null);
    }

    private static ResultCriteria resultCriteria(Map<String, String> p) {
        List<Cooperation> c = Market.cooperation(p.get("cooperation"));
        Integer minTrl = p.get("minTrl") == null || p.get("minTrl").isBlank() ? null : intOr(p.get("minTrl"), null);
        return new ResultCriteria(
                p.get("q"), p.get("industry"), p.get("county"), null, c.isEmpty() ? null : c.get(0), minTrl);
    }

    private static Integer intOr(String s, Integer fallback) {
        try {
            return s == null ? fallback : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<Cooperation> cooperation(List<String> values) {
        List<Cooperation> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                out.addAll(Market.cooperation(v));
            }
        }
        return out;
    }

    private static Visibility visibility(String v) {
        try {
            return v == null || v.isBlank() ? null : Visibility.valueOf(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private BigDecimal money(Map<String, String> values, String key, Map<String, String> errors) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "").replace("，", "").strip());
        } catch (NumberFormatException e) {
            errors.put(key, messages.get("market.error.positive"));
            return null;
        }
    }

    /** The organisation typed by staff posting for someone; blank = the poster's own. */
    private Long organisation(Map<String, String> values, Map<String, String> errors) {
        String v = values.get("organisationId");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            errors.put("organisationId", messages.get("market.error.organisationUnknown"));
            return null;
        }
    }

    private LocalDate date(Map<String, String> values, String key, Map<String, String> errors) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(key, messages.get("market.error.required"));
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void xlsx(HttpServletResponse response, String name, List<String> header, List<List<?>> rows)
            throws IOException {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        Xlsx.write(response.getOutputStream(), name, header, rows);
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }
}
