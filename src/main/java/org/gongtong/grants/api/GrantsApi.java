package org.gongtong.grants.api;

import static org.gongtong.grants.api.SpecialFundApi.actor;
import static org.gongtong.grants.api.SpecialFundApi.blank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongtong.grants.Awards;
import org.gongtong.grants.GrantRecords.Application;
import org.gongtong.grants.GrantRecords.ApplicationStatus;
import org.gongtong.grants.GrantRecords.Assessment;
import org.gongtong.grants.GrantRecords.Assignment;
import org.gongtong.grants.GrantRecords.Award;
import org.gongtong.grants.GrantRecords.AwardStatus;
import org.gongtong.grants.GrantRecords.IntegrityRecord;
import org.gongtong.grants.GrantRecords.Programme;
import org.gongtong.grants.GrantRecords.Ranking;
import org.gongtong.grants.GrantRecords.Target;
import org.gongtong.grants.GrantRecords.Tranche;
import org.gongtong.grants.GrantRecords.TrancheStatus;
import org.gongtong.grants.GrantRecords.Version;
import org.gongtong.grants.Grants;
import org.gongtong.grants.PerformanceReadings;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.SummedPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Grants", description = "Programmes, applications, review, decisions, targets, assessments, tranches")
class GrantsApi {

    private final Grants grants;
    private final Awards awards;
    private final PerformanceReadings readings;

    GrantsApi(Grants grants, Awards awards, PerformanceReadings readings) {
        this.readings = readings;
        this.grants = grants;
        this.awards = awards;
    }

    record ReasonForm(String reason) {}

    record ReviewerForm(Long reviewerUserId) {}

    record ReportForm(String report) {}

    record AwardView(Award award, List<Target> targets, List<Tranche> tranches, List<Assessment> assessments) {}

    // programmes

    @GetMapping("/api/v1/grant-programmes")
    List<Programme> programmes() {
        return grants.programmes(actor());
    }

