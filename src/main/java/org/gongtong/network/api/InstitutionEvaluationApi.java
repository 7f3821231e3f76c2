package org.gongtong.network.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.network.EvaluationService;
import org.gongtong.network.EvaluationService.Evaluation;
import org.gongtong.network.EvaluationService.Settings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Annual evaluation", description = "Annual evaluation of R&D institutions and its settings")
class InstitutionEvaluationApi {

    private final EvaluationService evaluations;

    InstitutionEvaluationApi(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    record YearBody(Integer year) {}

    record OverrideBody(String outcome, String reason) {}

    @PostMapping("/api/v1/institutions/{id}/evaluations")
    @Operation(
            summary = "Compute and store the evaluation proposal of a year",
            description = "Body or query {year}. 409 when the institution is not operating or the year is evaluated.")
    ResponseEntity<Evaluation> compute(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            @RequestBody(required = false) YearBody body) {
        Integer y = year != null ? year : body == null ? null : body.year();
        Evaluation e = evaluations.compute(id, y, Actor.current().orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + e.id()))
                .body(e);
    }

    @GetMapping("/api/v1/institutions/{id}/evaluations")
    @Operation(summary = "The evaluations of an institution, latest year first")
    List<Evaluation> list(@PathVariable long id) {
        return evaluations.list(id, Actor.current().orElseThrow());
    }

    @GetMapping("/api/v1/evaluations/{id}")
    @Operation(summary = "One evaluation with its points table")
    Evaluation one(@PathVariable long id) {
        return evaluations.find(id, Actor.current().orElseThrow());
    }

    @PostMapping("/api/v1/evaluations/{id}/confirm")
    @Operation(summary = "Confirm the proposal; the institution moves to the proposed outcome")
    Evaluation confirm(@PathVariable long id) {
        return evaluations.confirm(id, Actor.current().orElseThrow());
    }

    @PostMapping("/api/v1/evaluations/{id}/override")
    @Operation(summary = "Override the proposal with {outcome, reason}; the reason is mandatory")
    Evaluation override(@PathVariable long id, @RequestBody OverrideBody body) {
        return evaluations.override(
                id, body.outcome(), body.reason(), Actor.current().orElseThrow());
    }

    @GetMapping("/api/v1/evaluation-settings")
    @Operation(summary = "Indicator sets per kind and the thresholds")
    Settings settings() {
        return evaluations.settings();
    }

    @PutMapping("/api/v1/evaluation-settings")
    @Operation(
            summary = "Change indicator sets (kinds given are replaced; weights sum to 100) and thresholds"
                    + " (warnAt < continueAt)")
    Settings update(@RequestBody Settings body) {
        return evaluations.updateSettings(body, Actor.current().orElseThrow());
    }
}
