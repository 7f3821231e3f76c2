package org.gongtong.network.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongtong.identity.Actor;
import org.gongtong.network.CommunityService;
import org.gongtong.network.CommunityStatus;
import org.gongtong.network.EstablishmentMode;
import org.gongtong.network.EvaluationScoring;
import org.gongtong.network.EvaluationService;
import org.gongtong.network.InstituteService;
import org.gongtong.network.InstitutionKind;
import org.gongtong.network.InstitutionService;
import org.gongtong.network.InstitutionStatus;
import org.gongtong.network.NetworkAccess;
import org.gongtong.network.NetworkRecords.Community;
import org.gongtong.network.NetworkRecords.Institution;
import org.gongtong.network.NetworkRecords.Partner;
import org.gongtong.network.NetworkRecords.YearFigures;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.gongtong.registry.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages for communities, R&D institutions and the institute: lists with filters and export, detail with timeline, forms. */
@Controller
class NetworkPages {

    private final CommunityService communities;
    private final InstitutionService institutions;
    private final InstituteService institute;
    private final EvaluationService evaluations;
    private final ReferenceData reference;
    private final Messages messages;

    NetworkPages(
            CommunityService communities,
            InstitutionService institutions,
            InstituteService institute,
            EvaluationService evaluations,
            ReferenceData reference,
            Messages messages) {
        this.communities = communities;
        this.institutions = institutions;
        this.institute = institute;
        this.evaluations = evaluations;
        this.reference = reference;
        this.messages = messages;
    }

