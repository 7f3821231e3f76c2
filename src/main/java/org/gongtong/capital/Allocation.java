package org.gongtong.capital;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount into parts proportional to weights, in cents, so the parts always add up to
 * the amount exactly: every part is first rounded down, then the cents left over go one each to
 * the parts with the largest remainders (ties to the earlier part). Used for capital calls across
 * investors and for a loss across province, city and bank.
 */
public final class Allocation {

    private Allocation() {}

    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            return List.of();
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0 || weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("weights must be non-negative with a positive sum");
        }
        int sign = amount.signum();
        BigDecimal cents = amount.abs().setScale(2, RoundingMode.UNNECESSARY).movePointRight(2);
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            BigDecimal exact = cents.multiply(w);
            BigDecimal[] qr = exact.divideAndRemainder(total);
            floors.add(qr[0]);
            remainders.add(qr[1]);
            assigned = assigned.add(qr[0]);
        }
        int left = cents.subtract(assigned).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed());
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            floors.set(i, floors.get(i).add(BigDecimal.ONE));
        }
        List<BigDecimal> parts = new ArrayList<>();
        for (BigDecimal f : floors) {
            BigDecimal v = f.movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
            parts.add(sign < 0 ? v.negate() : v);
        }
        return parts;
    }
}
