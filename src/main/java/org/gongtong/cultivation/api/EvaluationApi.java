package org.gongtong.cultivation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.gongtong.cultivation.CultivationSettings;
import org.gongtong.cultivation.Evaluations;
import org.gongtong.cultivation.Explanation;
import org.gongtong.cultivation.HnteInput;
import org.gongtong.cultivation.HnteResult;
import org.gongtong.cultivation.PointRange;
import org.gongtong.cultivation.RuleSettings;
import org.gongtong.cultivation.TechSmeInput;
import org.gongtong.cultivation.TechSmeResult;
import org.gongtong.identity.Actor;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

@RestController
@RequestMapping("/api/v1/cultivation")
@Tag(name = "Cultivation", description = "Tech-SME and high-tech-enterprise rule engines (小升高)")
class EvaluationApi {

    private final Evaluations evaluations;
    private final CultivationSettings settings;
    private final Messages messages;

    EvaluationApi(Evaluations evaluations, CultivationSettings settings, Messages messages) {
        this.evaluations = evaluations;
        this.settings = settings;
        this.messages = messages;
    }

    record Said(String code, String message) {}

    record TechSmeResponse(
            boolean eligible,
            String qualifiedBy,
            int score,
            TechSmeResult.Parts parts,
            TechSmeResult.Measured ratios,
            List<Said> reasons,
            String ruleVersion) {}

    record ConditionView(String id, boolean met, Object value, Object threshold, String message) {}

    record GapView(String id, boolean required, PointRange points, String message) {}

    record HnteResponse(
            List<ConditionView> conditions,
            HnteResult.Growth growth,
            HnteResult.Bands bands,
            HnteResult.Points points,
            PointRange total,
            HnteResult.Verdict verdict,
            List<GapView> gaps,
            List<Said> explanations,
            String ruleVersion) {}

    @PostMapping("/tech-sme/evaluate")
    @Operation(
            summary = "Evaluate a technology-based SME (科技型中小企业, 国科发政〔2017〕115号)",
            description = "Money in yuan, counts as annual averages. score and parts are always computed;"
                    + " reasons name, in the caller's language, every condition that failed or decided.")
    TechSmeResponse techSme(@RequestBody(required = false) TechSmeInput input) {
        TechSmeResult r = evaluations.techSme(input);
        return new TechSmeResponse(
                r.eligible(), r.qualifiedBy(), r.score(), r.parts(), r.ratios(), said(r.reasons()), r.ruleVersion());
    }

    @PostMapping("/hnte/evaluate")
    @Operation(
            summary = "High-tech-enterprise readiness (高新技术企业, 国科发火〔2016〕32号)",
            description = "Yearly lists are [y1, y2, y3], y3 the latest fiscal year, null for years not operated."
                    + " Rates are decimals (0.35 = 35%); bands are the letters of the official tables."
                    + " Optional expert judgements advancementBand, coreSupportBand (A–E) and management (0–20)"
                    + " narrow the ranges. verdict: MEETS (all conditions met, minimum total ≥ 71), POSSIBLE"
                    + " (conditions met, 71 within the range) or NOT_YET; gaps cheapest first.")
    HnteResponse hnte(@RequestBody(required = false) HnteInput input) {
        return view(evaluations.hnte(input));
    }

    HnteResponse view(HnteResult r) {
        return new HnteResponse(
                r.conditions().stream()
                        .map(c -> new ConditionView(
                                c.id(), c.met(), c.value(), c.threshold(), evaluations.say(c.explanation())))
                        .toList(),
                r.growth(),
                r.bands(),
                r.points(),
                r.total(),
                r.verdict(),
                r.gaps().stream()
                        .map(g -> new GapView(g.id(), g.required(), g.points(), evaluations.say(g.explanation())))
                        .toList(),
                said(r.explanations()),
                r.ruleVersion());
    }

    @GetMapping("/settings")
    @Operation(summary = "The rule settings in force (local choices of RULES.md §1–2)")
    RuleSettings getSettings() {
        return settings.current();
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the rule settings (administrators); the revision moves on by one")
    RuleSettings putSettings(@RequestBody RuleSettings wanted) {
        return settings.update(wanted, Actor.current().orElseThrow());
    }

    private List<Said> said(List<Explanation> list) {
        return list.stream().map(e -> new Said(e.code(), evaluations.say(e))).toList();
    }

    /** A value of the wrong type: name the field (sales[1], employees) rather than "unreadable". */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = null;
        Throwable t = e.getCause();
        while (t != null && !(t instanceof JacksonException)) {
            t = t.getCause();
        }
        if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : j.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String detail = field == null
                ? messages.get("problem.unreadable")
                : field + ": " + messages.get("cultivation.input.wrongType");
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setType(URI.create("https://gongtong.org/problems/" + (field == null ? "unreadable" : "validation")));
        p.setTitle(messages.get("problem.title.400"));
        p.setInstance(URI.create(request.getRequestURI()));
        if (field != null) {
            p.setProperty("errors", List.of(new FieldError(field, messages.get("cultivation.input.wrongType"))));
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
