package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which fiscal year's figures stand for a grant year that does not start on 1 January. */
class FiscalYearOverlappingTest {

    private static int fiscal(String from) {
        LocalDate d = LocalDate.parse(from);
        return CultivationIndicators.fiscalYearOverlapping(d, d.plusYears(1));
    }

    @Test
    void theYearWithMostDaysOfTheGrantYear() {
        assertThat(fiscal("2026-01-01")).isEqualTo(2026); // the whole of 2026
        assertThat(fiscal("2026-03-10")).isEqualTo(2026); // 297 days of 2026, 68 of 2027
        assertThat(fiscal("2026-11-28")).isEqualTo(2027); // 34 days of 2026, 331 of 2027
        assertThat(fiscal("2026-07-02")).isEqualTo(2026); // 183 days of 2026, 182 of 2027
        assertThat(fiscal("2026-07-03")).isEqualTo(2027); // 182 and 183
    }

    @Test
    void aTieGoesToTheLaterYear() {
        assertThat(CultivationIndicators.fiscalYearOverlapping(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 30)))
                .isEqualTo(2025); // 31 and 29 days
        assertThat(CultivationIndicators.fiscalYearOverlapping(LocalDate.of(2025, 12, 2), LocalDate.of(2026, 1, 31)))
                .isEqualTo(2026); // 30 and 30: the later
    }
}
