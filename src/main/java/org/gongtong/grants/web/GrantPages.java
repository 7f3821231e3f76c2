package org.gongtong.grants.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongtong.grants.Awards;
import org.gongtong.grants.GrantRecords.Allocation;
import org.gongtong.grants.GrantRecords.Application;
import org.gongtong.grants.GrantRecords.ApplicationStatus;
import org.gongtong.grants.GrantRecords.Award;
import org.gongtong.grants.GrantRecords.AwardStatus;
import org.gongtong.grants.GrantRecords.Programme;
import org.gongtong.grants.GrantRecords.TargetType;
import org.gongtong.grants.GrantRecords.Tranche;
import org.gongtong.grants.GrantRecords.TrancheStatus;
import org.gongtong.grants.Grants;
import org.gongtong.grants.GrantsAccess;
import org.gongtong.grants.PerformanceReadings;
import org.gongtong.grants.SpecialFund;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.SummedPage;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grants pages: the fund page (where every yuan went, each figure a link to its rows),
 * programme admin, the applicant portal with an autosaved draft, the reviewer workspace, the grant
 * page with its assessment sheet, and payment runs; every list exports to Excel. Refusals come back
 * to the same page with the reason next to the form.
 */
@Controller
@RequestMapping("/grants")
class GrantPages {

    private final SpecialFund fund;
    private final Grants grants;
    private final Awards awards;
    private final PerformanceReadings readings;
    private final Accounts accounts;
    private final Messages messages;

