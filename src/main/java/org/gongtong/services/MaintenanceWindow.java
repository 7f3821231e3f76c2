package org.gongtong.services;

import java.time.Instant;

/** Planned maintenance of an instrument: no booking may overlap it. */
public record MaintenanceWindow(
        long id, long instrumentId, Instant start, Instant end, String reason, boolean fromStatus) {}
