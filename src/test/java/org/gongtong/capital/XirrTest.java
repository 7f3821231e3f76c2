package org.gongtong.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XirrTest {

    private static Xirr.Flow f(String date, String amount) {
        return new Xirr.Flow(LocalDate.parse(date), new BigDecimal(amount));
    }

    @Test
    void matchesTheExcelDocumentationExample() {
        // Microsoft's XIRR help page: these five flows give 0.373362535 (37.34%)
        Xirr.Result r = Xirr.of(List.of(
                f("2008-01-01", "-10000"),
                f("2008-03-01", "2750"),
                f("2008-10-30", "4250"),
                f("2009-02-15", "3250"),
                f("2009-04-01", "2750")));
        assertThat(r.defined()).isTrue();
        assertThat(r.rate().doubleValue()).isCloseTo(0.373362535, within(1e-8));
    }

    @Test
    void agreesWithAnIndependentBisection() {
        // checked separately by bisection on the same equation (Python, 200 halvings): 0.19481847506
        Xirr.Result r = Xirr.of(List.of(
                f("2001-01-01", "-10000"),
                f("2001-01-02", "2000"),
                f("2001-03-15", "2500"),
                f("2001-05-12", "5000"),
                f("2001-08-10", "1000")));
        assertThat(r.rate().doubleValue()).isCloseTo(0.19481847506, within(1e-9));
    }

    @Test
    void oneYearDoublingIsOneHundredPercent() {
        Xirr.Result r = Xirr.of(List.of(f("2021-01-01", "-100"), f("2022-01-01", "200")));
        assertThat(r.rate().doubleValue()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void singleFlowAndOneSignedFlowsAreUndefined() {
        assertThat(Xirr.of(List.of(f("2020-01-01", "-100"))).reason()).isEqualTo(Xirr.Reason.NO_SIGN_CHANGE);
        assertThat(Xirr.of(List.of(f("2020-01-01", "100"), f("2021-01-01", "50")))
                        .reason())
                .isEqualTo(Xirr.Reason.NO_SIGN_CHANGE);
        assertThat(Xirr.of(List.of(f("2020-01-01", "-100"), f("2021-01-01", "-50")))
                        .reason())
                .isEqualTo(Xirr.Reason.NO_SIGN_CHANGE);
        assertThat(Xirr.of(List.of()).reason()).isEqualTo(Xirr.Reason.NO_FLOWS);
        assertThat(Xirr.of(List.of(f("2020-01-01", "-100"), f("2020-01-01", "120")))
                        .defined())
                .isFalse();
    }

    @Test
    void veryShortHorizon() {
        // 1% in one day: (1.01)^365 − 1
        Xirr.Result r = Xirr.of(List.of(f("2024-03-01", "-1000"), f("2024-03-02", "1010")));
        assertThat(r.rate().doubleValue()).isCloseTo(Math.pow(1.01, 365) - 1, within(1e-6 * Math.pow(1.01, 365)));
    }

    @Test
    void veryLongHorizon() {
        // 5% a year for 60 years (with 15 leap days the exponent is days / 365)
        LocalDate a = LocalDate.parse("1980-01-01");
        LocalDate b = LocalDate.parse("2040-01-01");
        double years = java.time.temporal.ChronoUnit.DAYS.between(a, b) / 365.0;
        double end = 1000 * Math.pow(1.05, years);
        Xirr.Result r = Xirr.of(List.of(
                new Xirr.Flow(a, new BigDecimal("-1000")),
                new Xirr.Flow(b, new BigDecimal(end).setScale(6, java.math.RoundingMode.HALF_UP))));
        assertThat(r.rate().doubleValue()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void hugeNegativeRate() {
        // lose 99% in a (365-day) year
        Xirr.Result r = Xirr.of(List.of(f("2021-01-01", "-10000"), f("2022-01-01", "100")));
        assertThat(r.rate().doubleValue()).isCloseTo(-0.99, within(1e-9));
        // lose 99.9999% in a month: the rate is −1 + 1e−71, which is −100% to every shown decimal
        Xirr.Result s = Xirr.of(List.of(f("2020-01-01", "-1000000"), f("2020-02-01", "1")));
        assertThat(s.defined()).isTrue();
        assertThat(s.rate().doubleValue()).isBetween(-1.0, -0.999);
        // lose 90% in half a year: (0.1)^(365/182) − 1
        Xirr.Result h = Xirr.of(List.of(f("2021-01-01", "-1000"), f("2021-07-02", "100")));
        assertThat(h.rate().doubleValue()).isCloseTo(Math.pow(0.1, 365.0 / 182) - 1, within(1e-9));
    }

    @Test
    void hugePositiveRate() {
        Xirr.Result r = Xirr.of(List.of(f("2020-01-01", "-1"), f("2020-01-11", "1000")));
        assertThat(r.defined()).isTrue();
        double expected = Math.pow(1000, 365.0 / 10) - 1;
        assertThat(r.rate().doubleValue() / expected).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void seededRandomFlowsSolveTheirOwnEquation() {
        Random random = new Random(20261127L);
        for (int run = 0; run < 300; run++) {
            List<Xirr.Flow> flows = new ArrayList<>();
            LocalDate d = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(365));
            flows.add(new Xirr.Flow(d, BigDecimal.valueOf(-(1 + random.nextInt(1_000_000)))));
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                d = d.plusDays(1 + random.nextInt(400));
                long amount = random.nextInt(10) < 3 ? -random.nextInt(500_000) : random.nextInt(900_000);
                flows.add(new Xirr.Flow(d, BigDecimal.valueOf(amount)));
            }
            Xirr.Result r = Xirr.of(flows);
            if (!r.defined()) {
                continue;
            }
            double rate = r.rate().doubleValue();
            // a root near −100% balances enormous discounted terms, so judge the residue against them
            LocalDate start = flows.get(0).date();
            double npv = 0;
            double scale = 0;
            for (Xirr.Flow x : flows) {
                double t = java.time.temporal.ChronoUnit.DAYS.between(start, x.date()) / 365.0;
                double term = x.amount().doubleValue() / Math.pow(1 + rate, t);
                npv += term;
                scale += Math.abs(term);
            }
            assertThat(Math.abs(npv)).as("run %d: %s → %s", run, flows, rate).isLessThan(1e-5 * scale);
        }
    }
}
