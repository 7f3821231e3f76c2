package org.gongtong.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.gongtong.grants.GrantRecords.IndicatorKind;

/**
 * A module's reading of one target-agreement indicator (目标绩效) from its own records, so that an
 * annual assessment starts from what the platform holds rather than from typing (ADR 0070): technology
 * contracts from the market, incubatees from the incubators, appointments from talent, R&D spend from
 * the enterprises' annual figures. Modules contribute beans; the grants module never reads their tables.
 */
public interface PerformanceMeasure {

    /** The indicator this reads. */
    IndicatorKind indicator();

    /**
     * The value for the grantee in the grant year {@code [from, to)}, with what it counts in the reader's
     * language; empty when the records hold nothing to read (no annual figures filed, say), which is not
     * the same as a measured zero.
     */
    Optional<Reading> read(long organisationId, LocalDate from, LocalDate to);

    /** A value and the sentence that says which rows it comes from. */
    record Reading(BigDecimal value, String basis) {}

    /** How a module reads its rows for one organisation and period. */
    @FunctionalInterface
    interface Reader {
        Optional<Reading> read(long organisationId, LocalDate from, LocalDate to);
    }

    /** A measure of {@code indicator} that reads with {@code reader}. */
    static PerformanceMeasure of(IndicatorKind indicator, Reader reader) {
        record Of(IndicatorKind indicator, Reader reader) implements PerformanceMeasure {
            @Override
            public Optional<Reading> read(long organisationId, LocalDate from, LocalDate to) {
                return reader.read(organisationId, from, to);
            }
        }
        return new Of(indicator, reader);
    }
}
