package org.gongtong.services;

/**
 * PENDING (waits for the owner's approval) → CONFIRMED → IN_USE (checked in) → COMPLETED (usage
 * recorded, charged); PENDING → REJECTED; PENDING/CONFIRMED → CANCELLED; CONFIRMED → NO_SHOW when
 * nobody checked in within the grace period after the start.
 */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    IN_USE,
    COMPLETED,
    REJECTED,
    CANCELLED,
    NO_SHOW;

    /** Statuses that hold the instrument's time (and its cells). */
    public boolean holdsTime() {
        return this == PENDING || this == CONFIRMED || this == IN_USE || this == COMPLETED || this == NO_SHOW;
    }
}
