package org.gongtong.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.gongtong.insight.Indicator;
import org.junit.jupiter.api.Test;

/** The hand-written display of a figure reads exactly as {@code String.format} wrote it before. */
class FigureDisplayTest {

    private static Figure figure(Indicator.Measure measure, BigDecimal value) {
        return new Figure("t", Indicator.Family.PLAN, measure, Indicator.Unit.ITEMS, "n", "d", "v", value, "/", "/");
    }

    @Test
    void countsAndAmountsAsBefore() {
        for (String v : List.of(
                "0",
                "1",
                "12",
                "999",
                "1000",
                "12345",
                "999999",
                "1000000",
                "1234567890123",
                "-1",
                "-1234",
                "0.005",
                "0.004",
                "1.005",
                "999.995",
                "1234.5",
                "1234567.891",
                "-1234.567",
                "123456789012.345")) {
            BigDecimal d = new BigDecimal(v);
            assertThat(figure(Indicator.Measure.COUNT, d).display())
                    .as("count " + v)
                    .isEqualTo(String.format(Locale.ROOT, "%,d", d.longValue()));
            assertThat(figure(Indicator.Measure.SUM, d).display())
                    .as("sum " + v)
                    .isEqualTo(String.format(Locale.ROOT, "%,.2f", d));
        }
        assertThat(figure(Indicator.Measure.SUM, null).display()).isEqualTo("—");
    }
}
