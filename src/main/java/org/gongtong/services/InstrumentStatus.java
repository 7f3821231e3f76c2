package org.gongtong.services;

/** Available for booking; under maintenance until a date (inclusive, Asia/Shanghai); retired. */
public enum InstrumentStatus {
    AVAILABLE,
    MAINTENANCE,
    RETIRED
}
