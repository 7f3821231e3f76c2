package org.gongtong.services;

import java.math.BigDecimal;
import java.time.Instant;

/** A booking of an instrument by a user, with its usage record and charge once used. */
public record Booking(
        long id,
        long instrumentId,
        String instrumentName,
        long userId,
        Long userOrganisationId,
        String bookedBy,
        Instant start,
        Instant end,
        String purpose,
        Tier tier,
        BookingStatus status,
        Instant checkedInAt,
        Instant actualStart,
        Instant actualEnd,
        Integer samples,
        String outcome,
        BigDecimal charge,
        boolean demo,
        Instant createdAt) {

    /** Booked hours, to two decimals. */
    public BigDecimal hours() {
        return Hours.between(start, end);
    }

    /** Used hours (from the usage record), or zero. */
    public BigDecimal usedHours() {
        return actualStart == null || actualEnd == null
                ? BigDecimal.ZERO.setScale(2)
                : Hours.between(actualStart, actualEnd);
    }
}
