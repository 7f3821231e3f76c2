package org.gongtong.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.gongtong.governance.VoteRules.Fraction;
import org.junit.jupiter.api.Test;

class VoteRulesTest {

    final VoteRules rules = VoteRules.DEFAULT;

    @Test
    void exactlyHalfPresentIsNoQuorum() {
        assertThat(rules.tally(MotionKind.OTHER, 10, 0, 5, 5, 0, 0).result()).isEqualTo(MotionStatus.NO_QUORUM);
        assertThat(rules.tally(MotionKind.OTHER, 10, 0, 6, 4, 2, 0).result()).isEqualTo(MotionStatus.PASSED);
        assertThat(rules.tally(MotionKind.OTHER, 9, 0, 5, 3, 2, 0).result()).isEqualTo(MotionStatus.PASSED);
        assertThat(rules.tally(MotionKind.OTHER, 9, 0, 4, 4, 0, 0).result()).isEqualTo(MotionStatus.NO_QUORUM);
    }

    @Test
    void aTieIsRejected() {
        assertThat(rules.tally(MotionKind.OTHER, 10, 0, 8, 4, 4, 0).result()).isEqualTo(MotionStatus.REJECTED);
        // abstentions count as present: 4 for of 9 present is not more than half
        assertThat(rules.tally(MotionKind.OTHER, 10, 0, 9, 4, 3, 2).result()).isEqualTo(MotionStatus.REJECTED);
        assertThat(rules.tally(MotionKind.OTHER, 10, 0, 9, 5, 0, 4).result()).isEqualTo(MotionStatus.PASSED);
    }

    @Test
    void majorDecisionsNeedTwoThirdsOfThosePresent() {
        assertThat(rules.tally(MotionKind.MAJOR_DECISION, 9, 0, 9, 6, 3, 0).result())
                .isEqualTo(MotionStatus.PASSED);
        assertThat(rules.tally(MotionKind.MAJOR_DECISION, 9, 0, 9, 5, 4, 0).result())
                .isEqualTo(MotionStatus.REJECTED);
        assertThat(rules.tally(MotionKind.MAJOR_DECISION, 10, 0, 8, 5, 3, 0).result())
                .isEqualTo(MotionStatus.REJECTED);
        assertThat(rules.tally(MotionKind.MAJOR_DECISION, 10, 0, 8, 6, 2, 0).result())
                .isEqualTo(MotionStatus.PASSED);
        // the same 5 of 8 passes an ordinary motion
        assertThat(rules.tally(MotionKind.DIRECTOR_SELECTION, 10, 0, 8, 5, 3, 0).result())
                .isEqualTo(MotionStatus.PASSED);
    }

    @Test
    void recusedMembersLeaveBothTheBaseAndThePresent() {
        // 10 members, 2 recused → 8 eligible; 5 of them present is more than half of 8
        VoteRules.Tally t = rules.tally(MotionKind.OTHER, 10, 2, 5, 3, 2, 0);
        assertThat(t.eligible()).isEqualTo(8);
        assertThat(t.result()).isEqualTo(MotionStatus.PASSED);
        // 4 of 8 eligible present: exactly half → no quorum, though 4 of 10 would also fail
        assertThat(rules.tally(MotionKind.OTHER, 10, 2, 4, 4, 0, 0).result()).isEqualTo(MotionStatus.NO_QUORUM);
        // 6 members, 1 recused: 3 of 5 present meets quorum (but would be exactly half of 6)
        assertThat(rules.tally(MotionKind.OTHER, 6, 1, 3, 2, 1, 0).result()).isEqualTo(MotionStatus.PASSED);
        // everyone recused: no quorum
        assertThat(rules.tally(MotionKind.OTHER, 3, 3, 0, 0, 0, 0).result()).isEqualTo(MotionStatus.NO_QUORUM);
    }

    @Test
    void settingsChangeTheOutcome() {
        VoteRules lenient = new VoteRules(new Fraction(1, 2, true), new Fraction(1, 2, true), new Fraction(3, 4, true));
        assertThat(lenient.tally(MotionKind.OTHER, 10, 0, 5, 3, 2, 0).result()).isEqualTo(MotionStatus.PASSED);
        assertThat(lenient.tally(MotionKind.OTHER, 10, 0, 6, 3, 3, 0).result()).isEqualTo(MotionStatus.PASSED);
        assertThat(lenient.tally(MotionKind.MAJOR_DECISION, 12, 0, 12, 8, 4, 0).result())
                .isEqualTo(MotionStatus.REJECTED);
        assertThatThrownBy(() -> new Fraction(3, 2, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fraction(1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fractionsAgreeWithRationalArithmeticOnSeededRandomInputs() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 5000; i++) {
            int den = 1 + random.nextInt(12);
            int num = random.nextInt(den + 1);
            boolean inclusive = random.nextBoolean();
            int whole = random.nextInt(40);
            int part = random.nextInt(whole + 1);
            boolean expected;
            if (whole == 0) {
                expected = false;
            } else {
                double share = (double) part / whole;
                double bar = (double) num / den;
                expected = Math.abs(share - bar) < 1e-12 ? inclusive : share > bar;
            }
            assertThat(new Fraction(num, den, inclusive).metBy(part, whole))
                    .as("%d/%d of %d/%d incl=%s", part, whole, num, den, inclusive)
                    .isEqualTo(expected);
        }
    }
}
