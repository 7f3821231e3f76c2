package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of statuses: exactly the listed moves are legal, everything else is refused. */
class LifecycleTest {

    @Test
    void institutionMovesAreExactlyTheListedOnes() {
        Set<String> legal = Set.of(
                "PROPOSED>APPROVED",
                "PROPOSED>EXITED",
                "APPROVED>BUILDING",
                "APPROVED>EXITED",
                "BUILDING>OPERATING",
                "BUILDING>EXITING",
                "OPERATING>CONTINUED",
                "OPERATING>WARNED",
                "OPERATING>EXITING",
                "CONTINUED>CONTINUED",
                "CONTINUED>WARNED",
                "CONTINUED>EXITING",
                "WARNED>CONTINUED",
                "WARNED>WARNED",
                "WARNED>EXITING",
                "EXITING>EXITED");
        int count = 0;
        for (InstitutionStatus from : InstitutionStatus.values()) {
            for (InstitutionStatus to : InstitutionStatus.values()) {
                boolean expected = legal.contains(from + ">" + to);
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(expected);
                count += expected ? 1 : 0;
            }
        }
        assertThat(count).isEqualTo(legal.size());
        assertThat(InstitutionStatus.EXITED.next()).isEmpty();
        assertThat(EnumSet.allOf(InstitutionStatus.class).stream().filter(InstitutionStatus::evaluable))
                .containsExactly(InstitutionStatus.OPERATING, InstitutionStatus.CONTINUED, InstitutionStatus.WARNED);
    }

    @Test
    void communityMovesAreExactlyTheListedOnes() {
        Set<String> legal = Set.of(
                "PROPOSED>PREPARING",
                "PROPOSED>EXITED",
                "PREPARING>REGISTERED",
                "PREPARING>EXITED",
                "REGISTERED>CONTINUED",
                "REGISTERED>WARNED",
                "REGISTERED>EXITED",
                "CONTINUED>CONTINUED",
                "CONTINUED>WARNED",
                "CONTINUED>EXITED",
                "WARNED>CONTINUED",
                "WARNED>WARNED",
                "WARNED>EXITED");
        for (CommunityStatus from : CommunityStatus.values()) {
            for (CommunityStatus to : CommunityStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(legal.contains(from + ">" + to));
            }
        }
    }
}
