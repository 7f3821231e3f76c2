package org.gongtong.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The annual evaluation's scoring rule, in exact decimal arithmetic.
 *
 * <p>Each indicator earns {@code points = weight × min(actual / target, 1)}: the product {@code weight × actual}
 * is divided by {@code target} once, rounded half-up to two decimals, and capped at {@code weight} (an
 * actual above the target earns no more than the weight). A target of zero (or less) asks for nothing, so the
 * indicator earns its full weight. The score is the exact sum of the indicators' points (at most 100, as
 * the weights sum to 100). The proposed outcome: {@code score ≥ continueAt → CONTINUED}, else {@code score ≥
 * warnAt → WARNED}, else {@code EXITING}.
 */
public final class EvaluationScoring {

    private EvaluationScoring() {}

    /** The figures an indicator can be computed from (columns of the yearly figures). */
    public enum Figure {
        RND_SPEND,
        CONTRACT_REVENUE,
        RESULTS_TRANSFERRED,
        SPIN_OFFS,
        TALENTS;

        /** This figure's value among the year's recorded figures (zero when nothing was recorded). */
        public BigDecimal of(NetworkRecords.YearFigures f) {
            if (f == null) {
                return BigDecimal.ZERO;
            }
            return switch (this) {
                case RND_SPEND -> f.rndSpend();
                case CONTRACT_REVENUE -> f.contractRevenue();
                case RESULTS_TRANSFERRED -> BigDecimal.valueOf(f.resultsTransferred());
                case SPIN_OFFS -> BigDecimal.valueOf(f.spinOffs());
                case TALENTS -> BigDecimal.valueOf(f.talents());
            };
        }
    }

    /** One indicator's line of the points table: how its points were earned. */
    public record Points(Figure figure, BigDecimal target, BigDecimal actual, BigDecimal weight, BigDecimal points) {}

    /** The points of one indicator by the rule above. */
    public static BigDecimal points(BigDecimal weight, BigDecimal target, BigDecimal actual) {
        if (target == null || target.signum() <= 0) {
            return weight.setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal a = actual == null || actual.signum() < 0 ? BigDecimal.ZERO : actual;
        BigDecimal raw = weight.multiply(a).divide(target, 2, RoundingMode.HALF_UP);
        return raw.min(weight).setScale(2, RoundingMode.HALF_UP);
    }

    /** The exact sum of the lines' points. */
    public static BigDecimal score(List<Points> lines) {
        return lines.stream()
                .map(Points::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    /** The outcome the thresholds propose for a score. */
    public static InstitutionStatus propose(BigDecimal score, BigDecimal continueAt, BigDecimal warnAt) {
        if (score.compareTo(continueAt) >= 0) {
            return InstitutionStatus.CONTINUED;
        }
        if (score.compareTo(warnAt) >= 0) {
            return InstitutionStatus.WARNED;
        }
        return InstitutionStatus.EXITING;
    }
}
