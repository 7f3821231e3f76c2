package org.gongtong.network;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life-cycle of a community (S8): proposed → preparing (筹建期, with a deadline) → registered
 * legal entity (a valid USCC, before the deadline) → after evaluation continued / warned / exited.
 */
public enum CommunityStatus {
    PROPOSED,
    PREPARING,
    REGISTERED,
    CONTINUED,
    WARNED,
    EXITED;

    public Set<CommunityStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(PREPARING, EXITED);
            case PREPARING -> EnumSet.of(REGISTERED, EXITED);
            case REGISTERED, CONTINUED, WARNED -> EnumSet.of(CONTINUED, WARNED, EXITED);
            case EXITED -> EnumSet.noneOf(CommunityStatus.class);
        };
    }

    public boolean canMoveTo(CommunityStatus to) {
        return next().contains(to);
    }
}
