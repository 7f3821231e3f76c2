package org.gongtong.services.web;

import static org.gongtong.platform.PageForms.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageForms;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.ReferenceData;
import org.gongtong.services.Incubation;
import org.gongtong.services.Incubation.Incubatee;
import org.gongtong.services.Incubation.Incubator;
import org.gongtong.services.IncubatorService;
import org.gongtong.services.InstrumentService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The incubator manager's pages: the incubators and their incubatees, adding an incubator, an
 * incubator's cohorts, intake by the rubric and the KPI import; an incubatee's monthly KPIs (entered by
 * the firm or the operator), graduation and exit. Every write is the service's guarded command; a
 * refusal is shown beside its form with what was typed.
 */
@Controller
class IncubatorPages {

    private final IncubatorService incubators;
    private final ReferenceData reference;
    private final PageForms forms;
    private final Messages messages;
    private final Clock clock;

    IncubatorPages(
            IncubatorService incubators, ReferenceData reference, PageForms forms, Messages messages, Clock clock) {
        this.incubators = incubators;
        this.reference = reference;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }

    @GetMapping("/incubators")
    String incubators(
            @RequestParam(required = false) Long incubatorId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = actor();
        List<Incubator> all = incubators.list(null);
        model.addAttribute("incubators", all);
        model.addAttribute(
                "exports",
                all.stream()
                        .filter(i -> IncubatorService.exportsKpis(actor, i))
                        .map(Incubator::id)
                        .toList());
        try {
            model.addAttribute("page", incubators.incubatees(incubatorId, status, county, PageRequest.of(page, 50)));
        } catch (DomainException e) {
            model.addAttribute("error", messages.get(e.messageKey(), e.args()));
            model.addAttribute("page", incubators.incubatees(incubatorId, null, county, PageRequest.of(page, 50)));
        }
        model.addAttribute("incubatorId", incubatorId);
        model.addAttribute("status", status);
        // an operator adds its own incubator; the city any
        model.addAttribute("mayCreate", actor.organisationId() != null || IncubatorService.oversees(actor));
        model.addAttribute("ownOrganisation", actor.organisationId());
        model.addAttribute("industries", reference.industries());
        forms.none(model);
        return "services/incubators";
    }

