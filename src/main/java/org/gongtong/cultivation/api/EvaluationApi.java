package org.gongtong.cultivation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongtong.cultivation.CultivationSettings;
import org.gongtong.cultivation.Evaluations;
import org.gongtong.cultivation.HnteInput;
import org.gongtong.cultivation.RuleSettings;
import org.gongtong.cultivation.TechSmeInput;
import org.gongtong.identity.Actor;
import org.gongtong.platform.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cultivation")
@Tag(name = "Cultivation", description = "Tech-SME and high-tech-enterprise rule engines (小升高)")
class EvaluationApi extends ApiProblems {

    private final Evaluations evaluations;
    private final CultivationSettings settings;
    private final Messages messages;
    private final ResultViews views;

    EvaluationApi(Evaluations evaluations, CultivationSettings settings, Messages messages, ResultViews views) {
        this.evaluations = evaluations;
        this.settings = settings;
        this.messages = messages;
        this.views = views;
    }

    @PostMapping("/tech-sme/evaluate")
    @Operation(
            summary = "Evaluate a technology-based SME (科技型中小企业, 国科发政〔2017〕115号)",
            description = "Money in yuan, counts as annual averages. score and parts are always computed;"
                    + " reasons name, in the caller's language, every condition that failed or decided.")
    ResultViews.TechSmeResponse techSme(@RequestBody(required = false) TechSmeInput input) {
        return views.techSme(evaluations.techSme(input));
    }

    @PostMapping("/hnte/evaluate")
    @Operation(
            summary = "High-tech-enterprise readiness (高新技术企业, 国科发火〔2016〕32号)",
            description = "Yearly lists are [y1, y2, y3], y3 the latest fiscal year, null for years not operated."
                    + " Rates are decimals (0.35 = 35%); bands are the letters of the official tables."
                    + " Optional expert judgements advancementBand, coreSupportBand (A–E) and management (0–20)"
                    + " narrow the ranges. verdict: MEETS (all conditions met, minimum total ≥ 71), POSSIBLE"
                    + " (conditions met, 71 within the range) or NOT_YET; gaps cheapest first.")
    ResultViews.HnteResponse hnte(@RequestBody(required = false) HnteInput input) {
        return views.hnte(evaluations.hnte(input));
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

    @Override
    protected Messages messages() {
        return messages;
    }
}
