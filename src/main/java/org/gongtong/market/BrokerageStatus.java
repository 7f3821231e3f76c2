package org.gongtong.market;

import java.util.Set;

/** Life-cycle of a brokerage (对接): proposed → contacted → negotiating → signed → completed, or dropped. */
public enum BrokerageStatus {
    PROPOSED,
    CONTACTED,
    NEGOTIATING,
    SIGNED,
    COMPLETED,
    DROPPED;

    /** The statuses this one may move to. */
    public Set<BrokerageStatus> next() {
        return switch (this) {
            case PROPOSED -> Set.of(CONTACTED, DROPPED);
            case CONTACTED -> Set.of(NEGOTIATING, DROPPED);
            case NEGOTIATING -> Set.of(SIGNED, DROPPED);
            case SIGNED -> Set.of(COMPLETED, DROPPED);
            case COMPLETED, DROPPED -> Set.of();
        };
    }

    /** Counted as an introduction: the parties talked. */
    public boolean introduced() {
        return this == CONTACTED || this == NEGOTIATING || this == SIGNED || this == COMPLETED;
    }
}
