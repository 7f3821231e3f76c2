package org.gongtong.capital;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a loss and its recoveries are shared between province, city (with county) and bank, to the
 * cent. A loss is split by the agreement's shares, the parts always adding up to the loss. A
 * recovery is split in proportion to what each payer has not yet had back, which keeps the
 * agreement's proportions (to the cent), never returns more to a payer than it paid, and returns
 * exactly the parts once everything is recovered.
 */
public final class LossSharing {

    public record Parts(BigDecimal province, BigDecimal city, BigDecimal bank) {

        public BigDecimal total() {
            return province.add(city).add(bank);
        }

        /** What the pool pays: the public payers' parts. */
        public BigDecimal pool() {
            return province.add(city);
        }

        public Parts plus(Parts o) {
            return new Parts(province.add(o.province), city.add(o.city), bank.add(o.bank));
        }

        public Parts minus(Parts o) {
            return new Parts(province.subtract(o.province), city.subtract(o.city), bank.subtract(o.bank));
        }

        public static Parts zero() {
            BigDecimal z = BigDecimal.ZERO.setScale(2);
            return new Parts(z, z, z);
        }
    }

    private LossSharing() {}

    public static Parts split(BigDecimal loss, BigDecimal provinceShare, BigDecimal cityShare, BigDecimal bankShare) {
        List<BigDecimal> p = Allocation.split(loss, List.of(provinceShare, cityShare, bankShare));
        return new Parts(p.get(0), p.get(1), p.get(2));
    }

    /**
     * Splits a recovery. {@code paid} are the parts each payer bore, {@code returned} what each has had
     * back; the caller makes sure the recovery is no more than the total still outstanding.
     */
    public static Parts recovery(BigDecimal amount, Parts paid, Parts returned) {
        Parts outstanding = paid.minus(returned);
        if (amount.compareTo(outstanding.total()) > 0) {
            throw new IllegalArgumentException("recovery exceeds what is outstanding");
        }
        List<BigDecimal> p =
                Allocation.split(amount, List.of(outstanding.province(), outstanding.city(), outstanding.bank()));
        return new Parts(p.get(0), p.get(1), p.get(2));
    }
}
