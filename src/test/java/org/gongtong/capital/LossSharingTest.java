package org.gongtong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LossSharingTest {

    private static BigDecimal share(Random r) {
        return BigDecimal.valueOf(r.nextInt(10_001), 4);
    }

    @Test
    void theLiaochengDefaultSplit() {
        LossSharing.Parts p = LossSharing.split(
                new BigDecimal("1000000.00"), new BigDecimal("0.25"), new BigDecimal("0.35"), new BigDecimal("0.40"));
        assertThat(p.province()).isEqualByComparingTo("250000");
        assertThat(p.city()).isEqualByComparingTo("350000");
        assertThat(p.bank()).isEqualByComparingTo("400000");
        assertThat(p.pool()).isEqualByComparingTo("600000");
    }

    @Test
    void partsAlwaysSumToTheLossAndRecoveriesNeverExceedWhatWasPaid() {
        Random random = new Random(2026);
        for (int run = 0; run < 3000; run++) {
            // shares as agreements allow: bank ≥ 30%, city ≥ province, sum exactly 1
            BigDecimal bank = new BigDecimal("0.3000").add(BigDecimal.valueOf(random.nextInt(7001), 4));
            BigDecimal rest = BigDecimal.ONE.subtract(bank);
            BigDecimal province =
                    rest.multiply(BigDecimal.valueOf(random.nextInt(5001), 4)).setScale(4, java.math.RoundingMode.DOWN);
            BigDecimal city = rest.subtract(province);
            BigDecimal loss = BigDecimal.valueOf(random.nextLong(1, 1_000_000_000L), 2);
            LossSharing.Parts paid = LossSharing.split(loss, province, city, bank);
            assertThat(paid.total()).as("run %d", run).isEqualByComparingTo(loss);
            assertThat(paid.city()).isGreaterThanOrEqualTo(paid.province().subtract(new BigDecimal("0.01")));

            LossSharing.Parts returned = LossSharing.Parts.zero();
            BigDecimal recovered = BigDecimal.ZERO;
            int steps = 1 + random.nextInt(6);
            for (int s = 0; s < steps; s++) {
                BigDecimal outstanding = loss.subtract(recovered);
                if (outstanding.signum() == 0) {
                    break;
                }
                BigDecimal amount = s == steps - 1 && random.nextBoolean()
                        ? outstanding
                        : BigDecimal.valueOf(
                                random.nextLong(1, outstanding.movePointRight(2).longValue() + 1), 2);
                LossSharing.Parts back = LossSharing.recovery(amount, paid, returned);
                assertThat(back.total()).isEqualByComparingTo(amount);
                assertThat(back.province().signum()).isGreaterThanOrEqualTo(0);
                assertThat(back.city().signum()).isGreaterThanOrEqualTo(0);
                assertThat(back.bank().signum()).isGreaterThanOrEqualTo(0);
                returned = returned.plus(back);
                recovered = recovered.add(amount);
                assertThat(returned.province()).isLessThanOrEqualTo(paid.province());
                assertThat(returned.city()).isLessThanOrEqualTo(paid.city());
                assertThat(returned.bank()).isLessThanOrEqualTo(paid.bank());
            }
            if (recovered.compareTo(loss) == 0) {
                assertThat(returned).isEqualTo(paid);
            }
        }
    }
}
