package org.gongtong.capital;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The internal rate of return of dated cash flows in the spreadsheet XIRR convention: actual/365
 * day count from the earliest flow, {@code Σ cf / (1 + r)^(days / 365) = 0}. Newton's method from
 * 10% (as spreadsheets do) and, when it does not converge, a bracketing search with bisection. With
 * no sign change among the flows there is no rate, and the result says so instead of a number.
 */
public final class Xirr {

    /** Why a rate could not be given; message keys {@code xirr.<reason>}. */
    public enum Reason {
        NO_FLOWS,
        NO_SIGN_CHANGE,
        NO_SOLUTION
    }

    public record Flow(LocalDate date, BigDecimal amount) {}

    /** Either a rate (a decimal, 0.1234 = 12.34%) or the reason there is none. */
    public record Result(BigDecimal rate, Reason reason) {
        public boolean defined() {
            return rate != null;
        }
    }

    private static final double TOLERANCE = 1e-12;
    private static final int NEWTON_STEPS = 100;
    private static final double LOWEST = -1 + 1e-12;

    private Xirr() {}

    public static Result of(List<Flow> flows) {
        List<Flow> nonZero = flows.stream()
                .filter(f -> f.amount().signum() != 0)
                .sorted(Comparator.comparing(Flow::date))
                .toList();
        if (nonZero.isEmpty()) {
            return new Result(null, Reason.NO_FLOWS);
        }
        boolean pos = nonZero.stream().anyMatch(f -> f.amount().signum() > 0);
        boolean neg = nonZero.stream().anyMatch(f -> f.amount().signum() < 0);
        if (!pos || !neg) {
            return new Result(null, Reason.NO_SIGN_CHANGE);
        }
        LocalDate start = nonZero.get(0).date();
        int n = nonZero.size();
        double[] t = new double[n];
        double[] cf = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = ChronoUnit.DAYS.between(start, nonZero.get(i).date()) / 365.0;
            cf[i] = nonZero.get(i).amount().doubleValue();
        }
        if (t[n - 1] == 0) {
            // all on one day: the value does not depend on the rate
            return new Result(null, Reason.NO_SOLUTION);
        }
        Double r = newton(t, cf, 0.1);
        if (r == null) {
            r = bracket(t, cf);
        }
        if (r == null || r.isNaN() || r.isInfinite()) {
            return new Result(null, Reason.NO_SOLUTION);
        }
        return new Result(new BigDecimal(r, MathContext.DECIMAL64).setScale(10, java.math.RoundingMode.HALF_EVEN), null);
    }

    /** Net present value at rate r, computed through logarithms so long horizons do not overflow early. */
    static double npv(double[] t, double[] cf, double r) {
        double lg = Math.log1p(r);
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            sum += cf[i] * Math.exp(-t[i] * lg);
        }
        return sum;
    }

    private static double derivative(double[] t, double[] cf, double r) {
        double lg = Math.log1p(r);
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            sum -= t[i] * cf[i] * Math.exp(-(t[i] + 1) * lg);
        }
        return sum;
    }

    private static Double newton(double[] t, double[] cf, double guess) {
        double r = guess;
        for (int i = 0; i < NEWTON_STEPS; i++) {
            double f = npv(t, cf, r);
            double d = derivative(t, cf, r);
            if (!Double.isFinite(f) || !Double.isFinite(d) || d == 0) {
                return null;
            }
            double next = r - f / d;
            if (next <= -1) {
                next = (r - 1) / 2; // stay inside the domain, halfway towards -100%
            }
            if (Math.abs(next - r) < TOLERANCE * Math.max(1, Math.abs(r))) {
                return accept(t, cf, next);
            }
            r = next;
        }
        return null;
    }

    /** Accepts a root only when the NPV there is negligible against the flows themselves. */
    private static Double accept(double[] t, double[] cf, double r) {
        double scale = 0;
        for (double c : cf) {
            scale = Math.max(scale, Math.abs(c));
        }
        double f = npv(t, cf, r);
        return Double.isFinite(f) && Math.abs(f) <= 1e-6 * scale ? r : null;
    }

    /** Scans rates from just above -100% to very large ones for a sign change, then bisects. */
    private static Double bracket(double[] t, double[] cf) {
        List<Double> grid = new ArrayList<>();
        for (double x : new double[] {1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9}) {
            grid.add(-1 + x);
        }
        for (double x = 0; x < 1e9; x = x == 0 ? 0.05 : x * 1.6) {
            grid.add(x);
        }
        grid.sort(Double::compare);
        double prevR = grid.get(0);
        double prevF = npv(t, cf, prevR);
        for (int i = 1; i < grid.size(); i++) {
            double r = grid.get(i);
            double f = npv(t, cf, r);
            if (Double.isFinite(prevF) && Double.isFinite(f) && Math.signum(prevF) != Math.signum(f)) {
                return bisect(t, cf, prevR, r, prevF);
            }
            prevR = r;
            prevF = f;
        }
        return null;
    }

    private static Double bisect(double[] t, double[] cf, double lo, double hi, double fLo) {
        for (int i = 0; i < 300; i++) {
            double mid = lo + (hi - lo) / 2;
            double f = npv(t, cf, mid);
            if (f == 0 || (hi - lo) / 2 < TOLERANCE * Math.max(1, Math.abs(mid))) {
                return mid;
            }
            if (Math.signum(f) == Math.signum(fLo)) {
                lo = mid;
                fLo = f;
            } else {
                hi = mid;
            }
        }
        return lo + (hi - lo) / 2;
    }
}
