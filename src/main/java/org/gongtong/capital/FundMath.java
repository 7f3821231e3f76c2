package org.gongtong.capital;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The performance of one fund at a date from its dated flows and valuations, with no database: so
 * the same arithmetic serves the API, the pages and the property tests. Ratios are rounded to six
 * decimals and TVPI is DPI + RVPI of those rounded figures, so the identity holds exactly.
 */
public final class FundMath {

    public static final int RATIO_SCALE = 6;

    public record Flow(LocalDate date, FlowType type, BigDecimal amount) {}

    public record Valuation(LocalDate date, BigDecimal nav) {}

    public record Performance(
            LocalDate asOf,
            BigDecimal commitments,
            BigDecimal paidIn,
            BigDecimal distributed,
            BigDecimal nav,
            LocalDate navDate,
            BigDecimal unfunded,
            BigDecimal dpi,
            BigDecimal rvpi,
            BigDecimal tvpi,
            Xirr.Result irr,
            List<Xirr.Flow> irrFlows) {}

    private FundMath() {}

    public static Performance at(LocalDate asOf, BigDecimal commitments, List<Flow> flows, List<Valuation> valuations) {
        BigDecimal paidIn = BigDecimal.ZERO.setScale(2);
        BigDecimal distributed = BigDecimal.ZERO.setScale(2);
        List<Xirr.Flow> irrFlows = new ArrayList<>();
        for (Flow f : flows) {
            if (f.date().isAfter(asOf)) {
                continue;
            }
            if (f.type() == FlowType.CALL) {
                paidIn = paidIn.add(f.amount());
                irrFlows.add(new Xirr.Flow(f.date(), f.amount().negate()));
            } else {
                distributed = distributed.add(f.amount());
                irrFlows.add(new Xirr.Flow(f.date(), f.amount()));
            }
        }
        Optional<Valuation> latest =
                valuations.stream().filter(v -> !v.date().isAfter(asOf)).max(Comparator.comparing(Valuation::date));
        BigDecimal nav = latest.map(Valuation::nav).orElse(BigDecimal.ZERO.setScale(2));
        latest.filter(v -> v.nav().signum() != 0).ifPresent(v -> irrFlows.add(new Xirr.Flow(v.date(), v.nav())));
        irrFlows.sort(Comparator.comparing(Xirr.Flow::date));
        BigDecimal dpi = ratio(distributed, paidIn);
        BigDecimal rvpi = ratio(nav, paidIn);
        BigDecimal tvpi = dpi == null ? null : dpi.add(rvpi);
        return new Performance(
                asOf,
                commitments,
                paidIn,
                distributed,
                nav,
                latest.map(Valuation::date).orElse(null),
                commitments.subtract(paidIn),
                dpi,
                rvpi,
                tvpi,
                Xirr.of(irrFlows),
                List.copyOf(irrFlows));
    }

    /** a ÷ b to six decimals; undefined (null) when nothing was paid in. */
    public static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        if (b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
