package org.gongtong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void splitsByWeightAndGivesLeftoverCentsToLargestRemainders() {
        List<BigDecimal> parts =
                Allocation.split(new BigDecimal("100.00"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
        assertThat(parts).containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
        List<BigDecimal> loss = Allocation.split(
                new BigDecimal("1000000.01"),
                List.of(new BigDecimal("0.25"), new BigDecimal("0.35"), new BigDecimal("0.40")));
        assertThat(loss)
                .containsExactly(new BigDecimal("250000.00"), new BigDecimal("350000.00"), new BigDecimal("400000.01"));
    }

    @Test
    void negativeAmountsSplitToNegativeParts() {
        List<BigDecimal> parts = Allocation.split(new BigDecimal("-0.05"), List.of(BigDecimal.ONE, BigDecimal.TEN));
        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("-0.05");
    }

    @Test
    void partsAlwaysSumToTheAmountAndStayWithinACentOfProRata() {
        Random random = new Random(42);
        for (int run = 0; run < 2000; run++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), 2);
            int n = 1 + random.nextInt(12);
            List<BigDecimal> weights = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                weights.add(BigDecimal.valueOf(random.nextLong(0, 100_000_000_000L), 2));
            }
            if (weights.stream().allMatch(w -> w.signum() == 0)) {
                weights.set(0, BigDecimal.ONE);
            }
            List<BigDecimal> parts = Allocation.split(amount, weights);
            assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("run %d", run)
                    .isEqualByComparingTo(amount);
            BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < n; i++) {
                BigDecimal exact = amount.multiply(weights.get(i)).divide(total, 10, java.math.RoundingMode.HALF_UP);
                assertThat(parts.get(i).subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
                assertThat(parts.get(i).scale()).isEqualTo(2);
            }
        }
    }
}
