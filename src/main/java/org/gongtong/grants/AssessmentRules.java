package org.gongtong.grants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.grants.GrantRecords.Outcome;

/**
 * The annual assessment as arithmetic: each indicator scores {@code weight × min(actual ÷ target,
 * cap)}, the score is the sum (weights add up to 100), and the outcome follows the thresholds: at
 * least {@code fullPayMin} pays the next tranche in full, at least {@code reducedPayMin} pays
 * {@code reducedShare} of it, at least {@code withholdMin} withholds it, below that
 * {@code clawBackShare} of the money paid so far is clawed back.
 */
public record AssessmentRules(
        BigDecimal fullPayMin,
        BigDecimal reducedPayMin,
        BigDecimal withholdMin,
        BigDecimal reducedShare,
        BigDecimal clawBackShare,
        BigDecimal indicatorCap) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** One indicator as entered: its target, the actual value and its weight. */
    public record Input(BigDecimal target, BigDecimal actual, BigDecimal weight) {}

    /** The score with each indicator's part (4 decimals), rounded to 2 decimals. */
    public record Score(BigDecimal total, List<BigDecimal> parts) {}

    public Score score(List<Input> inputs) {
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Input in : inputs) {
            BigDecimal ratio;
            if (in.target().signum() <= 0) {
                ratio = indicatorCap; // nothing asked: met
            } else {
                ratio = in.actual().max(BigDecimal.ZERO).divide(in.target(), 6, RoundingMode.HALF_UP);
                ratio = ratio.min(indicatorCap);
            }
            BigDecimal part = in.weight().multiply(ratio).setScale(4, RoundingMode.HALF_UP);
            parts.add(part);
            total = total.add(part);
        }
        return new Score(total.setScale(2, RoundingMode.HALF_UP), parts);
    }

    public Outcome outcome(BigDecimal score) {
        if (score.compareTo(fullPayMin) >= 0) {
            return Outcome.PAY_NEXT;
        }
        if (score.compareTo(reducedPayMin) >= 0) {
            return Outcome.PAY_REDUCED;
        }
        if (score.compareTo(withholdMin) >= 0) {
            return Outcome.WITHHOLD;
        }
        return Outcome.CLAW_BACK;
    }

    /** What of the next tranche's amount may be paid under the outcome. */
    public BigDecimal payable(Outcome outcome, BigDecimal nextTranche) {
        if (nextTranche == null) {
            return ZERO;
        }
        return switch (outcome) {
            case PAY_NEXT -> nextTranche.setScale(2, RoundingMode.HALF_UP);
            case PAY_REDUCED -> nextTranche.multiply(reducedShare).setScale(2, RoundingMode.DOWN);
            case WITHHOLD, CLAW_BACK -> ZERO;
        };
    }

    /** What of the money paid so far is clawed back under the outcome. */
    public BigDecimal clawBack(Outcome outcome, BigDecimal paidSoFar) {
        return outcome == Outcome.CLAW_BACK ? paidSoFar.multiply(clawBackShare).setScale(2, RoundingMode.DOWN) : ZERO;
    }

    /** The county's matching share beside a city amount: {@code city × ratio}, to the fen. */
    public static BigDecimal countyShare(BigDecimal city, BigDecimal ratio) {
        if (city == null || ratio == null) {
            return ZERO;
        }
        return city.multiply(ratio).setScale(2, RoundingMode.HALF_UP);
    }

    public String describe() {
        return "fullPayMin=" + fullPayMin.toPlainString() + ";reducedPayMin=" + reducedPayMin.toPlainString()
                + ";withholdMin=" + withholdMin.toPlainString() + ";reducedShare=" + reducedShare.toPlainString()
                + ";clawBackShare=" + clawBackShare.toPlainString() + ";indicatorCap=" + indicatorCap.toPlainString();
    }
}
