package org.gongtong.cultivation.api;

import java.util.List;
import org.gongtong.cultivation.Evaluations;
import org.gongtong.cultivation.Explanation;
import org.gongtong.cultivation.HnteResult;
import org.gongtong.cultivation.PointRange;
import org.gongtong.cultivation.TechSmeResult;
import org.springframework.stereotype.Component;

/** Turns rule results into API responses with every explanation worded in the caller's language. */
@Component
class ResultViews {

    private final Evaluations evaluations;

    ResultViews(Evaluations evaluations) {
        this.evaluations = evaluations;
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

    TechSmeResponse techSme(TechSmeResult r) {
        return new TechSmeResponse(
                r.eligible(), r.qualifiedBy(), r.score(), r.parts(), r.ratios(), said(r.reasons()), r.ruleVersion());
    }

    HnteResponse hnte(HnteResult r) {
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

    private List<Said> said(List<Explanation> list) {
        return list.stream().map(e -> new Said(e.code(), evaluations.say(e))).toList();
    }
}
