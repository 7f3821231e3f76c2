package org.gongtong.cultivation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongtong.cultivation.CultivationRecord;
import org.gongtong.cultivation.Deadlines;
import org.gongtong.cultivation.Pipeline;
import org.gongtong.cultivation.PipelineSheets;
import org.gongtong.identity.Actor;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Xlsx;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cultivation")
@Tag(name = "Cultivation pipeline", description = "小升高: stages, deadlines, reminders, the office view")
class PipelineApi extends ApiProblems {

    private final Pipeline pipeline;
    private final PipelineSheets sheets;
    private final Messages messages;

    PipelineApi(Pipeline pipeline, PipelineSheets sheets, Messages messages) {
        this.pipeline = pipeline;
        this.sheets = sheets;
        this.messages = messages;
    }

    record ReminderView(String kind, Integer year, LocalDate due, boolean overdue, String message) {}

    record StatusView(
            CultivationRecord record, List<Integer> filedYears, List<ReminderView> reminders, LocalDate today) {}

    @GetMapping("/enterprises/{id}/pipeline")
    @Operation(summary = "The enterprise's stage, filed annual reports and reminders (as of today)")
    StatusView status(@PathVariable long id) {
        return view(pipeline.status(id, Actor.current().orElseThrow()));
    }

    @PostMapping("/enterprises/{id}/pipeline/moves")
    @Operation(
            summary = "Move the enterprise along the pipeline",
            description = "action: REGISTER_TECH_SME (year, number), APPLY_HNTE (date), RECOGNISE (number, date of"
                    + " the certificate; valid 3 years), REJECT, CANCEL (reason, date). Illegal moves are refused"
                    + " with 409 and the reason; officers (the firm itself may APPLY_HNTE); audited.")
    CultivationRecord move(@PathVariable long id, @RequestBody Pipeline.Move move) {
        return pipeline.move(id, move, Actor.current().orElseThrow());
    }

    @PostMapping("/enterprises/{id}/annual-reports/{year}")
    @Operation(summary = "File the high-tech annual report for a year of the certificate (due 31 May next year)")
    StatusView fileReport(@PathVariable long id, @PathVariable int year) {
        return view(pipeline.fileReport(id, year, Actor.current().orElseThrow()));
    }

    @PostMapping("/enterprises/{id}/changes")
    @Operation(summary = "Record a name or major change (to be reported within 3 months)")
    StatusView change(@PathVariable long id, @RequestBody Deadlines.Change change) {
        return view(pipeline.recordChange(id, change, Actor.current().orElseThrow()));
    }

    @PostMapping("/pipeline/apply-missed-reports")
    @Operation(summary = "Cancel recognitions with two missed annual reports in their validity period")
    Map<String, Integer> applyMissed() {
        return Map.of("cancelled", pipeline.applyMissedReports(Actor.current().orElseThrow()));
    }

    @GetMapping("/pipeline")
    @Operation(summary = "The pipeline by county (default) or industry: firms per stage and one step from the next")
    List<Pipeline.Row> overview(@RequestParam(defaultValue = "county") String by) {
        return pipeline.overview(by, Actor.current().orElseThrow());
    }

    @GetMapping(value = "/pipeline/export", produces = Xlsx.CONTENT_TYPE)
    @Operation(summary = "The office view as .xlsx")
    void export(@RequestParam(defaultValue = "county") String by, HttpServletResponse response) throws IOException {
        sheets.export(by, Actor.current().orElseThrow(), response);
    }

    private StatusView view(Pipeline.Status s) {
        return new StatusView(
                s.record(),
                s.filedYears(),
                s.reminders().stream()
                        .map(r -> new ReminderView(
                                r.kind().name(),
                                r.year(),
                                r.due(),
                                r.overdue(),
                                messages.get(
                                        "cultivation.reminder." + r.kind().name() + (r.overdue() ? ".overdue" : ""),
                                        r.year() == null ? "" : String.valueOf(r.year()),
                                        r.due().toString(),
                                        r.subject() == null ? "" : r.subject())))
                        .toList(),
                s.today());
    }

    @Override
    protected Messages messages() {
        return messages;
    }
}
