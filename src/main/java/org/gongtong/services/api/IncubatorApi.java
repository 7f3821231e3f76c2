package org.gongtong.services.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Xlsx;
import org.gongtong.services.Incubation;
import org.gongtong.services.IncubatorService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Incubators", description = "孵化器: cohorts, intake by rubric, incubatees, monthly KPIs, graduation and exit")
class IncubatorApi {

    private final IncubatorService incubators;

    IncubatorApi(IncubatorService incubators) {
        this.incubators = incubators;
    }

    @GetMapping("/api/v1/incubators")
    List<Incubation.Incubator> list(@RequestParam(required = false) String industry) {
        InstrumentApi.actor();
        return incubators.list(industry);
    }

    @PostMapping("/api/v1/incubators")
    @Operation(summary = "Add an incubator", description = "{name, operatorId, industry?, address?, spaceM2?}")
    ResponseEntity<Incubation.Incubator> create(@RequestBody IncubatorService.IncubatorForm form) {
        Incubation.Incubator i = incubators.create(form, InstrumentApi.actor());
        return ResponseEntity.created(URI.create("/api/v1/incubators/" + i.id()))
                .body(i);
    }

    @GetMapping("/api/v1/incubators/{id}")
    Incubation.Incubator get(@PathVariable long id) {
        InstrumentApi.actor();
        return incubators.incubator(id);
    }

    @GetMapping("/api/v1/incubators/{id}/cohorts")
    List<Incubation.Cohort> cohorts(@PathVariable long id) {
        InstrumentApi.actor();
        return incubators.cohorts(id);
    }

    @PostMapping("/api/v1/incubators/{id}/cohorts")
    @Operation(summary = "Open a cohort", description = "{name, startsOn?}")
    ResponseEntity<Incubation.Cohort> cohort(@PathVariable long id, @RequestBody Map<String, String> body) {
        return ResponseEntity.status(201)
                .body(incubators.addCohort(id, body.get("name"), body.get("startsOn"), InstrumentApi.actor()));
    }

    @PostMapping("/api/v1/incubators/{id}/incubatees")
    @Operation(
            summary = "Admit an organisation by the intake rubric",
            description =
                    "{organisationId, cohortId?, entryDate?, space?, scores: {TEAM ≤25, TECHNOLOGY ≤25, MARKET ≤20,"
                            + " INDUSTRY_FIT ≤15, FUNDING ≤15}}; a total below 60 is refused (409)")
    ResponseEntity<Incubation.Incubatee> admit(@PathVariable long id, @RequestBody IncubatorService.IntakeForm form) {
        Incubation.Incubatee e = incubators.admit(id, form, InstrumentApi.actor());
        return ResponseEntity.created(URI.create("/api/v1/incubatees/" + e.id()))
                .body(e);
    }

    @GetMapping("/api/v1/incubatees")
    @Operation(summary = "Incubatees; filters incubatorId, status = INCUBATING | GRADUATED | EXITED, county")
    PageResult<Incubation.Incubatee> incubatees(
            @RequestParam(required = false) Long incubatorId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        InstrumentApi.actor();
        return incubators.incubatees(incubatorId, status, county, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/incubatees/{id}")
    Incubation.Incubatee incubatee(@PathVariable long id) {
        InstrumentApi.actor();
        return incubators.incubatee(id);
    }

    @PostMapping("/api/v1/incubatees/{id}/graduate")
    @Operation(summary = "Graduate", description = "{on?, reason?}")
    Incubation.Incubatee graduate(
            @PathVariable long id, @RequestBody(required = false) IncubatorService.LeaveForm form) {
        return incubators.leave(
                id, true, form == null ? new IncubatorService.LeaveForm(null, null) : form, InstrumentApi.actor());
    }

    @PostMapping("/api/v1/incubatees/{id}/exit")
    @Operation(summary = "Exit without graduating", description = "{on?, reason}")
    Incubation.Incubatee exit(@PathVariable long id, @RequestBody(required = false) IncubatorService.LeaveForm form) {
        return incubators.leave(
                id, false, form == null ? new IncubatorService.LeaveForm(null, null) : form, InstrumentApi.actor());
    }

    @GetMapping("/api/v1/incubatees/{id}/kpis")
    List<Incubation.Kpi> kpis(@PathVariable long id) {
        return incubators.kpis(id, InstrumentApi.actor());
    }

    @PutMapping("/api/v1/incubatees/{id}/kpis/{month}")
    @Operation(
            summary = "Enter a month's KPIs (yyyy-MM)",
            description = "{revenue, staff, rndSpend, ipCount, fundingRaised}")
    Incubation.Kpi kpi(@PathVariable long id, @PathVariable String month, @RequestBody IncubatorService.KpiForm form) {
        return incubators.putKpi(id, month, form, InstrumentApi.actor());
    }

    @PostMapping("/api/v1/incubators/{id}/kpis/import")
    @Operation(summary = "Import KPIs from Excel: incubatee id, month, revenue, staff, R&D, IP, funding raised")
    ResponseEntity<IncubatorService.ImportReport> importKpis(
            @PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        IncubatorService.ImportReport r = incubators.importKpis(id, file.getInputStream(), InstrumentApi.actor());
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/api/v1/incubators/{id}/kpis/export")
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        // written aside first: a refusal is then a clean problem response, not a half-sent file
        java.io.ByteArrayOutputStream sheet = new java.io.ByteArrayOutputStream();
        incubators.exportKpis(id, sheet, InstrumentApi.actor());
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=incubator-" + id + "-kpis.xlsx");
        sheet.writeTo(response.getOutputStream());
    }
}
