package org.gongtong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FundMathTest {

    private static final LocalDate D0 = LocalDate.parse("2020-01-01");

    @Test
    void computesTheFiguresAtADateWithNavAsTheFinalInflow() {
        List<FundMath.Flow> flows = List.of(
                new FundMath.Flow(D0, FlowType.CALL, new BigDecimal("1000000.00")),
                new FundMath.Flow(D0.plusYears(1), FlowType.DISTRIBUTION, new BigDecimal("300000.00")),
                new FundMath.Flow(D0.plusYears(5), FlowType.CALL, new BigDecimal("500000.00")));
        List<FundMath.Valuation> navs = List.of(
                new FundMath.Valuation(D0.plusYears(2), new BigDecimal("900000.00")),
                new FundMath.Valuation(D0.plusYears(6), new BigDecimal("1.00")));
        FundMath.Performance p = FundMath.at(D0.plusYears(3), new BigDecimal("2000000.00"), flows, navs);
        assertThat(p.paidIn()).isEqualByComparingTo("1000000");
        assertThat(p.distributed()).isEqualByComparingTo("300000");
        assertThat(p.nav()).isEqualByComparingTo("900000");
        assertThat(p.navDate()).isEqualTo(D0.plusYears(2));
        assertThat(p.unfunded()).isEqualByComparingTo("1000000");
        assertThat(p.dpi()).isEqualByComparingTo("0.3");
        assertThat(p.rvpi()).isEqualByComparingTo("0.9");
        assertThat(p.tvpi()).isEqualByComparingTo("1.2");
        // -1,000,000 at t0; +300,000 at 1y; +900,000 at 2y (2020 is a leap year: 366 days in year one)
        double r = p.irr().rate().doubleValue();
        double t1 = 366 / 365.0;
        double t2 = 731 / 365.0;
        assertThat(-1_000_000 + 300_000 / Math.pow(1 + r, t1) + 900_000 / Math.pow(1 + r, t2))
                .isCloseTo(0, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void nothingPaidInLeavesRatiosUndefined() {
        FundMath.Performance p = FundMath.at(D0, new BigDecimal("5.00"), List.of(), List.of());
        assertThat(p.dpi()).isNull();
        assertThat(p.tvpi()).isNull();
        assertThat(p.irr().reason()).isEqualTo(Xirr.Reason.NO_FLOWS);
    }

    @Test
    void tvpiIsAlwaysDpiPlusRvpi() {
        Random random = new Random(7);
        for (int run = 0; run < 1000; run++) {
            List<FundMath.Flow> flows = new ArrayList<>();
            int n = 1 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                flows.add(new FundMath.Flow(
                        D0.plusDays(random.nextInt(3000)),
                        random.nextBoolean() ? FlowType.CALL : FlowType.DISTRIBUTION,
                        BigDecimal.valueOf(random.nextLong(1, 1_000_000_000_00L), 2)));
            }
            List<FundMath.Valuation> navs = List.of(new FundMath.Valuation(
                    D0.plusDays(random.nextInt(3000)), BigDecimal.valueOf(random.nextLong(0, 1_000_000_000_00L), 2)));
            FundMath.Performance p =
                    FundMath.at(D0.plusDays(random.nextInt(3500)), new BigDecimal("1E12"), flows, navs);
            if (p.dpi() == null) {
                continue;
            }
            assertThat(p.tvpi()).as("run %d", run).isEqualTo(p.dpi().add(p.rvpi()));
            BigDecimal direct = p.distributed()
                    .add(p.nav())
                    .divide(p.paidIn(), FundMath.RATIO_SCALE, java.math.RoundingMode.HALF_EVEN);
            assertThat(p.tvpi().subtract(direct).abs()).isLessThanOrEqualTo(new BigDecimal("0.000001"));
        }
    }
}
