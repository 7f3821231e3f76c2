package org.gongtong.cultivation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.cultivation.Enterprises;
import org.gongtong.cultivation.Evaluations;
import org.gongtong.cultivation.HnteInput;
import org.gongtong.cultivation.Pipeline;
import org.gongtong.cultivation.PipelineSheets;
import org.gongtong.cultivation.Policies;
import org.gongtong.cultivation.Policy;
import org.gongtong.cultivation.TechSmeInput;
import org.gongtong.cultivation.YearFigures;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The firm's readiness page (with its yearly figures) and the list of enterprises to open. */
@Controller
@RequestMapping("/cultivation")
class CultivationPages {

    static final List<String> FIGURE_FIELDS = List.of(
            "employees",
            "techStaff",
            "salesRevenue",
            "totalAssets",
            "netAssets",
            "totalCostAndExpense",
            "rndTotal",
            "rndDomestic",
            "totalIncome",
            "hitechRevenue",
            "ipClassI",
            "ipClassII",
            "transformations");
    static final List<String> FIGURE_FLAGS =
            List.of("ownsCoreIp", "inKeyField", "ownRndIp", "majorIncident", "prohibitedProducts", "seriousViolation");

    private final Enterprises enterprises;
    private final Evaluations evaluations;
    private final Registry registry;
    private final Messages messages;
    private final Pipeline pipeline;
    private final PipelineSheets sheets;
    private final Policies policies;

    CultivationPages(
            Enterprises enterprises,
            Evaluations evaluations,
            Registry registry,
            Messages messages,
            Pipeline pipeline,
            PipelineSheets sheets,
            Policies policies) {
        this.enterprises = enterprises;
        this.evaluations = evaluations;
        this.registry = registry;
        this.messages = messages;
        this.pipeline = pipeline;
        this.sheets = sheets;
        this.policies = policies;
    }

    /** The officer's view of the policy library: each policy with the firms that qualify or nearly. */
    @GetMapping("/policies")
    String policiesPage(Model model) {
        Actor actor = Actor.current().orElseThrow();
        List<Policy> all = policies.all();
        Map<Long, List<Policies.Qualifier>> who = new LinkedHashMap<>();
        boolean officer = actor.citywide() || actor.role() == Role.COUNTY_OFFICER;
        if (officer) {
            all.forEach(p -> who.put(p.id(), policies.qualifiers(p.id(), actor)));
        }
        model.addAttribute("policies", all);
        model.addAttribute("who", who);
        model.addAttribute("officer", officer);
        return "cultivation/policies";
    }

    @GetMapping("/pipeline")
    String pipelinePage(@RequestParam(defaultValue = "county") String by, Model model) {
        Actor actor = Actor.current().orElseThrow();
        String dimension = "industry".equals(by) ? "industry" : "county";
        model.addAttribute("by", dimension);
        model.addAttribute("header", sheets.header(dimension));
        model.addAttribute("rows", sheets.rows(dimension, actor));
        return "cultivation/pipeline";
    }

