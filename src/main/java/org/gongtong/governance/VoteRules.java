package org.gongtong.governance;

/**
 * Quorum and majorities as settings, and the tally of one motion. A fraction is "more than" (the
 * default for halves) or, when inclusive, "at least" (the default two thirds for major decisions).
 * Members recused from a motion count neither as eligible nor as present for it.
 */
public record VoteRules(Fraction quorum, Fraction simpleMajority, Fraction majorMajority) {

    public static final VoteRules DEFAULT =
            new VoteRules(new Fraction(1, 2, false), new Fraction(1, 2, false), new Fraction(2, 3, true));

    /** {@code numerator/denominator} of a whole; inclusive means reaching it is enough. */
    public record Fraction(int numerator, int denominator, boolean inclusive) {

        public Fraction {
            if (denominator <= 0 || numerator < 0 || numerator > denominator) {
                throw new IllegalArgumentException("a fraction between 0 and 1 is required");
            }
        }

        /** Does {@code part} out of {@code whole} meet this fraction (exact integer arithmetic)? */
        public boolean metBy(long part, long whole) {
            if (whole <= 0) {
                return false;
            }
            long left = part * denominator;
            long right = (long) numerator * whole;
            return inclusive ? left >= right : left > right;
        }
    }

    /** What the tally of one motion comes to. */
    public record Tally(int eligible, int present, int votesFor, int against, int abstentions, MotionStatus result) {}

    /**
     * @param members members in office (the council's size for this motion, before recusals)
     * @param recused members recused from this motion
     * @param presentNotRecused members present who are not recused
     */
    public Tally tally(
            MotionKind kind, int members, int recused, int presentNotRecused, int votesFor, int against, int abstain) {
        int eligible = Math.max(0, members - recused);
        MotionStatus result;
        if (!quorum.metBy(presentNotRecused, eligible)) {
            result = MotionStatus.NO_QUORUM;
        } else {
            Fraction majority = kind == MotionKind.MAJOR_DECISION ? majorMajority : simpleMajority;
            result = majority.metBy(votesFor, presentNotRecused) ? MotionStatus.PASSED : MotionStatus.REJECTED;
        }
        return new Tally(eligible, presentNotRecused, votesFor, against, abstain, result);
    }
}
