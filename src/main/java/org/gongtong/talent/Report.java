package org.gongtong.talent;

import java.time.Instant;
import java.time.LocalDate;

/** A periodic report of an appointment, for the period ending on {@code periodEnd}. */
public record Report(
        long id, LocalDate periodEnd, String summary, String outputs, String submittedBy, Instant submittedAt) {}