    @PostMapping("/incubators")
    String create(@RequestParam Map<String, String> form, Model model) {
        try {
            Incubator i = incubators.create(
                    new IncubatorService.IncubatorForm(
                            text(form, "name"),
                            PageForms.whole(form, "operatorId", "services.organisationUnknown"),
                            text(form, "industry"),
                            text(form, "address"),
                            PageForms.decimal(form, "spaceM2", "services.numberInvalid")),
                    actor());
            return "redirect:/incubators/" + i.id();
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "incubator", model, form, "services.fixErrors");
            return incubators(null, null, null, null, model);
        }
    }

    @GetMapping("/incubators/{id}")
    String incubator(@PathVariable long id, Model model) {
        Actor actor = actor();
        Incubator i = incubators.incubator(id);
        model.addAttribute("i", i);
        List<Incubation.Cohort> cohorts = incubators.cohorts(id);
        model.addAttribute("cohorts", cohorts);
        model.addAttribute(
                "cohortNames",
                cohorts.stream().collect(Collectors.toMap(Incubation.Cohort::id, Incubation.Cohort::name)));
        model.addAttribute("industries", reference.industriesByCode());
        model.addAttribute(
                "incubatees", incubators.incubatees(id, null, null, PageRequest.of(0, PageRequest.MAX_SIZE)));
        model.addAttribute("operates", IncubatorService.operates(actor, i));
        model.addAttribute("exports", IncubatorService.exportsKpis(actor, i));
        model.addAttribute("criteria", Incubation.Criterion.values());
        model.addAttribute("pass", Incubation.PASS);
        if (!model.containsAttribute("importReport")) {
            model.addAttribute("importReport", null);
        }
        forms.none(model);
        return "services/incubator";
    }

    @PostMapping("/incubators/{id}/cohorts")
    String cohort(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            incubators.addCohort(id, text(form, "name"), text(form, "startsOn"), actor());
            return "redirect:/incubators/" + id;
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "cohort", model, form, "services.fixErrors");
            return incubator(id, model);
        }
    }

    @PostMapping("/incubators/{id}/incubatees")
    String admit(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (Incubation.Criterion c : Incubation.Criterion.values()) {
                scores.put(c.name(), count(form, "scores." + c.name()));
            }
            Incubatee e = incubators.admit(
                    id,
                    new IncubatorService.IntakeForm(
                            PageForms.whole(form, "organisationId", "services.organisationUnknown"),
                            PageForms.whole(form, "cohortId", "services.incubator.cohortUnknown"),
                            text(form, "entryDate"),
                            text(form, "space"),
                            scores),
                    actor());
            return "redirect:/incubatees/" + e.id();
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "admit", model, form, "services.fixErrors");
            return incubator(id, model);
        }
    }

    @PostMapping("/incubators/{id}/kpis/import")
    String importKpis(
            @PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("file", "services.kpi.import.notExcel");
            }
            model.addAttribute("importReport", incubators.importKpis(id, file.getInputStream(), actor()));
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "import", model, Map.of(), "services.fixErrors");
        }
        return incubator(id, model);
    }

    @GetMapping("/incubatees/{id}")
    String incubatee(@PathVariable long id, Model model) {
        Actor actor = actor();
        Incubatee e = incubators.incubatee(id);
        Incubator i = incubators.incubator(e.incubatorId());
        boolean reads = IncubatorService.readsKpis(actor, e, i);
        model.addAttribute("e", e);
        model.addAttribute("i", i);
        model.addAttribute("readsKpis", reads);
        model.addAttribute("kpis", reads ? incubators.kpis(id, actor) : List.of());
        model.addAttribute("operates", IncubatorService.operates(actor, i));
        // the firm enters its own figures; the operator (and the city) too, while it is in the incubator
        model.addAttribute(
                "entersKpis",
                "INCUBATING".equals(e.status())
                        && (IncubatorService.operates(actor, i)
                                || java.util.Objects.equals(actor.organisationId(), e.organisationId())));
        model.addAttribute("thisMonth", YearMonth.now(clock.withZone(InstrumentService.ZONE)));
        forms.none(model);
        return "services/incubatee";
    }

    @PostMapping("/incubatees/{id}/kpis")
    String kpi(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            incubators.putKpi(
                    id,
                    text(form, "month"),
                    new IncubatorService.KpiForm(
                            money(form, "revenue"),
                            count(form, "staff"),
                            money(form, "rndSpend"),
                            count(form, "ipCount"),
                            money(form, "fundingRaised")),
                    actor());
            return "redirect:/incubatees/" + id;
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "kpi", model, form, "services.fixErrors");
            return incubatee(id, model);
        }
    }

    /** INCUBATING → GRADUATED or EXITED; {@code step} names the form on the page. */
    @PostMapping("/incubatees/{id}/{step:graduate|exit}")
    String leave(
            @PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form, Model model) {
        try {
            incubators.leave(
                    id,
                    step.equals("graduate"),
                    new IncubatorService.LeaveForm(text(form, "on"), text(form, "reason")),
                    actor());
            return "redirect:/incubatees/" + id;
        } catch (ValidationException | DomainException e) {
            forms.refused(e, step, model, form, "services.fixErrors");
            return incubatee(id, model);
        }
    }

    private static BigDecimal money(Map<String, String> form, String key) {
        return PageForms.decimal(form, key, "services.moneyInvalid");
    }

    private static Integer count(Map<String, String> form, String key) {
        Long v = PageForms.whole(form, key, "services.numberInvalid");
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            throw DomainException.invalid(key, "services.numberInvalid", form.get(key));
        }
        return v == null ? null : v.intValue();
    }
}
