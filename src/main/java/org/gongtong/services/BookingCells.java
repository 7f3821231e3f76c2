package org.gongtong.services;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed 15-minute cells a booking occupies (ADR 0030). Cells are aligned to the epoch, hence to
 * every quarter hour of Asia/Shanghai (a whole-hour offset), whatever an instrument's slot length:
 * bookings of the same instrument overlap exactly when they share a cell.
 */
public final class BookingCells {

    public static final int CELL_MINUTES = 15;
    private static final long CELL_SECONDS = CELL_MINUTES * 60L;

    private BookingCells() {}

    public static boolean aligned(Instant t) {
        return t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), CELL_SECONDS) == 0;
    }

    /** Start instants of the cells in [start, end); both must be aligned. */
    public static List<Instant> cells(Instant start, Instant end) {
        if (!aligned(start) || !aligned(end)) {
            throw new IllegalArgumentException("not aligned to " + CELL_MINUTES + " minutes");
        }
        List<Instant> cells = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(CELL_MINUTES))) {
            cells.add(t);
        }
        return cells;
    }
}
