package org.gongtong.network;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life-cycle of an R&D institution (dynamic management): proposed → approved → building →
 * operating → (annual evaluation) → continued / warned / exiting → exited. Only the moves listed
 * here are allowed.
 */
public enum InstitutionStatus {
    PROPOSED,
    APPROVED,
    BUILDING,
    OPERATING,
    CONTINUED,
    WARNED,
    EXITING,
    EXITED;

    public Set<InstitutionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, EXITED);
            case APPROVED -> EnumSet.of(BUILDING, EXITED);
            case BUILDING -> EnumSet.of(OPERATING, EXITING);
            case OPERATING, CONTINUED -> EnumSet.of(CONTINUED, WARNED, EXITING);
            case WARNED -> EnumSet.of(CONTINUED, WARNED, EXITING);
            case EXITING -> EnumSet.of(EXITED);
            case EXITED -> EnumSet.noneOf(InstitutionStatus.class);
        };
    }

    public boolean canMoveTo(InstitutionStatus to) {
        return next().contains(to);
    }

    /** Statuses in which an institution runs and is evaluated every year. */
    public boolean evaluable() {
        return this == OPERATING || this == CONTINUED || this == WARNED;
    }
}
