package org.gongtong.governance;

/** A motion is drafted, opened for voting, then closed with one of three results. */
public enum MotionStatus {
    DRAFT,
    VOTING,
    PASSED,
    REJECTED,
    NO_QUORUM;

    public boolean closed() {
        return this == PASSED || this == REJECTED || this == NO_QUORUM;
    }
}