    @PostMapping("/api/v1/grant-programmes")
    @Operation(
            summary = "Create a programme",
            description = "{name, description?, fundId?, fundYear, maxAmount, countyMatchRatio, eligibleKinds[],"
                    + " integrityBlocking, blindedFields[], rounds[{name, opensOn, closesOn}], stages[{name,"
                    + " passScore}], criteria[{name, weight, maxScore}]} (weights add up to 100)")
    ResponseEntity<Programme> create(@RequestBody Grants.ProgrammeForm form) {
        Programme p = grants.createProgramme(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/grant-programmes/" + p.id()))
                .body(p);
    }

    @GetMapping("/api/v1/grant-programmes/{id}")
    Programme programme(@PathVariable long id) {
        actor();
        return grants.programme(id);
    }

    @PostMapping("/api/v1/grant-programmes/{id}/close")
    Programme close(@PathVariable long id) {
        return grants.closeProgramme(id, actor());
    }

    @GetMapping("/api/v1/grant-programmes/{id}/ranking")
    @Operation(summary = "Running weighted score (0–100) and rank of each application at a stage")
    List<Ranking> ranking(@PathVariable long id, @RequestParam(defaultValue = "1") int stage) {
        return grants.ranking(id, stage, actor());
    }

    @PostMapping("/api/v1/grant-programmes/{id}/applications")
    @Operation(summary = "Start (or resume) the caller's organisation's application, pre-filled from the registry")
    ResponseEntity<Application> start(@PathVariable long id) {
        Application a = grants.start(id, actor());
        return ResponseEntity.created(URI.create("/api/v1/grant-applications/" + a.id()))
                .body(a);
    }

    // applications

    @GetMapping("/api/v1/grant-applications")
    PageResult<Application> applications(
            @RequestParam(required = false) Long programmeId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return grants.applications(
                new Grants.ApplicationCriteria(programmeId, status(status), blank(county), null),
                PageRequest.of(page, size),
                actor());
    }

    @GetMapping("/api/v1/grant-applications/{id}")
    Application application(@PathVariable long id) {
        return grants.application(id, actor());
    }

    @PutMapping("/api/v1/grant-applications/{id}/draft")
    @Operation(summary = "Save the draft (autosave)", description = "{title, summary, team, workPlan, requestedAmount}")
    Application draft(@PathVariable long id, @RequestBody Grants.DraftForm form) {
        return grants.saveDraft(id, form, actor());
    }

    @PostMapping("/api/v1/grant-applications/{id}/submit")
    Application submit(@PathVariable long id) {
        return grants.submit(id, actor());
    }

    @PostMapping("/api/v1/grant-applications/{id}/return")
    @Operation(summary = "Return for revision with the reason", description = "{reason}")
    Application returnForRevision(@PathVariable long id, @RequestBody(required = false) ReasonForm form) {
        return grants.returnForRevision(id, form == null ? null : form.reason(), actor());
    }

    @GetMapping("/api/v1/grant-applications/{id}/versions")
    List<Version> versions(@PathVariable long id) {
        return grants.versions(id, actor());
    }

    @PostMapping("/api/v1/grant-applications/{id}/review")
    @Operation(summary = "Start the review at stage 1 (refused when an integrity record blocks it)")
    Application startReview(@PathVariable long id) {
        return grants.startReview(id, actor());
    }

    @PostMapping("/api/v1/grant-applications/{id}/assignments")
    @Operation(summary = "Assign a reviewer to the current stage", description = "{reviewerUserId}")
    ResponseEntity<Assignment> assign(@PathVariable long id, @RequestBody(required = false) ReviewerForm form) {
        if (form == null || form.reviewerUserId() == null) {
            throw DomainException.invalid("reviewerUserId", "grants.required");
        }
        Assignment a = grants.assign(id, form.reviewerUserId(), actor());
        return ResponseEntity.created(URI.create("/api/v1/review-assignments/" + a.id()))
                .body(a);
    }

    @GetMapping("/api/v1/grant-applications/{id}/assignments")
    List<Assignment> assignments(@PathVariable long id) {
        return grants.assignments(id, actor());
    }

    @PostMapping("/api/v1/grant-applications/{id}/advance")
    Application advance(@PathVariable long id) {
        return grants.advance(id, actor());
    }

    @PostMapping("/api/v1/grant-applications/{id}/reject")
    Application reject(@PathVariable long id, @RequestBody(required = false) ReasonForm form) {
        return grants.reject(id, form == null ? null : form.reason(), actor());
    }

    @PostMapping("/api/v1/grant-applications/{id}/decision")
    @Operation(
            summary = "Approve with amount and conditions; commits the money from the special fund",
            description =
                    "{approvedAmount, conditions, targets[{indicator, year, targetValue, weight}], tranches[{amount,"
                            + " dueOn, conditionYear?, conditionMinScore?}]} → 201 grant; 409 with `available` when the fund"
                            + " year cannot carry it")
    ResponseEntity<Award> decide(@PathVariable long id, @RequestBody Awards.DecisionForm form) {
        Award a = awards.decide(id, form, actor());
        return ResponseEntity.created(URI.create("/api/v1/grants/" + a.id())).body(a);
    }

    // review

    @GetMapping("/api/v1/review-assignments")
    List<Assignment> myAssignments() {
        return grants.myAssignments(actor());
    }

    @GetMapping("/api/v1/review-assignments/{id}")
    @Operation(summary = "The review sheet: the application with blinded fields hidden, criteria, integrity records")
    Grants.ReviewSheet sheet(@PathVariable long id) {
        return grants.reviewSheet(id, actor());
    }

    @PostMapping("/api/v1/review-assignments/{id}/scores")
    @Operation(summary = "Submit scores", description = "{scores: {criterionId: score}, comment?}")
    Assignment score(@PathVariable long id, @RequestBody Grants.ScoreForm form) {
        return grants.score(id, form, actor());
    }

    @PostMapping("/api/v1/review-assignments/{id}/conflict")
    @Operation(summary = "Declare a conflict of interest with the applicant; the assignment is withdrawn")
    Map<String, Object> conflict(@PathVariable long id, @RequestBody(required = false) ReasonForm form) {
        grants.declareConflictOn(id, form == null ? null : form.reason(), actor());
        return Map.of("declared", true);
    }

    @PostMapping("/api/v1/integrity-records")
    @Operation(
            summary = "Record a research-integrity (科研诚信) finding",
            description = "{organisationId, severity: MINOR|SERIOUS, description, recordedOn?, validUntil?}")
    ResponseEntity<IntegrityRecord> integrity(@RequestBody Grants.IntegrityForm form) {
        IntegrityRecord r = grants.recordIntegrity(form, actor());
        return ResponseEntity.status(201).body(r);
    }

    @GetMapping("/api/v1/integrity-records")
    List<IntegrityRecord> integrity(@RequestParam long organisationId) {
        org.gongtong.grants.GrantsAccess.requireOfficer(actor());
        return grants.integrity(organisationId);
    }

    // grants after the decision

    @GetMapping("/api/v1/grants")
    List<Award> awards(@RequestParam(required = false) String status, @RequestParam(required = false) String county) {
        AwardStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = AwardStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("status", "grants.choiceInvalid", List.of(AwardStatus.values()));
            }
        }
        return awards.awards(s, blank(county), actor());
    }

    @GetMapping("/api/v1/grants/{id}")
    AwardView award(@PathVariable long id) {
        var actor = actor();
        return new AwardView(
                awards.award(id, actor),
                awards.targets(id, actor),
                awards.tranches(id, actor),
                awards.assessments(id, actor));
    }

    @GetMapping("/api/v1/grants/{id}/readings")
    @Operation(
            summary = "What the platform's records say about the targets of grant year `year`",
            description = "Per target: the grant year's dates and, where a module reads the indicator, {value, basis}"
                    + " (technology contracts, incubatees, appointments, annual R&D figures); officers only")
    List<PerformanceReadings.TargetReading> readings(@PathVariable long id, @RequestParam int year) {
        return readings.read(id, year, actor());
    }

    @PostMapping("/api/v1/grants/{id}/assessments")
    @Operation(
            summary = "Annual assessment",
            description = "{year, actuals: {targetId: value}} → score per indicator, outcome (PAY_NEXT, PAY_REDUCED,"
                    + " WITHHOLD, CLAW_BACK), city and county payable")
    ResponseEntity<Assessment> assess(@PathVariable long id, @RequestBody Awards.AssessmentForm form) {
        return ResponseEntity.status(201).body(awards.assess(id, form, actor()));
    }

    @PostMapping("/api/v1/grants/{id}/final-report")
    Award finalReport(@PathVariable long id, @RequestBody(required = false) ReportForm form) {
        return awards.submitFinalReport(id, form == null ? null : form.report(), actor());
    }

    @PostMapping("/api/v1/grants/{id}/final-report/approve")
    Award approveReport(@PathVariable long id) {
        return awards.approveFinalReport(id, actor());
    }

    @PostMapping("/api/v1/grants/{id}/close")
    Award closeGrant(@PathVariable long id) {
        return awards.close(id, actor());
    }

    // payments

    @GetMapping("/api/v1/grant-payments")
    @Operation(summary = "Tranches for payment runs, with the sum of their city amounts")
    SummedPage<Tranche> payments(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Long grantId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return awards.payments(
                new Awards.TrancheCriteria(trancheStatus(status), blank(county), grantId),
                PageRequest.of(page, size),
                actor());
    }

    @PostMapping("/api/v1/grant-payments/{id}/approve")
    Tranche approve(@PathVariable long id) {
        return awards.approveTranche(id, actor());
    }

    @PostMapping("/api/v1/grant-payments/{id}/pay")
    Tranche pay(@PathVariable long id) {
        return awards.payTranche(id, actor());
    }

    @PostMapping("/api/v1/grant-payments/{id}/return")
    Tranche returnPayment(@PathVariable long id, @RequestBody(required = false) ReasonForm form) {
        return awards.returnTranche(id, form == null ? null : form.reason(), actor());
    }

    @PostMapping("/api/v1/grant-payments/{id}/cancel")
    Tranche cancel(@PathVariable long id, @RequestBody(required = false) ReasonForm form) {
        return awards.cancelTranche(id, form == null ? null : form.reason(), actor());
    }

    static ApplicationStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ApplicationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "grants.choiceInvalid", List.of(ApplicationStatus.values()));
        }
    }

    static TrancheStatus trancheStatus(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return TrancheStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "grants.choiceInvalid", List.of(TrancheStatus.values()));
        }
    }
}
