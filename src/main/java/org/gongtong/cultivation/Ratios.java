package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** BigDecimal helpers: exact comparisons by cross-multiplying, ratios only for display. */
final class Ratios {

    static final MathContext MC = MathContext.DECIMAL128;

    private Ratios() {}

    /** {@code num / den >= threshold}, exactly, for den > 0. */
    static boolean atLeast(BigDecimal num, BigDecimal den, BigDecimal threshold) {
        return num.compareTo(den.multiply(threshold)) >= 0;
    }

    /** The ratio rounded to 4 places for display, null when den is 0. */
    static BigDecimal ratio(BigDecimal num, BigDecimal den) {
        if (den.signum() == 0) {
            return null;
        }
        return num.divide(den, 4, RoundingMode.HALF_UP);
    }

    static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "—";
        }
        return ratio.multiply(BigDecimal.valueOf(100))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString()
                + "%";
    }

    static String percentThreshold(BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    static BigDecimal pct(String p) {
        return new BigDecimal(p).movePointLeft(2);
    }
}