    GrantPages(
            SpecialFund fund,
            Grants grants,
            Awards awards,
            PerformanceReadings readings,
            Accounts accounts,
            Messages messages) {
        this.fund = fund;
        this.grants = grants;
        this.awards = awards;
        this.readings = readings;
        this.accounts = accounts;
        this.messages = messages;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> DomainException.forbidden("problem.forbidden"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Runs a change; a refusal goes back to the page as a notice plus field errors. */
    private String act(String back, RedirectAttributes ra, Map<String, String> form, Runnable change, String done) {
        try {
            change.run();
            ra.addFlashAttribute("notice", messages.get(done));
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError fe : e.errors()) {
                errors.putIfAbsent(fe.field(), fe.message());
            }
            ra.addFlashAttribute("errors", errors);
            ra.addFlashAttribute("values", form);
            ra.addFlashAttribute(
                    "error",
                    messages.get("grants.page.fixErrors") + " "
                            + String.join(
                                    "；",
                                    errors.entrySet().stream()
                                            .map(x -> x.getKey() + ": " + x.getValue())
                                            .toList()));
        } catch (DomainException e) {
            ra.addFlashAttribute("error", messages.get(e.messageKey(), e.args()));
            ra.addFlashAttribute("values", form);
        }
        return "redirect:" + back;
    }

    private static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("amount", "grants.page.notANumber");
        }
    }

    private static Long id(String s) {
        BigDecimal d = decimal(s);
        return d == null ? null : d.longValue();
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
    }

    // ------------------------------------------------------------ fund page

    @GetMapping
    String fundPage(@RequestParam(required = false) Long fundId, Model model) {
        Actor actor = actor();
        Long id = fundId != null ? fundId : fund.defaultFund(null).orElse(null);
        model.addAttribute("summary", id == null ? null : fund.summary(id, actor));
        model.addAttribute("programmes", grants.programmes(actor));
        model.addAttribute("isOfficer", GrantsAccess.isOfficer(actor));
        model.addAttribute("isApplicant", GrantsAccess.isApplicant(actor));
        model.addAttribute("isReviewer", GrantsAccess.isReviewer(actor));
        model.addAttribute("targetTypes", TargetType.values());
        defaults(model);
        return "grants/fund";
    }

    @PostMapping("/allocations")
    String allocate(@RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants" + (blank(form.get("fundId")) == null ? "" : "?fundId=" + form.get("fundId")),
                ra,
                form,
                () -> fund.allocate(
                        new SpecialFund.AllocationForm(
                                id(form.get("fundId")),
                                id(form.get("year")) == null
                                        ? null
                                        : id(form.get("year")).intValue(),
                                blank(form.get("targetType")),
                                id(form.get("targetId")),
                                decimal(form.get("amount")),
                                blank(form.get("purpose"))),
                        actor()),
                "grants.page.saved");
    }

    /** Where the money went: the allocations behind a figure, with their sum. */
    @GetMapping("/fund/rows")
    String rows(
            @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) Integer page,
            Model model) {
        SpecialFund.AllocationCriteria c = criteria(fundId, year, targetType, county, measure);
        SummedPage<Allocation> rows = fund.allocations(c, PageRequest.of(page, 50), actor());
        model.addAttribute("rows", rows);
        model.addAttribute("c", c);
        model.addAttribute("measure", c.measure() == null ? "amount" : c.measure());
        model.addAttribute("targetTypes", TargetType.values());
        model.addAttribute("query", query(fundId, year, targetType, county, measure));
        return "grants/rows";
    }

    private static SpecialFund.AllocationCriteria criteria(
            Long fundId, Integer year, String targetType, String county, String measure) {
        TargetType type = null;
        if (blank(targetType) != null) {
            try {
                type = TargetType.valueOf(targetType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                type = null;
            }
        }
        return new SpecialFund.AllocationCriteria(fundId, year, type, blank(county), blank(measure));
    }

    private static String query(Long fundId, Integer year, String targetType, String county, String measure) {
        List<String> q = new ArrayList<>();
        if (fundId != null) {
            q.add("fundId=" + fundId);
        }
        if (year != null) {
            q.add("year=" + year);
        }
        if (blank(targetType) != null) {
            q.add("targetType=" + targetType.strip());
        }
        if (blank(county) != null) {
            q.add("county=" + URLEncoder.encode(county.strip(), StandardCharsets.UTF_8));
        }
        if (blank(measure) != null) {
            q.add("measure=" + measure.strip());
        }
        return String.join("&", q);
    }

    @GetMapping("/fund/rows.xlsx")
    void rowsExport(
            @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String measure,
            HttpServletResponse response)
            throws IOException {
        List<List<?>> out = new ArrayList<>();
        fund.forEachAllocation(
                criteria(fundId, year, targetType, county, measure),
                actor(),
                a -> out.add(List.of(
                        a.id(),
                        a.year(),
                        messages.get("grants.target." + a.targetType().name()),
                        a.targetId(),
                        a.targetName() == null ? "" : a.targetName(),
                        a.county() == null ? "" : a.county(),
                        a.amount(),
                        a.committed(),
                        a.paid(),
                        a.purpose() == null ? "" : a.purpose())));
        xlsx(
                response,
                "special-fund-allocations",
                List.of(
                        "#",
                        m("grants.col.year"),
                        m("grants.col.targetType"),
                        m("grants.col.targetId"),
                        m("grants.col.target"),
                        m("grants.col.county"),
                        m("grants.col.amount"),
                        m("grants.col.committed"),
                        m("grants.col.paid"),
                        m("grants.col.purpose")),
                out);
    }

    /** The ledger: every movement of money, exported. */
    @GetMapping("/fund/ledger.xlsx")
    void ledgerExport(@RequestParam(required = false) Long fundId, HttpServletResponse response) throws IOException {
        List<List<?>> out = new ArrayList<>();
        fund.movements(fundId, null, actor())
                .forEach(mv -> out.add(List.of(
                        mv.id(),
                        mv.occurredAt().toString(),
                        mv.year(),
                        mv.allocationId(),
                        mv.targetName() == null ? "" : mv.targetName(),
                        messages.get("grants.movement." + mv.kind().name()),
                        mv.amount(),
                        mv.trancheId() == null ? "" : mv.trancheId(),
                        mv.note() == null ? "" : mv.note())));
        xlsx(
                response,
                "special-fund-ledger",
                List.of(
                        "#",
                        m("grants.col.time"),
                        m("grants.col.year"),
                        m("grants.col.allocation"),
                        m("grants.col.target"),
                        m("grants.col.kind"),
                        m("grants.col.amount"),
                        m("grants.col.tranche"),
                        m("grants.col.note")),
                out);
    }

    @GetMapping("/fund/ledger")
    String ledger(
            @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) Long allocationId,
            Model model) {
        model.addAttribute("movements", fund.movements(fundId, allocationId, actor()));
        model.addAttribute("fundId", fundId);
        return "grants/ledger";
    }

    private String m(String key) {
        return messages.get(key);
    }

    private static void xlsx(HttpServletResponse response, String name, List<String> header, List<List<?>> rows)
            throws IOException {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        Xlsx.write(response.getOutputStream(), name, header, rows);
    }

    // ------------------------------------------------------------ programmes

    @GetMapping("/programmes.xlsx")
    void programmesExport(HttpServletResponse response) throws IOException {
        List<List<?>> out = new ArrayList<>();
        for (Programme p : grants.programmes(actor())) {
            out.add(List.of(
                    p.id(),
                    p.name(),
                    p.fundYear(),
                    p.maxAmount(),
                    p.countyMatchRatio(),
                    messages.get("grants.programmeStatus." + p.status().name())));
        }
        xlsx(
                response,
                "grant-programmes",
                List.of(
                        "#",
                        m("grants.col.programme"),
                        m("grants.col.year"),
                        m("grants.col.maxAmount"),
                        m("grants.col.countyRatio"),
                        m("grants.col.status")),
                out);
    }

    @GetMapping("/programmes/new")
    String newProgramme(Model model) {
        GrantsAccess.requireOfficer(actor());
        defaults(model);
        return "grants/programme-form";
    }

    @PostMapping("/programmes")
    String createProgramme(@RequestParam Map<String, String> form, RedirectAttributes ra) {
        Actor actor = actor();
        Long[] created = new Long[1];
        String back = act(
                "/grants/programmes/new",
                ra,
                form,
                () -> {
                    List<Grants.CriterionForm> criteria = new ArrayList<>();
                    for (String line : form.getOrDefault("criteria", "").split("\\R")) {
                        String[] p = line.split("[:：]");
                        if (p.length == 3) {
                            criteria.add(new Grants.CriterionForm(p[0].strip(), decimal(p[1]), id(p[2]).intValue()));
                        }
                    }
                    List<String> kinds = blank(form.get("eligibleKinds")) == null
                            ? List.of()
                            : List.of(form.get("eligibleKinds").split("[,，\\s]+"));
                    List<String> blinded = new ArrayList<>();
                    for (String f : List.of("applicantName", "applicantUscc", "contactName", "contactPhone", "team")) {
                        if ("on".equals(form.get("blind_" + f))) {
                            blinded.add(f);
                        }
                    }
                    Programme p = grants.createProgramme(
                            new Grants.ProgrammeForm(
                                    blank(form.get("name")),
                                    blank(form.get("description")),
                                    id(form.get("fundId")),
                                    id(form.get("fundYear")) == null
                                            ? null
                                            : id(form.get("fundYear")).intValue(),
                                    decimal(form.get("maxAmount")),
                                    decimal(form.get("countyMatchRatio")),
                                    kinds,
                                    "on".equals(form.get("integrityBlocking")),
                                    blinded,
                                    List.of(new Grants.RoundForm(
                                            blank(form.get("roundName")),
                                            blank(form.get("opensOn")),
                                            blank(form.get("closesOn")))),
                                    List.of(new Grants.StageForm(
                                            blank(form.get("stageName")) == null
                                                    ? m("grants.stage.default")
                                                    : form.get("stageName"),
                                            decimal(form.get("passScore")))),
                                    criteria),
                            actor);
                    created[0] = p.id();
                },
                "grants.page.saved");
        return created[0] == null ? back : "redirect:/grants/programmes/" + created[0];
    }

    @GetMapping("/programmes/{id}")
    String programme(@PathVariable long id, @RequestParam(required = false) String status, Model model) {
        Actor actor = actor();
        Programme p = grants.programme(id);
        model.addAttribute("p", p);
        model.addAttribute("isOfficer", GrantsAccess.isOfficer(actor));
        model.addAttribute("isApplicant", GrantsAccess.isApplicant(actor));
        if (!GrantsAccess.isReviewer(actor)) {
            model.addAttribute(
                    "applications",
                    grants.applications(
                            new Grants.ApplicationCriteria(id, GrantsApiSupport.status(status), null, null),
                            PageRequest.of(0, 200),
                            actor));
        }
        if (GrantsAccess.isOfficer(actor)) {
            model.addAttribute(
                    "rankings",
                    p.stages().stream()
                            .map(s -> grants.ranking(id, s.seq(), actor))
                            .toList());
        }
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("status", status);
        defaults(model);
        return "grants/programme";
    }

    @PostMapping("/programmes/{id}/apply")
    String apply(@PathVariable long id, RedirectAttributes ra) {
        Long[] app = new Long[1];
        String back = act(
                "/grants/programmes/" + id,
                ra,
                Map.of(),
                () -> app[0] = grants.start(id, actor()).id(),
                "grants.page.started");
        return app[0] == null ? back : "redirect:/grants/applications/" + app[0];
    }

    // ------------------------------------------------------------ applications

    @GetMapping("/applications")
    String applications(
            @RequestParam(required = false) Long programmeId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = actor();
        model.addAttribute(
                "rows",
                grants.applications(
                        new Grants.ApplicationCriteria(
                                programmeId, GrantsApiSupport.status(status), blank(county), null),
                        PageRequest.of(page, 50),
                        actor));
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("county", county);
        model.addAttribute("programmeId", programmeId);
        model.addAttribute("programmes", grants.programmes(actor));
        return "grants/applications";
    }

    @GetMapping("/applications.xlsx")
    void applicationsExport(
            @RequestParam(required = false) Long programmeId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            HttpServletResponse response)
            throws IOException {
        List<List<?>> out = new ArrayList<>();
        grants.forEachApplication(
                new Grants.ApplicationCriteria(programmeId, GrantsApiSupport.status(status), blank(county), null),
                actor(),
                a -> out.add(List.of(
                        a.id(),
                        a.programmeName(),
                        a.applicantName(),
                        a.applicantCounty() == null ? "" : a.applicantCounty(),
                        a.title() == null ? "" : a.title(),
                        a.requestedAmount() == null ? "" : a.requestedAmount(),
                        messages.get("grants.status." + a.status().name()),
                        a.version())));
        xlsx(
                response,
                "grant-applications",
                List.of(
                        "#",
                        m("grants.col.programme"),
                        m("grants.col.applicant"),
                        m("grants.col.county"),
                        m("grants.col.title"),
                        m("grants.col.requested"),
                        m("grants.col.status"),
                        m("grants.col.version")),
                out);
    }

    @GetMapping("/applications/{id}")
    String application(@PathVariable long id, Model model) {
        Actor actor = actor();
        Application a = grants.application(id, actor);
        Programme p = grants.programme(a.programmeId());
        model.addAttribute("a", a);
        model.addAttribute("p", p);
        boolean own = actor.organisationId() != null && actor.organisationId() == a.applicantOrgId();
        model.addAttribute(
                "editable", own && (a.status() == ApplicationStatus.DRAFT || a.status() == ApplicationStatus.RETURNED));
        model.addAttribute("isOfficer", GrantsAccess.isOfficer(actor));
        model.addAttribute("versions", GrantsAccess.isReviewer(actor) ? List.of() : grants.versions(id, actor));
        if (GrantsAccess.isOfficer(actor)) {
            model.addAttribute("assignments", grants.assignments(id, actor));
            model.addAttribute(
                    "reviewers",
                    accounts.list(null, Role.REVIEWER, PageRequest.of(0, 200)).content());
            model.addAttribute("integrity", grants.integrity(a.applicantOrgId()));
            model.addAttribute("score", grants.currentScore(id));
        }
        model.addAttribute(
                "award",
                awards.awards(null, null, actor).stream()
                        .filter(w -> w.applicationId() == id)
                        .findFirst()
                        .orElse(null));
        defaults(model);
        return "grants/application";
    }

    @PostMapping("/applications/{id}/draft")
    String saveDraft(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/applications/" + id,
                ra,
                form,
                () -> grants.saveDraft(id, draft(form), actor()),
                "grants.page.draftSaved");
    }

    /** The autosave endpoint the page's script posts to (same form fields, answers with the time saved). */
    @PostMapping("/applications/{id}/autosave")
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, @RequestParam Map<String, String> form) {
        try {
            Application a = grants.saveDraft(id, draft(form), actor());
            return ResponseEntity.ok(Map.of("saved", true, "at", a.updatedAt().toString()));
        } catch (ValidationException e) {
            return ResponseEntity.badRequest().body(Map.of("saved", false, "errors", e.errors()));
        }
    }

    private static Grants.DraftForm draft(Map<String, String> form) {
        return new Grants.DraftForm(
                form.get("title"),
                form.get("summary"),
                form.get("team"),
                form.get("workPlan"),
                decimal(form.get("requestedAmount")));
    }

    @PostMapping("/applications/{id}/submit")
    String submit(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/applications/" + id,
                ra,
                form,
                () -> {
                    grants.saveDraft(id, draft(form), actor());
                    grants.submit(id, actor());
                },
                "grants.page.submitted");
    }

    @PostMapping("/applications/{id}/return")
    String returnIt(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/applications/" + id,
                ra,
                form,
                () -> grants.returnForRevision(id, form.get("reason"), actor()),
                "grants.page.returned");
    }

    @PostMapping("/applications/{id}/review")
    String startReview(@PathVariable long id, RedirectAttributes ra) {
        return act(
                "/grants/applications/" + id, ra, Map.of(), () -> grants.startReview(id, actor()), "grants.page.saved");
    }

    @PostMapping("/applications/{id}/assign")
    String assign(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/applications/" + id,
                ra,
                form,
                () -> {
                    Long reviewer = id(form.get("reviewerUserId"));
                    if (reviewer == null) {
                        throw DomainException.invalid("reviewerUserId", "grants.required");
                    }
                    grants.assign(id, reviewer, actor());
                },
                "grants.page.saved");
    }

    @PostMapping("/applications/{id}/advance")
    String advance(@PathVariable long id, RedirectAttributes ra) {
        return act("/grants/applications/" + id, ra, Map.of(), () -> grants.advance(id, actor()), "grants.page.saved");
    }

    @PostMapping("/applications/{id}/reject")
    String reject(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/applications/" + id,
                ra,
                form,
                () -> grants.reject(id, form.get("reason"), actor()),
                "grants.page.saved");
    }

    @PostMapping("/applications/{id}/decision")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        Long[] award = new Long[1];
        String back = act(
                "/grants/applications/" + id,
                ra,
                form,
                () -> award[0] = awards.decide(
                                id,
                                new Awards.DecisionForm(
                                        decimal(form.get("approvedAmount")), blank(form.get("conditions")), null, null),
                                actor())
                        .id(),
                "grants.page.decided");
        return award[0] == null ? back : "redirect:/grants/awards/" + award[0];
    }

    // ------------------------------------------------------------ reviewers

    @GetMapping("/review")
    String workspace(Model model) {
        Actor actor = actor();
        model.addAttribute("assignments", grants.myAssignments(actor));
        return "grants/review";
    }

    @GetMapping("/review/{id}")
    String sheet(@PathVariable long id, Model model) {
        model.addAttribute("sheet", grants.reviewSheet(id, actor()));
        defaults(model);
        return "grants/sheet";
    }

    @PostMapping("/review/{id}")
    String score(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/review/" + id,
                ra,
                form,
                () -> {
                    Map<Long, BigDecimal> scores = new LinkedHashMap<>();
                    form.forEach((k, v) -> {
                        if (k.startsWith("score_") && blank(v) != null) {
                            scores.put(Long.parseLong(k.substring(6)), decimal(v));
                        }
                    });
                    grants.score(id, new Grants.ScoreForm(scores, form.get("comment")), actor());
                },
                "grants.page.scored");
    }

    @PostMapping("/review/{id}/conflict")
    String conflict(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        act(
                "/grants/review",
                ra,
                form,
                () -> grants.declareConflictOn(id, form.get("reason"), actor()),
                "grants.page.conflict");
        return "redirect:/grants/review";
    }

    // ------------------------------------------------------------ grants and payments

    @GetMapping("/awards")
    String awardList(@RequestParam(required = false) String county, Model model) {
        model.addAttribute("awards", awards.awards(null, blank(county), actor()));
        return "grants/awards";
    }

    @GetMapping("/awards.xlsx")
    void awardsExport(@RequestParam(required = false) String county, HttpServletResponse response) throws IOException {
        List<List<?>> out = new ArrayList<>();
        for (Award w : awards.awards(null, blank(county), actor())) {
            out.add(List.of(
                    w.id(),
                    w.granteeName(),
                    w.county() == null ? "" : w.county(),
                    w.amount(),
                    w.countyAmount(),
                    messages.get("grants.awardStatus." + w.status().name()),
                    w.decidedOn().toString()));
        }
        xlsx(
                response,
                "grants",
                List.of(
                        "#",
                        m("grants.col.grantee"),
                        m("grants.col.county"),
                        m("grants.col.amount"),
                        m("grants.col.countyAmount"),
                        m("grants.col.status"),
                        m("grants.col.decidedOn")),
                out);
    }

    @GetMapping("/awards/{id}")
    String award(@PathVariable long id, Model model) {
        Actor actor = actor();
        Award w = awards.award(id, actor);
        model.addAttribute("w", w);
        model.addAttribute("targets", awards.targets(id, actor));
        model.addAttribute("tranches", awards.tranches(id, actor));
        model.addAttribute("assessments", awards.assessments(id, actor));
        model.addAttribute("isOfficer", GrantsAccess.isOfficer(actor));
        model.addAttribute("isGrantee", actor.organisationId() != null && actor.organisationId() == w.granteeOrgId());
        var assessed = awards.assessments(id, actor).stream().map(s -> s.year()).toList();
        List<Integer> openYears = awards.targets(id, actor).stream()
                .map(t -> t.year())
                .distinct()
                .filter(y -> !assessed.contains(y))
                .toList();
        model.addAttribute("openYears", openYears);
        // the assessment sheet starts from what the records say (targetId -> reading)
        Map<Long, PerformanceReadings.TargetReading> read = new LinkedHashMap<>();
        if (GrantsAccess.isOfficer(actor) && w.status() == AwardStatus.ACTIVE) {
            for (int y : openYears) {
                readings.read(id, y, actor).forEach(r -> read.put(r.targetId(), r));
            }
        }
        model.addAttribute("readings", read);
        defaults(model);
        return "grants/award";
    }

    @PostMapping("/awards/{id}/assess")
    String assess(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/awards/" + id,
                ra,
                form,
                () -> {
                    Map<Long, BigDecimal> actuals = new LinkedHashMap<>();
                    form.forEach((k, v) -> {
                        if (k.startsWith("actual_") && blank(v) != null) {
                            actuals.put(Long.parseLong(k.substring(7)), decimal(v));
                        }
                    });
                    awards.assess(
                            id,
                            new Awards.AssessmentForm(
                                    id(form.get("year")) == null
                                            ? null
                                            : id(form.get("year")).intValue(),
                                    actuals),
                            actor());
                },
                "grants.page.assessed");
    }

    @PostMapping("/awards/{id}/final-report")
    String finalReport(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(
                "/grants/awards/" + id,
                ra,
                form,
                () -> awards.submitFinalReport(id, form.get("report"), actor()),
                "grants.page.saved");
    }

    @PostMapping("/awards/{id}/final-report/approve")
    String approveReport(@PathVariable long id, RedirectAttributes ra) {
        return act(
                "/grants/awards/" + id,
                ra,
                Map.of(),
                () -> awards.approveFinalReport(id, actor()),
                "grants.page.saved");
    }

    @PostMapping("/awards/{id}/close")
    String close(@PathVariable long id, RedirectAttributes ra) {
        return act("/grants/awards/" + id, ra, Map.of(), () -> awards.close(id, actor()), "grants.page.saved");
    }

    @GetMapping("/payments")
    String payments(
            @RequestParam(required = false) String status, @RequestParam(required = false) String county, Model model) {
        SummedPage<Tranche> rows = awards.payments(
                new Awards.TrancheCriteria(GrantsApiSupport.trancheStatus(status), blank(county), null),
                PageRequest.of(0, 200),
                actor());
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", TrancheStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("county", county);
        model.addAttribute("isOfficer", GrantsAccess.isOfficer(actor()));
        return "grants/payments";
    }

    @GetMapping("/payments.xlsx")
    void paymentsExport(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            HttpServletResponse response)
            throws IOException {
        List<List<?>> out = new ArrayList<>();
        awards.forEachPayment(
                new Awards.TrancheCriteria(GrantsApiSupport.trancheStatus(status), blank(county), null),
                actor(),
                t -> out.add(List.of(
                        t.id(),
                        t.granteeName(),
                        t.seq(),
                        t.amount(),
                        t.countyAmount(),
                        t.dueOn().toString(),
                        messages.get("grants.tranche." + t.status().name()),
                        t.paidOn() == null ? "" : t.paidOn().toString())));
        xlsx(
                response,
                "grant-payments",
                List.of(
                        "#",
                        m("grants.col.grantee"),
                        m("grants.col.tranche"),
                        m("grants.col.amount"),
                        m("grants.col.countyAmount"),
                        m("grants.col.dueOn"),
                        m("grants.col.status"),
                        m("grants.col.paidOn")),
                out);
    }

    @PostMapping("/payments/{id}/{action}")
    String payment(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam Map<String, String> form,
            RedirectAttributes ra) {
        String back = blank(form.get("back")) != null && form.get("back").startsWith("/grants/")
                ? form.get("back")
                : "/grants/payments";
        return act(
                back,
                ra,
                form,
                () -> {
                    Actor actor = actor();
                    switch (action) {
                        case "approve" -> awards.approveTranche(id, actor);
                        case "pay" -> awards.payTranche(id, actor);
                        case "return" ->
                            awards.returnTranche(
                                    id, form.getOrDefault("reason", m("grants.page.returnedByTreasury")), actor);
                        case "cancel" -> awards.cancelTranche(id, form.get("reason"), actor);
                        default -> throw DomainException.notFound("grants.trancheUnknown", id);
                    }
                },
                "grants.page.saved");
    }
}
