package org.gongtong.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A shared research instrument in the catalogue. Instruments worth at least {@link #MUST_SHARE_VALUE}
 * yuan must join the sharing network (RULES.md §6). Booking rules: slot length (a multiple of
 * {@link BookingCells#CELL_MINUTES}), lead time, longest booking, whether the owner approves each
 * booking, and the hours a day it is open (the denominator of utilisation).
 */
public record Instrument(
        long id,
        String name,
        long ownerId,
        String ownerName,
        String ownerCounty,
        String location,
        String category,
        BigDecimal value,
        boolean mustShare,
        InstrumentStatus status,
        LocalDate maintenanceUntil,
        int slotMinutes,
        int leadHours,
        int maxHours,
        boolean approvalNeeded,
        int hoursPerDay,
        BigDecimal priceInternal,
        BigDecimal pricePartner,
        BigDecimal priceExternal,
        boolean trainingRequired,
        String trainingNote,
        boolean demo,
        int version,
        Instant createdAt) {

    public static final BigDecimal MUST_SHARE_VALUE = new BigDecimal("500000");

    public static boolean mustShare(BigDecimal value) {
        return value != null && value.compareTo(MUST_SHARE_VALUE) >= 0;
    }

    /** Price per hour for a tier. */
    public BigDecimal price(Tier tier) {
        return switch (tier) {
            case INTERNAL -> priceInternal;
            case PARTNER -> pricePartner;
            case EXTERNAL -> priceExternal;
        };
    }
}
