package org.gongtong.talent.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.talent.Appointment;
import org.gongtong.talent.HorizontalProject;
import org.gongtong.talent.Report;
import org.gongtong.talent.TalentService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/talent")
@Tag(name = "Talent", description = "产业教授, 双导师, 科技特派员, 科技副总 appointments; horizontal projects; researcher records")
class TalentApi {

    private final TalentService talent;

    TalentApi(TalentService talent) {
        this.talent = talent;
    }

    @GetMapping("/appointments")
    @Operation(
            summary =
                    "Appointments; filters programme, county (of the host), organisationId, person, flag = EXPIRING | MISSING_REPORTS")
    PageResult<Appointment> list(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        actor();
        return talent.search(programme, county, organisationId, person, flag, PageRequest.of(page, size));
    }

    @PostMapping("/appointments")
    @Operation(
            summary = "Appoint someone under a programme",
            description =
                    "{programme: INDUSTRY_PROFESSOR|DUAL_MENTOR|COMMISSIONER|TECH_VICE_PRESIDENT, personName, homeOrgId,"
                            + " hostOrgId, startsOn, endsOn, duties?, agreedOutputs?, expertise?, industry?, studentName? (dual"
                            + " mentor), academicMentor?, paidPartTime?, reportEveryMonths? (default 6)}")
    ResponseEntity<Appointment> appoint(@RequestBody TalentService.AppointmentForm form) {
        Appointment a = talent.appoint(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/talent/appointments/" + a.id()))
                .body(a);
    }

    @GetMapping("/appointments/{id}")
    Appointment get(@PathVariable long id) {
        actor();
        return talent.find(id);
    }

    @GetMapping("/appointments/{id}/reports")
    List<Report> reports(@PathVariable long id) {
        actor();
        return talent.reports(id);
    }

    @PostMapping("/appointments/{id}/reports")
    @Operation(summary = "File a periodic report", description = "{periodEnd, summary, outputs?}")
    ResponseEntity<Report> report(@PathVariable long id, @RequestBody TalentService.ReportForm form) {
        return ResponseEntity.status(201).body(talent.report(id, form, actor()));
    }

    @PostMapping("/appointments/{id}/evaluation")
    @Operation(summary = "Evaluate", description = "{grade: EXCELLENT|GOOD|PASS|FAIL, note?}")
    Appointment evaluate(@PathVariable long id, @RequestBody TalentService.EvaluationForm form) {
        return talent.evaluate(id, form, actor());
    }

    @PostMapping("/appointments/{id}/end")
    Appointment end(@PathVariable long id, @RequestBody(required = false) java.util.Map<String, String> body) {
        return talent.end(id, body == null ? null : body.get("reason"), actor());
    }

    @GetMapping("/appointments/{id}/matching-needs")
    @Operation(summary = "Enterprise needs matching the appointee's expertise (market's matching engine)")
    List<TalentService.NeedMatch> needs(@PathVariable long id, @RequestParam(required = false) Integer limit) {
        return talent.needsFor(id, actor(), limit == null ? 10 : limit);
    }

    @PostMapping("/projects")
    @Operation(
            summary = "Register a horizontal (enterprise-funded) project",
            description = "{title, contractNo?, researcherName, researcherOrgId, clientOrgId, signedOn, amount}")
    ResponseEntity<HorizontalProject> project(@RequestBody TalentService.ProjectForm form) {
        HorizontalProject p = talent.createProject(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/talent/projects/" + p.id()))
                .body(p);
    }

    @GetMapping("/projects/{id}")
    HorizontalProject getProject(@PathVariable long id) {
        actor();
        return talent.project(id);
    }

    @PostMapping("/projects/{id}/milestones")
    @Operation(summary = "Add a milestone", description = "{title, dueOn, doneOn?}")
    HorizontalProject milestone(@PathVariable long id, @RequestBody TalentService.MilestoneForm form) {
        return talent.addMilestone(id, form, actor());
    }

    @PostMapping("/projects/{id}/receipts")
    @Operation(
            summary = "Record money received",
            description = "{receivedOn, amount, note?}; never beyond the contract amount")
    HorizontalProject receipt(@PathVariable long id, @RequestBody TalentService.ReceiptForm form) {
        return talent.addReceipt(id, form, actor());
    }

    @GetMapping("/researchers")
    @Operation(summary = "A researcher's record: appointments, horizontal projects and their totals")
    TalentService.ResearcherRecord researcher(
            @RequestParam String name, @RequestParam(required = false) Long organisationId) {
        actor();
        return talent.researcher(name, organisationId);
    }

    static Actor actor() {
        return Actor.current().orElseThrow(() -> DomainException.forbidden("problem.forbidden"));
    }
}