    @PostMapping("/enterprises/{id}/moves")
    String move(
            @PathVariable long id,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer version,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            LocalDate on = blank(date) ? null : LocalDate.parse(date.strip());
            pipeline.move(
                    id,
                    new Pipeline.Move(
                            blank(action) ? null : Pipeline.Action.valueOf(action), year, number, on, reason, version),
                    actor);
            redirect.addFlashAttribute("moveOk", messages.get("cultivation.pipeline.moved"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            redirect.addFlashAttribute("moveError", messages.get("cultivation.input.wrongType"));
        } catch (DomainException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("moveError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/cultivation/enterprises/" + id + "#pipeline";
    }

    @PostMapping("/enterprises/{id}/annual-reports")
    String fileReport(
            @PathVariable long id,
            @RequestParam int year,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            pipeline.fileReport(id, year, Actor.current().orElseThrow());
            redirect.addFlashAttribute("moveOk", messages.get("cultivation.pipeline.moved"));
        } catch (DomainException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("moveError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/cultivation/enterprises/" + id + "#pipeline";
    }

    @GetMapping
    String index(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Actor actor = Actor.current().orElseThrow();
        if (actor.role() == Role.ENTERPRISE_USER && actor.organisationId() != null) {
            return "redirect:/cultivation/enterprises/" + actor.organisationId();
        }
        String county = actor.role() == Role.COUNTY_OFFICER ? actor.county() : null;
        model.addAttribute("q", q);
        model.addAttribute(
                "page",
                registry.search(
                        new OrganisationCriteria(q, OrganisationKind.ENTERPRISE, county, null, null),
                        PageRequest.of(page, 50)));
        return "cultivation/index";
    }

    @GetMapping("/enterprises/{id}")
    String enterprise(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Enterprises.Readiness r = enterprises.readiness(id, year, null, actor);
        model.addAttribute("hnte", r.hnte());
        model.addAttribute("hnteMissing", r.hnteProblems());
        model.addAttribute("techSme", r.techSme());
        model.addAttribute("techSmeMissing", r.techSmeProblems());
        return page(
                model,
                actor,
                r.enterprise(),
                r.latestYear(),
                form(r.hnteInput(), r.techSmeInput()),
                new LinkedHashMap<>(),
                figureForm(null, r.latestYear()),
                new LinkedHashMap<>());
    }

    /** Evaluates the edited form without saving anything: "what if" for the firm. */
    @PostMapping("/enterprises/{id}/evaluate")
    String evaluate(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Organisation o = enterprises.enterprise(id, actor);
        Map<String, String> errors = new LinkedHashMap<>();
        HnteInput h = hnteInput(form, errors);
        TechSmeInput t = techSmeInput(form, errors);
        if (errors.isEmpty()) {
            try {
                model.addAttribute("hnte", evaluations.hnte(h));
            } catch (ValidationException e) {
                e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
            }
            try {
                model.addAttribute("techSme", evaluations.techSme(t));
            } catch (ValidationException e) {
                e.errors().forEach(fe -> errors.putIfAbsent("tsme." + fe.field(), fe.message()));
            }
        }
        model.addAttribute("whatIf", true);
        int latest = parseInt(form.get("latestYear"), enterprises.lastFiscalYear());
        return page(model, actor, o, latest, form, errors, figureForm(null, latest), new LinkedHashMap<>());
    }

    @PostMapping("/enterprises/{id}/figures")
    String saveFigures(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer year = null;
        try {
            year = Integer.valueOf(form.getOrDefault("fiscalYear", "").strip());
        } catch (NumberFormatException e) {
            errors.put("fiscalYear", messages.get("cultivation.input.required"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : FIGURE_FIELDS) {
            String raw = form.getOrDefault(f, "").strip();
            if (raw.isEmpty()) {
                values.put(f, null);
                continue;
            }
            try {
                values.put(
                        f,
                        f.startsWith("ip") || f.equals("transformations") ? Integer.valueOf(raw) : new BigDecimal(raw));
            } catch (NumberFormatException e) {
                errors.put(f, messages.get("cultivation.input.wrongType"));
            }
        }
        if (errors.isEmpty()) {
            try {
                enterprises.save(
                        id,
                        new YearFigures(
                                year,
                                (BigDecimal) values.get("employees"),
                                (BigDecimal) values.get("techStaff"),
                                (BigDecimal) values.get("salesRevenue"),
                                (BigDecimal) values.get("totalAssets"),
                                (BigDecimal) values.get("netAssets"),
                                (BigDecimal) values.get("totalCostAndExpense"),
                                (BigDecimal) values.get("rndTotal"),
                                (BigDecimal) values.get("rndDomestic"),
                                (BigDecimal) values.get("totalIncome"),
                                (BigDecimal) values.get("hitechRevenue"),
                                (Integer) values.get("ipClassI"),
                                (Integer) values.get("ipClassII"),
                                (Integer) values.get("transformations"),
                                flag(form, "ownsCoreIp"),
                                flag(form, "inKeyField"),
                                flag(form, "ownRndIp"),
                                flag(form, "majorIncident"),
                                flag(form, "prohibitedProducts"),
                                flag(form, "seriousViolation"),
                                form.get("version") == null
                                                || form.get("version").isBlank()
                                        ? null
                                        : Integer.valueOf(form.get("version"))),
                        actor);
                return "redirect:/cultivation/enterprises/" + id + "?saved=" + year;
            } catch (ValidationException e) {
                e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
            } catch (DomainException e) {
                if (e.status().value() == 403 || e.status().value() == 404) {
                    throw e;
                }
                errors.put(e.field() == null ? "figures" : e.field(), messages.get(e.messageKey(), e.args()));
            }
        }
        Enterprises.Readiness r = enterprises.readiness(id, null, null, actor);
        model.addAttribute("hnte", r.hnte());
        model.addAttribute("hnteMissing", r.hnteProblems());
        model.addAttribute("techSme", r.techSme());
        model.addAttribute("techSmeMissing", r.techSmeProblems());
        return page(
                model,
                actor,
                r.enterprise(),
                r.latestYear(),
                form(r.hnteInput(), r.techSmeInput()),
                new LinkedHashMap<>(),
                form,
                errors);
    }

    private String page(
            Model model,
            Actor actor,
            Organisation o,
            int latestYear,
            Map<String, String> form,
            Map<String, String> errors,
            Map<String, String> figureForm,
            Map<String, String> figureErrors) {
        model.addAttribute("org", o);
        Pipeline.Status status = pipeline.status(o.id(), actor);
        model.addAttribute("status", status);
        model.addAttribute(
                "reminders",
                status.reminders().stream()
                        .map(r -> messages.get(
                                "cultivation.reminder." + r.kind().name() + (r.overdue() ? ".overdue" : ""),
                                r.year() == null ? "" : String.valueOf(r.year()),
                                r.due().toString(),
                                r.subject() == null ? "" : r.subject()))
                        .toList());
        model.addAttribute(
                "isOfficer",
                actor.citywide()
                        || (actor.role() == Role.COUNTY_OFFICER
                                && actor.county() != null
                                && actor.county().equals(o.county())));
        model.addAttribute("actions", Pipeline.Action.values());
        model.addAttribute("policyMatches", policies.forEnterprise(o.id(), actor));
        model.addAttribute("latestYear", latestYear);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("figureForm", figureForm);
        model.addAttribute("figureErrors", figureErrors);
        List<YearFigures> figures = enterprises.figures(o.id(), actor);
        model.addAttribute("figures", figures);
        model.addAttribute(
                "figureRows", figures.stream().map(CultivationPages::row).toList());
        model.addAttribute("canEdit", actor.canEdit(o.id(), o.county()));
        model.addAttribute("figureFields", FIGURE_FIELDS);
        model.addAttribute("figureFlags", FIGURE_FLAGS);
        return "cultivation/enterprise";
    }

    private static List<String> row(YearFigures f) {
        return List.of(
                s(f.fiscalYear()),
                s(f.employees()),
                s(f.techStaff()),
                s(f.salesRevenue()),
                s(f.totalAssets()),
                s(f.netAssets()),
                s(f.totalCostAndExpense()),
                s(f.rndTotal()),
                s(f.rndDomestic()),
                s(f.totalIncome()),
                s(f.hitechRevenue()),
                s(f.ipClassI()),
                s(f.ipClassII()),
                s(f.transformations()));
    }

    private Map<String, String> figureForm(YearFigures f, int year) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fiscalYear", String.valueOf(year));
        return m;
    }

    static Map<String, String> form(HnteInput h, TechSmeInput t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("registrationDate", s(h.registrationDate()));
        m.put("applicationDate", s(h.applicationDate()));
        m.put("ownsCoreIp", s(h.ownsCoreIp()));
        m.put("inKeyField", s(h.inKeyField()));
        m.put("majorIncident", s(h.majorIncident()));
        m.put("ownRndIp", s(h.ownRndIp()));
        m.put("employees", s(h.employees()));
        m.put("techStaff", s(h.techStaff()));
        for (int i = 0; i < 3; i++) {
            m.put("sales" + i, s(h.sales().get(i)));
            m.put("netAssets" + i, s(h.netAssets().get(i)));
            m.put("rndTotal" + i, s(h.rndTotal().get(i)));
            m.put("rndDomestic" + i, s(h.rndDomestic().get(i)));
        }
        m.put("totalIncomeLastYear", s(h.totalIncomeLastYear()));
        m.put("hitechRevenueLastYear", s(h.hitechRevenueLastYear()));
        m.put("ipClassI", s(h.ipClassI()));
        m.put("ipClassII", s(h.ipClassII()));
        m.put("standardsBonus", s(h.standardsBonus()));
        m.put("transformations3y", s(h.transformations3y()));
        m.put("advancementBand", s(h.advancementBand()));
        m.put("coreSupportBand", s(h.coreSupportBand()));
        m.put("management", s(h.management()));
        m.put("totalAssets", s(t.totalAssets()));
        m.put("totalCostAndExpense", s(t.totalCostAndExpense()));
        m.put("prohibitedProducts", s(t.prohibitedProducts()));
        m.put("seriousViolation", s(t.seriousViolation()));
        m.put("validHnteCertificate", s(t.validHnteCertificate()));
        m.put("nationalAwardTop3Within5y", s(t.nationalAwardTop3Within5y()));
        m.put("provincialRndInstitution", s(t.provincialRndInstitution()));
        m.put("ledStandardWithin5y", s(t.ledStandardWithin5y()));
        return m;
    }

    private HnteInput hnteInput(Map<String, String> f, Map<String, String> errors) {
        List<BigDecimal> sales = new ArrayList<>();
        List<BigDecimal> net = new ArrayList<>();
        List<BigDecimal> rnd = new ArrayList<>();
        List<BigDecimal> domestic = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sales.add(dec(f, "sales" + i, errors));
            net.add(dec(f, "netAssets" + i, errors));
            rnd.add(dec(f, "rndTotal" + i, errors));
            domestic.add(dec(f, "rndDomestic" + i, errors));
        }
        return new HnteInput(
                date(f, "registrationDate", errors),
                date(f, "applicationDate", errors),
                flag(f, "ownsCoreIp"),
                flag(f, "inKeyField"),
                dec(f, "employees", errors),
                dec(f, "techStaff", errors),
                sales,
                net,
                rnd,
                domestic,
                dec(f, "totalIncomeLastYear", errors),
                dec(f, "hitechRevenueLastYear", errors),
                flag(f, "majorIncident"),
                integer(f, "ipClassI", errors),
                integer(f, "ipClassII", errors),
                flag(f, "ownRndIp"),
                integer(f, "standardsBonus", errors),
                integer(f, "transformations3y", errors),
                null,
                blank(f.get("advancementBand")) ? null : f.get("advancementBand"),
                blank(f.get("coreSupportBand")) ? null : f.get("coreSupportBand"),
                integer(f, "management", errors));
    }

    private TechSmeInput techSmeInput(Map<String, String> f, Map<String, String> errors) {
        return new TechSmeInput(
                dec(f, "employees", errors),
                dec(f, "techStaff", errors),
                dec(f, "sales2", errors),
                dec(f, "totalAssets", errors),
                dec(f, "totalCostAndExpense", errors),
                dec(f, "rndTotal2", errors),
                integer(f, "ipClassI", errors),
                integer(f, "ipClassII", errors),
                flag(f, "prohibitedProducts"),
                flag(f, "seriousViolation"),
                flag(f, "validHnteCertificate"),
                flag(f, "nationalAwardTop3Within5y"),
                flag(f, "provincialRndInstitution"),
                flag(f, "ledStandardWithin5y"));
    }

    private BigDecimal dec(Map<String, String> f, String name, Map<String, String> errors) {
        String v = f.get(name);
        if (blank(v)) {
            return null;
        }
        try {
            return new BigDecimal(v.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(name, messages.get("cultivation.input.wrongType"));
            return null;
        }
    }

    private Integer integer(Map<String, String> f, String name, Map<String, String> errors) {
        String v = f.get(name);
        if (blank(v)) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            errors.put(name, messages.get("cultivation.input.wrongType"));
            return null;
        }
    }

    private LocalDate date(Map<String, String> f, String name, Map<String, String> errors) {
        String v = f.get(name);
        if (blank(v)) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            errors.put(name, messages.get("cultivation.input.wrongType"));
            return null;
        }
    }

    private static boolean flag(Map<String, String> f, String name) {
        String v = f.get(name);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    private static int parseInt(String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static String s(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