    private void common(Model model) {
        model.addAttribute("counties", reference.counties());
        model.addAttribute("industries", reference.industries());
        model.addAttribute(
                "countyNames", reference.counties().stream().collect(Collectors.toMap(c -> c.code(), c -> c.name())));
        model.addAttribute(
                "industryNames",
                reference.industries().stream().collect(Collectors.toMap(i -> i.code(), i -> i.name())));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of());
            model.addAttribute("errorForm", "");
        }
    }

    private void refused(RuntimeException e, String form, Model model, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        String notice = null;
        if (e instanceof ValidationException v) {
            for (FieldError fe : v.errors()) {
                errors.putIfAbsent(fe.field(), fe.message());
            }
        } else if (e instanceof DomainException d) {
            String message = messages.get(d.messageKey(), d.args());
            if (d.field() != null) {
                errors.put(d.field(), message);
            }
            notice = message;
        }
        model.addAttribute("errorForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("formError", notice != null ? notice : messages.get("network.page.fixErrors"));
    }

    private static String text(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(Map<String, String> form, String key) {
        String v = text(form, key);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(key, "network.page.notADate");
        }
    }

    private static Long number(Map<String, String> form, String key) {
        String v = text(form, key);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key, "network.page.notANumber");
        }
    }

    private static BigDecimal decimal(Map<String, String> form, String key) {
        String v = text(form, key);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key, "network.page.notANumber");
        }
    }

    // communities

    @GetMapping("/communities")
    String communities(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        common(model);
        CommunityService.Filter filter = new CommunityService.Filter(q, status, county, industry, overdue);
        try {
            model.addAttribute("page", communities.search(filter, PageRequest.of(page, 20), actor));
        } catch (DomainException e) {
            model.addAttribute("filterError", messages.get(e.messageKey(), e.args()));
            model.addAttribute("page", communities.search(null, PageRequest.of(0, 20), actor));
        }
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("county", county);
        model.addAttribute("industry", industry);
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", CommunityStatus.values());
        model.addAttribute(
                "canCreate",
                NetworkAccess.managesAll(actor)
                        || actor.county() != null && NetworkAccess.canEdit(actor, actor.county()));
        model.addAttribute("ownCounty", actor.county());
        return "network/communities";
    }

    @PostMapping("/communities")
    String createCommunity(@RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Community c = communities.create(
                    new CommunityService.CommunityForm(
                            text(form, "name"),
                            text(form, "county"),
                            text(form, "industry"),
                            number(form, "leadOrganisationId"),
                            text(form, "form"),
                            text(form, "operatingModel"),
                            date(form, "preparationDeadline"),
                            null),
                    actor);
            return "redirect:/communities/" + c.id();
        } catch (ValidationException | DomainException e) {
            refused(e, "community", model, form);
            return communities(null, null, null, null, null, null, model);
        }
    }

    @GetMapping("/communities/export")
    void exportCommunities(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Boolean overdue,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actor.current().orElseThrow();
        List<List<?>> rows = new ArrayList<>();
        communities.forEach(
                new CommunityService.Filter(q, status, county, industry, overdue),
                actor,
                c -> rows.add(List.of(
                        c.id(),
                        c.name(),
                        messages.get("network.community.status." + c.status()),
                        county(c.county()),
                        industry(c.industry()),
                        c.preparationDeadline() == null ? "" : c.preparationDeadline(),
                        c.overdue() ? messages.get("network.overdue") : "",
                        c.uscc() == null ? "" : c.uscc())));
        attachment(response, "communities.xlsx");
        Xlsx.write(
                response.getOutputStream(),
                messages.get("network.communities"),
                List.of(
                        "ID",
                        messages.get("network.name"),
                        messages.get("network.status"),
                        messages.get("network.county"),
                        messages.get("network.industry"),
                        messages.get("network.community.deadline"),
                        messages.get("network.overdue"),
                        messages.get("network.community.uscc")),
                rows);
    }

    @GetMapping("/communities/{id}")
    String community(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        common(model);
        Community c = communities.find(id, actor);
        model.addAttribute("c", c);
        model.addAttribute("members", communities.members(id, actor));
        model.addAttribute("extensions", communities.extensions(id, actor));
        model.addAttribute("timeline", communities.timeline(id, actor));
        model.addAttribute("next", c.status().next());
        model.addAttribute("canEdit", NetworkAccess.canEdit(actor, c.county()));
        model.addAttribute("canExtend", NetworkAccess.managesAll(actor) && c.status() == CommunityStatus.PREPARING);
        return "network/community";
    }

    @PostMapping("/communities/{id}/transition")
    String moveCommunity(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            communities.transition(
                    id,
                    new CommunityService.TransitionRequest(
                            text(form, "to"), text(form, "reason"), date(form, "deadline"), text(form, "uscc")),
                    actor);
            return "redirect:/communities/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "move-" + text(form, "to"), model, form);
            return community(id, model);
        }
    }

    @PostMapping("/communities/{id}/extension")
    String extend(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            communities.extend(id, date(form, "deadline"), text(form, "reason"), actor);
            return "redirect:/communities/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "extension", model, form);
            return community(id, model);
        }
    }

    @PostMapping("/communities/{id}/members")
    String addMember(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Long org = number(form, "organisationId");
            if (org == null) {
                throw DomainException.invalid("organisationId", "network.required");
            }
            communities.addMember(id, org, text(form, "role"), decimal(form, "sharePercent"), actor);
            return "redirect:/communities/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "member", model, form);
            return community(id, model);
        }
    }

    // institutions

    @GetMapping("/institutions")
    String institutions(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        common(model);
        try {
            model.addAttribute(
                    "page",
                    institutions.search(
                            new InstitutionService.Filter(q, kind, mode, status, county, industry),
                            PageRequest.of(page, 20),
                            actor));
        } catch (DomainException e) {
            model.addAttribute("filterError", messages.get(e.messageKey(), e.args()));
            model.addAttribute("page", institutions.search(null, PageRequest.of(0, 20), actor));
        }
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("mode", mode);
        model.addAttribute("status", status);
        model.addAttribute("county", county);
        model.addAttribute("industry", industry);
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("modes", EstablishmentMode.values());
        model.addAttribute("statuses", InstitutionStatus.values());
        model.addAttribute(
                "canCreate",
                NetworkAccess.managesAll(actor)
                        || actor.county() != null && NetworkAccess.canEdit(actor, actor.county()));
        return "network/institutions";
    }

    @PostMapping("/institutions")
    String createInstitution(@RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Long staff = number(form, "staffCount");
            Institution i = institutions.create(
                    new InstitutionService.InstitutionForm(
                            text(form, "name"),
                            text(form, "kind"),
                            text(form, "establishmentMode"),
                            text(form, "county"),
                            text(form, "industry"),
                            text(form, "field"),
                            staff == null ? null : staff.intValue(),
                            number(form, "organisationId"),
                            null),
                    actor);
            return "redirect:/institutions/" + i.id();
        } catch (ValidationException | DomainException e) {
            refused(e, "institution", model, form);
            return institutions(null, null, null, null, null, null, null, model);
        }
    }

    @GetMapping("/institutions/export")
    void exportInstitutions(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            HttpServletResponse response)
            throws IOException {
        Actor actor = Actor.current().orElseThrow();
        List<List<?>> rows = new ArrayList<>();
        institutions.forEach(
                new InstitutionService.Filter(q, kind, mode, status, county, industry),
                actor,
                i -> rows.add(List.of(
                        i.id(),
                        i.name(),
                        messages.get("network.institution.kind." + i.kind()),
                        messages.get("network.institution.mode." + i.establishmentMode()),
                        messages.get("network.institution.status." + i.status()),
                        county(i.county()),
                        industry(i.industry()),
                        i.staffCount() == null ? "" : i.staffCount())));
        attachment(response, "institutions.xlsx");
        Xlsx.write(
                response.getOutputStream(),
                messages.get("network.institutions"),
                List.of(
                        "ID",
                        messages.get("network.name"),
                        messages.get("network.institution.kind"),
                        messages.get("network.institution.mode"),
                        messages.get("network.status"),
                        messages.get("network.county"),
                        messages.get("network.industry"),
                        messages.get("network.institution.staff")),
                rows);
    }

    @GetMapping("/institutions/{id}")
    String institution(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        common(model);
        Institution i = institutions.find(id, actor);
        model.addAttribute("i", i);
        model.addAttribute("partners", institutions.partners(id, actor));
        model.addAttribute("figures", institutions.figures(id, actor));
        model.addAttribute("timeline", institutions.timeline(id, actor));
        model.addAttribute("next", i.status().next());
        model.addAttribute("canEdit", NetworkAccess.canEdit(actor, i.county()));
        model.addAttribute("evaluations", evaluations.list(id, actor));
        model.addAttribute("canEvaluate", NetworkAccess.managesAll(actor));
        model.addAttribute(
                "outcomes", List.of(InstitutionStatus.CONTINUED, InstitutionStatus.WARNED, InstitutionStatus.EXITING));
        return "network/institution";
    }

    @PostMapping("/institutions/{id}/transition")
    String moveInstitution(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            institutions.transition(id, text(form, "to"), text(form, "reason"), actor);
            return "redirect:/institutions/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "move", model, form);
            return institution(id, model);
        }
    }

    @PostMapping("/institutions/{id}/evaluations")
    String evaluate(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Long year = number(form, "year");
            if (year == null) {
                throw DomainException.invalid("year", "network.required");
            }
            evaluations.compute(id, year.intValue(), actor);
            return "redirect:/institutions/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "evaluate", model, form);
            return institution(id, model);
        }
    }

    /** All evaluations (scoped), the indicator sets and thresholds; managers change them here. */
    @GetMapping("/evaluations")
    String evaluationsOverview(@RequestParam(required = false) String year, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Integer y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                model.addAttribute("filterError", messages.get("network.page.notANumber"));
            }
        }
        EvaluationService.Settings settings = evaluations.settings();
        Map<String, EvaluationService.Indicator> current = new LinkedHashMap<>();
        settings.indicators()
                .forEach((kind, list) -> list.forEach(i -> current.put(kind.name() + "." + i.figure(), i)));
        model.addAttribute("year", y);
        model.addAttribute("rows", evaluations.overview(y, actor));
        model.addAttribute("settings", settings);
        model.addAttribute("current", current);
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("figures", EvaluationScoring.Figure.values());
        model.addAttribute("canEvaluate", NetworkAccess.managesAll(actor));
        common(model);
        return "network/evaluations";
    }

    @PostMapping("/evaluations/settings")
    String saveEvaluationSettings(@RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Map<InstitutionKind, List<EvaluationService.Indicator>> sets = new LinkedHashMap<>();
            for (InstitutionKind kind : InstitutionKind.values()) {
                List<EvaluationService.Indicator> list = new ArrayList<>();
                for (EvaluationScoring.Figure figure : EvaluationScoring.Figure.values()) {
                    String key = kind.name() + "." + figure.name();
                    BigDecimal weight = decimal(form, "weight." + key);
                    BigDecimal target = decimal(form, "target." + key);
                    // a row left blank is not in the set; half a row is refused by the service
                    if (weight != null || target != null) {
                        list.add(new EvaluationService.Indicator(figure, weight, target));
                    }
                }
                sets.put(kind, list);
            }
            evaluations.updateSettings(
                    new EvaluationService.Settings(
                            sets,
                            new EvaluationService.Thresholds(decimal(form, "continueAt"), decimal(form, "warnAt"))),
                    actor);
            return "redirect:/evaluations";
        } catch (ValidationException | DomainException e) {
            refused(e, "settings", model, form);
            return evaluationsOverview(null, model);
        }
    }

    @PostMapping("/institutions/{id}/evaluations/{evaluation}/confirm")
    String confirmEvaluation(@PathVariable long id, @PathVariable long evaluation, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            evaluations.confirm(evaluation, actor);
            return "redirect:/institutions/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "decide" + evaluation, model, Map.of());
            return institution(id, model);
        }
    }

    @PostMapping("/institutions/{id}/evaluations/{evaluation}/override")
    String overrideEvaluation(
            @PathVariable long id, @PathVariable long evaluation, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            evaluations.override(evaluation, text(form, "outcome"), text(form, "reason"), actor);
            return "redirect:/institutions/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "decide" + evaluation, model, form);
            return institution(id, model);
        }
    }

    @PostMapping("/institutions/{id}/figures")
    String figures(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Long year = number(form, "year");
            if (year == null) {
                throw DomainException.invalid("year", "network.required");
            }
            institutions.recordFigures(
                    id,
                    new YearFigures(
                            id,
                            year.intValue(),
                            decimal(form, "rndSpend"),
                            decimal(form, "contractRevenue"),
                            intOf(form, "resultsTransferred"),
                            intOf(form, "spinOffs"),
                            intOf(form, "talents")),
                    actor);
            return "redirect:/institutions/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "figures", model, form);
            return institution(id, model);
        }
    }

    @PostMapping("/institutions/{id}/partners")
    String partners(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            List<Partner> list = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                String name = text(form, "name" + n);
                if (name == null) {
                    continue;
                }
                list.add(new Partner(
                        number(form, "organisationId" + n), name, text(form, "role" + n), decimal(form, "share" + n)));
            }
            institutions.setPartners(id, list, actor);
            return "redirect:/institutions/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "partners", model, form);
            return institution(id, model);
        }
    }

    @GetMapping("/institute")
    String institute(Model model) {
        model.addAttribute("profile", institute.profile());
        model.addAttribute("phases", institute.phases());
        return "network/institute";
    }

    private static int intOf(Map<String, String> form, String key) {
        Long v = number(form, key);
        return v == null ? 0 : v.intValue();
    }

    private String county(String code) {
        return code == null
                ? ""
                : reference.county(code).map(ReferenceData.County::name).orElse(code);
    }

    private String industry(String code) {
        return code == null
                ? ""
                : reference.industry(code).map(ReferenceData.Industry::name).orElse(code);
    }

    static void attachment(HttpServletResponse response, String name) {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }
}
