package org.gongtong.capital;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The internal rate of return of dated cash flows in the spreadsheet XIRR convention: actual/365
 * day count from the earliest flow, {@code Σ cf / (1 + r)^(days / 365) = 0}. Newton's method from
 * 10% (as spreadsheets do), solved for ln(1 + r) and, when it does not converge, a bracketing search with bisection. With
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
        // solve for x = ln(1 + r): every real x is a rate above −100%, so no step leaves the domain
        Double x = newton(t, cf, Math.log1p(0.1));
        if (x == null) {
            x = bracket(t, cf);
        }
        if (x == null || x.isNaN() || x.isInfinite()) {
            return new Result(null, Reason.NO_SOLUTION);
        }
        double r = Math.expm1(x);
        return new Result(new BigDecimal(r, MathContext.DECIMAL64).setScale(10, RoundingMode.HALF_EVEN), null);
    }

    /**
     * The NPV at x = ln(1 + r) and its derivative, both scaled by the same positive factor so huge
     * discount factors (rates near −100% over long horizons) do not overflow: the sign and the
     * Newton step f / f' are unchanged by the scaling. Returns {f, f', Σ|terms|}.
     */
    static double[] npv(double[] t, double[] cf, double x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double ti : t) {
            m = Math.max(m, -ti * x);
        }
        double f = 0;
        double d = 0;
        double abs = 0;
        for (int i = 0; i < t.length; i++) {
            double term = cf[i] * Math.exp(-t[i] * x - m);
            f += term;
            d -= t[i] * term;
            abs += Math.abs(term);
        }
        return new double[] {f, d, abs};
    }

    private static Double newton(double[] t, double[] cf, double guess) {
        double x = guess;
        for (int i = 0; i < NEWTON_STEPS; i++) {
            double[] v = npv(t, cf, x);
            if (!Double.isFinite(v[0]) || !Double.isFinite(v[1]) || v[1] == 0) {
                return null;
            }
            double step = v[0] / v[1];
            // damp wild steps; the bracketing search covers what Newton cannot reach
            if (Math.abs(step) > 5) {
                step = Math.signum(step) * 5;
            }
            double next = x - step;
            if (Math.abs(next - x) < TOLERANCE) {
                return accept(t, cf, next);
            }
            x = next;
        }
        return null;
    }

    /** Accepts a root only when the NPV there is negligible against the discounted flows themselves. */
    private static Double accept(double[] t, double[] cf, double x) {
        double[] v = npv(t, cf, x);
        return Double.isFinite(v[0]) && Math.abs(v[0]) <= 1e-9 * v[2] ? x : null;
    }

    /** Scans x from −700 (r ≈ −100%) to 40 (r ≈ e⁴⁰) for a sign change, then bisects. */
    private static Double bracket(double[] t, double[] cf) {
        double[] grid = new double[] {
            -700, -300, -100, -50, -20, -10, -5, -3, -2, -1, -0.5, -0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2, 0.5, 1, 2, 3,
            5, 10, 20, 40
        };
        double prevX = grid[0];
        double prevF = npv(t, cf, prevX)[0];
        for (int i = 1; i < grid.length; i++) {
            double x = grid[i];
            double f = npv(t, cf, x)[0];
            if (Double.isFinite(prevF) && Double.isFinite(f) && (prevF == 0 || Math.signum(prevF) != Math.signum(f))) {
                return prevF == 0 ? prevX : bisect(t, cf, prevX, x, prevF);
            }
            prevX = x;
            prevF = f;
        }
        return null;
    }

    private static Double bisect(double[] t, double[] cf, double lo, double hi, double fLo) {
        for (int i = 0; i < 300; i++) {
            double mid = lo + (hi - lo) / 2;
            double f = npv(t, cf, mid)[0];
            if (f == 0 || (hi - lo) / 2 < TOLERANCE) {
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
