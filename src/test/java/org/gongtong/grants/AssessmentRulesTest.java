package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.gongtong.grants.GrantRecords.Outcome;
import org.junit.jupiter.api.Test;

class AssessmentRulesTest {

    static final AssessmentRules RULES = new AssessmentRules(
            new BigDecimal("80"),
            new BigDecimal("60"),
            new BigDecimal("40"),
            new BigDecimal("0.80"),
            new BigDecimal("0.50"),
            new BigDecimal("1.00"));

    static AssessmentRules.Input in(String target, String actual, String weight) {
        return new AssessmentRules.Input(new BigDecimal(target), new BigDecimal(actual), new BigDecimal(weight));
    }

    @Test
    void eachIndicatorScoresItsWeightTimesTheCappedRatio() {
        var s = RULES.score(List.of(in("1000000", "900000", "50"), in("4", "6", "30"), in("10", "5", "20")));
        assertThat(s.parts()).extracting(BigDecimal::toPlainString).containsExactly("45.0000", "30.0000", "10.0000");
        assertThat(s.total()).isEqualByComparingTo("85.00");
        // a zero target is met; a negative actual counts as zero
        assertThat(RULES.score(List.of(in("0", "0", "40"), in("5", "-3", "60"))).total())
                .isEqualByComparingTo("40");
    }

    @Test
    void thresholdsGiveTheOutcome() {
        assertThat(RULES.outcome(new BigDecimal("80"))).isEqualTo(Outcome.PAY_NEXT);
        assertThat(RULES.outcome(new BigDecimal("79.99"))).isEqualTo(Outcome.PAY_REDUCED);
        assertThat(RULES.outcome(new BigDecimal("60"))).isEqualTo(Outcome.PAY_REDUCED);
        assertThat(RULES.outcome(new BigDecimal("59.99"))).isEqualTo(Outcome.WITHHOLD);
        assertThat(RULES.outcome(new BigDecimal("40"))).isEqualTo(Outcome.WITHHOLD);
        assertThat(RULES.outcome(new BigDecimal("39.99"))).isEqualTo(Outcome.CLAW_BACK);
    }

    @Test
    void payableClawBackAndCountyShare() {
        BigDecimal next = new BigDecimal("1000000.00");
        assertThat(RULES.payable(Outcome.PAY_NEXT, next)).isEqualByComparingTo("1000000");
        assertThat(RULES.payable(Outcome.PAY_REDUCED, next)).isEqualByComparingTo("800000");
        assertThat(RULES.payable(Outcome.WITHHOLD, next)).isEqualByComparingTo("0");
        assertThat(RULES.clawBack(Outcome.CLAW_BACK, new BigDecimal("333333.33")))
                .isEqualByComparingTo("166666.66");
        assertThat(RULES.clawBack(Outcome.WITHHOLD, next)).isEqualByComparingTo("0");
        assertThat(AssessmentRules.countyShare(new BigDecimal("2000000"), BigDecimal.ONE))
                .isEqualByComparingTo("2000000");
        assertThat(AssessmentRules.countyShare(new BigDecimal("0.03"), new BigDecimal("0.5")))
                .isEqualByComparingTo("0.02");
    }

    /** Seeded random loop: the score lies in [0, 100], each part in [0, weight], payable never above the tranche. */
    @Test
    void scoresStayInRangeForRandomInputs() {
        for (long seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(5);
            int[] w = new int[n];
            int left = 100;
            for (int i = 0; i < n - 1; i++) {
                w[i] = r.nextInt(left + 1);
                left -= w[i];
            }
            w[n - 1] = left;
            List<AssessmentRules.Input> inputs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                inputs.add(new AssessmentRules.Input(
                        BigDecimal.valueOf(r.nextInt(1000)),
                        BigDecimal.valueOf(r.nextInt(2000) - 100),
                        BigDecimal.valueOf(w[i])));
            }
            var s = RULES.score(inputs);
            assertThat(s.total()).as("seed " + seed).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
            for (int i = 0; i < n; i++) {
                assertThat(s.parts().get(i)).as("seed " + seed).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(w[i]));
            }
            BigDecimal tranche = BigDecimal.valueOf(r.nextInt(10_000_000), 2);
            Outcome o = RULES.outcome(s.total());
            assertThat(RULES.payable(o, tranche)).as("seed " + seed).isBetween(BigDecimal.ZERO, tranche);
        }
    }
}
