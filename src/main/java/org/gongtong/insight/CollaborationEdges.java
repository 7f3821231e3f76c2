package org.gongtong.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Contributed as a bean by each module that relates organisations to each other (memberships,
 * partnerships, contracts, brokerage, talent appointments, grants, investments), so the
 * collaboration graph is built from the modules' own records.
 */
public interface CollaborationEdges {

    /** The edges whose date falls in [from, to] (either may be null: open). */
    List<Edge> edges(LocalDate from, LocalDate to);

    /**
     * One relation between two registry organisations. {@code kind} names the relation
     * ({@code MEMBERSHIP, PARTNERSHIP, CONTRACT, BROKERAGE, APPOINTMENT, GRANT, INVESTMENT});
     * {@code amount} is the money involved (null when none), {@code date} when it began.
     */
    record Edge(long fromOrganisation, long toOrganisation, String kind, BigDecimal amount, LocalDate date) {}
}
