package org.gongtong.services;

import java.time.LocalDate;

/** A user trained on an instrument, and so allowed to book it. */
public record InstrumentTraining(long userId, String username, String displayName, LocalDate trainedOn) {}
