package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.gongtong.network.EvaluationScoring.Figure;
import org.gongtong.network.EvaluationScoring.Points;
import org.junit.jupiter.api.Test;

class EvaluationScoringTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void pointsAreWeightTimesShareOfTargetExactly() {
        assertThat(EvaluationScoring.points(d("30"), d("3000000"), d("1500000")))
                .isEqualByComparingTo("15.00");
        assertThat(EvaluationScoring.points(d("20"), d("3"), d("1"))).isEqualTo(d("6.67"));
        assertThat(EvaluationScoring.points(d("10"), d("20"), d("0"))).isEqualTo(d("0.00"));
    }

    @Test
    void actualAboveTargetIsCappedAtTheWeight() {
        assertThat(EvaluationScoring.points(d("30"), d("5000000"), d("9000000")))
                .isEqualTo(d("30.00"));
        assertThat(EvaluationScoring.points(d("30"), d("5000000"), d("5000000")))
                .isEqualTo(d("30.00"));
    }

    @Test
    void zeroTargetEarnsTheFullWeight() {
        assertThat(EvaluationScoring.points(d("10"), BigDecimal.ZERO, BigDecimal.ZERO))
                .isEqualTo(d("10.00"));
        assertThat(EvaluationScoring.points(d("10"), BigDecimal.ZERO, d("5"))).isEqualTo(d("10.00"));
    }

    @Test
    void outcomeAtExactlyTheThresholds() {
        BigDecimal c = d("80");
        BigDecimal w = d("60");
        assertThat(EvaluationScoring.propose(d("80.00"), c, w)).isEqualTo(InstitutionStatus.CONTINUED);
        assertThat(EvaluationScoring.propose(d("79.99"), c, w)).isEqualTo(InstitutionStatus.WARNED);
        assertThat(EvaluationScoring.propose(d("60.00"), c, w)).isEqualTo(InstitutionStatus.WARNED);
        assertThat(EvaluationScoring.propose(d("59.99"), c, w)).isEqualTo(InstitutionStatus.EXITING);
        assertThat(EvaluationScoring.propose(d("100"), c, w)).isEqualTo(InstitutionStatus.CONTINUED);
    }

    @Test
    void scoreIsTheExactSumAndNeverAboveTheWeightsSeededLoop() {
        Random random = new Random(20261127L);
        for (int n = 0; n < 500; n++) {
            List<Points> lines = new java.util.ArrayList<>();
            BigDecimal weights = BigDecimal.ZERO;
            for (Figure f : Figure.values()) {
                BigDecimal weight = BigDecimal.valueOf(random.nextInt(30) + 1);
                BigDecimal target = BigDecimal.valueOf(random.nextInt(1000));
                BigDecimal actual = BigDecimal.valueOf(random.nextInt(2000), 2);
                BigDecimal p = EvaluationScoring.points(weight, target, actual);
                assertThat(p).isBetween(BigDecimal.ZERO, weight);
                assertThat(p.scale()).isEqualTo(2);
                weights = weights.add(weight);
                lines.add(new Points(f, target, actual, weight, p));
            }
            BigDecimal score = EvaluationScoring.score(lines);
            assertThat(score).isLessThanOrEqualTo(weights);
            assertThat(score)
                    .isEqualByComparingTo(lines.stream().map(Points::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }
}
