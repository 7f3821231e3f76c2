package org.gongtong.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Machine-hours as exact decimals: minutes ÷ 60, two places, half up. */
public final class Hours {

    private Hours() {}

    public static BigDecimal between(Instant from, Instant to) {
        long minutes = Math.max(0, Duration.between(from, to).toMinutes());
        return of(minutes);
    }

    public static BigDecimal of(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** Charge for a use: price per hour × minutes ÷ 60, rounded half up to the cent. */
    public static BigDecimal charge(BigDecimal pricePerHour, Instant from, Instant to) {
        long minutes = Math.max(0, Duration.between(from, to).toMinutes());
        return pricePerHour
                .multiply(BigDecimal.valueOf(minutes))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
