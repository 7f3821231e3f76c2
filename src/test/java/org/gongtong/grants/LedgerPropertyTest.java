package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.grants.GrantRecords.Allocation;
import org.gongtong.grants.GrantRecords.FundYear;
import org.gongtong.grants.GrantRecords.TargetType;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Property test as a seeded random loop (no jqwik, ADR 0005): random sequences of allocations,
 * payments, releases, claw-backs and overspending attempts against the real ledger and database.
 * After every step the ledger equals a plain model, no figure is negative, no year is overspent,
 * and the fund-year rows equal the sums over their allocations and over their movements (nothing
 * counted twice). A failure names the seed and step.
 */
@IntegrationTest
class LedgerPropertyTest {

    @Autowired
    SpecialFund fund;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private static final int STEPS = 150;

    private static BigDecimal money(Random r, int maxYuan) {
        return BigDecimal.valueOf(r.nextInt(maxYuan * 100) + 1, 2);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20261127L})
    void moneyIsNeverNegativeOverspentOrCountedTwice(long seed) {
        Random r = new Random(seed);
        int[] years = {2026, 2027};
        Map<Integer, BigDecimal> budget = Map.of(2026, new BigDecimal("100000.00"), 2027, new BigDecimal("50000.00"));
        long fundId = fund.createFund(
                        new SpecialFund.FundForm(
                                Api.unique("性质测试资金"),
                                new BigDecimal("150000"),
                                null,
                                List.of(
                                        new SpecialFund.YearBudget(2026, budget.get(2026)),
                                        new SpecialFund.YearBudget(2027, budget.get(2027)))),
                        Actor.SYSTEM)
                .fundId();
        // the model: per allocation {year, amount, paid}
        Map<Long, BigDecimal[]> model = new LinkedHashMap<>();
        Map<Long, Integer> yearOf = new LinkedHashMap<>();
        for (int step = 0; step < STEPS; step++) {
            String where = "seed " + seed + ", step " + step;
            int op = r.nextInt(10);
            List<Long> ids = new ArrayList<>(model.keySet());
            try {
                if (op < 4 || ids.isEmpty()) {
                    int year = years[r.nextInt(2)];
                    BigDecimal amount = money(r, 30000);
                    BigDecimal available = available(year, budget, model, yearOf);
                    boolean fits = amount.compareTo(available) <= 0;
                    try {
                        Allocation a = fund.allocate(
                                new SpecialFund.AllocationForm(fundId, year, "INSTITUTION", 7L, amount, where),
                                Actor.SYSTEM);
                        assertThat(fits)
                                .as(where + ": accepted " + amount + " with " + available + " available")
                                .isTrue();
                        model.put(a.id(), new BigDecimal[] {amount, BigDecimal.ZERO.setScale(2)});
                        yearOf.put(a.id(), year);
                    } catch (DomainException e) {
                        assertThat(fits)
                                .as(where + ": refused " + amount + " with " + available + " available")
                                .isFalse();
                        assertThat(e.status().value()).isEqualTo(409);
                        assertThat((BigDecimal) e.properties().get("available")).isEqualByComparingTo(available);
                    }
                } else {
                    long id = ids.get(r.nextInt(ids.size()));
                    BigDecimal[] m = model.get(id);
                    BigDecimal unpaid = m[0].subtract(m[1]);
                    BigDecimal amount = r.nextInt(4) == 0 ? unpaid.add(money(r, 100)) : money(r, 15000);
                    switch (op) {
                        case 4, 5, 6 -> {
                            boolean ok = amount.compareTo(unpaid) <= 0;
                            try {
                                fund.disburse(id, new SpecialFund.MoneyForm(amount, where), Actor.SYSTEM);
                                assertThat(ok)
                                        .as(where + ": paid " + amount + " of " + unpaid)
                                        .isTrue();
                                m[1] = m[1].add(amount);
                            } catch (DomainException e) {
                                assertThat(ok)
                                        .as(where + ": pay refused " + amount + " of " + unpaid)
                                        .isFalse();
                            }
                        }
                        case 7, 8 -> {
                            boolean ok = amount.compareTo(unpaid) <= 0;
                            try {
                                fund.release(id, new SpecialFund.MoneyForm(amount, where), Actor.SYSTEM);
                                assertThat(ok)
                                        .as(where + ": released " + amount + " of " + unpaid)
                                        .isTrue();
                                m[0] = m[0].subtract(amount);
                            } catch (DomainException e) {
                                assertThat(ok).as(where + ": release refused").isFalse();
                            }
                        }
                        default -> {
                            BigDecimal back = r.nextBoolean() ? m[1] : amount;
                            boolean ok = back.compareTo(m[1]) <= 0;
                            try {
                                tx.executeWithoutResult(s -> fund.clawBack(id, back, null, where));
                                if (back.signum() > 0) {
                                    assertThat(ok)
                                            .as(where + ": clawed back " + back + " of " + m[1])
                                            .isTrue();
                                }
                                m[0] = m[0].subtract(back);
                                m[1] = m[1].subtract(back);
                            } catch (DomainException e) {
                                assertThat(ok).as(where + ": claw-back refused").isFalse();
                            }
                        }
                    }
                }
            } catch (AssertionError e) {
                throw e;
            } catch (RuntimeException e) {
                fail(where + ": unexpected " + e, e);
            }
            check(fundId, budget, model, yearOf, where);
        }
    }

    private static BigDecimal available(
            int year, Map<Integer, BigDecimal> budget, Map<Long, BigDecimal[]> model, Map<Long, Integer> yearOf) {
        BigDecimal used = BigDecimal.ZERO;
        for (var e : model.entrySet()) {
            if (yearOf.get(e.getKey()) == year) {
                used = used.add(e.getValue()[0]);
            }
        }
        return budget.get(year).subtract(used);
    }

    private void check(
            long fundId,
            Map<Integer, BigDecimal> budget,
            Map<Long, BigDecimal[]> model,
            Map<Long, Integer> yearOf,
            String where) {
        for (FundYear y : fund.summary(fundId).years()) {
            BigDecimal committed = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            for (var e : model.entrySet()) {
                if (yearOf.get(e.getKey()) == y.year()) {
                    committed = committed.add(e.getValue()[0].subtract(e.getValue()[1]));
                    paid = paid.add(e.getValue()[1]);
                }
            }
            assertThat(y.committed()).as(where + " committed " + y.year()).isEqualByComparingTo(committed);
            assertThat(y.paid()).as(where + " paid " + y.year()).isEqualByComparingTo(paid);
            assertThat(y.committed().signum()).as(where).isGreaterThanOrEqualTo(0);
            assertThat(y.paid().signum()).as(where).isGreaterThanOrEqualTo(0);
            assertThat(y.available().signum()).as(where + " overspent").isGreaterThanOrEqualTo(0);
            assertThat(y.budget()).isEqualByComparingTo(budget.get(y.year()));
            // the year row equals the sum over its allocations …
            BigDecimal[] sums = jdbc.sql("""
                            SELECT COALESCE(SUM(amount - paid), 0), COALESCE(SUM(paid), 0) FROM special_fund_allocation
                            WHERE fund_id = :f AND fund_year = :y""")
                    .param("f", fundId)
                    .param("y", y.year())
                    .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                    .single();
            assertThat(sums[0]).as(where + " allocations committed").isEqualByComparingTo(y.committed());
            assertThat(sums[1]).as(where + " allocations paid").isEqualByComparingTo(y.paid());
            // … and over its movements: committed = COMMIT + CARVE − PAY − RELEASE, paid = PAY − CLAW_BACK
            Map<String, BigDecimal> byKind = new java.util.HashMap<>();
            jdbc.sql(
                            "SELECT kind, SUM(amount) FROM special_fund_movement WHERE fund_id = :f AND fund_year = :y GROUP BY kind")
                    .param("f", fundId)
                    .param("y", y.year())
                    .query((rs, n) -> byKind.put(rs.getString(1), rs.getBigDecimal(2)))
                    .list();
            BigDecimal z = BigDecimal.ZERO;
            BigDecimal movedCommitted = byKind.getOrDefault("COMMIT", z)
                    .subtract(byKind.getOrDefault("PAY", z))
                    .subtract(byKind.getOrDefault("RELEASE", z));
            BigDecimal movedPaid = byKind.getOrDefault("PAY", z).subtract(byKind.getOrDefault("CLAW_BACK", z));
            assertThat(movedCommitted).as(where + " movements committed").isEqualByComparingTo(y.committed());
            assertThat(movedPaid).as(where + " movements paid").isEqualByComparingTo(y.paid());
        }
        for (var e : model.entrySet()) {
            Allocation a = fund.find(e.getKey());
            assertThat(a.amount()).as(where + " allocation " + a.id()).isEqualByComparingTo(e.getValue()[0]);
            assertThat(a.paid()).as(where + " allocation paid " + a.id()).isEqualByComparingTo(e.getValue()[1]);
            assertThat(a.committed().signum()).isGreaterThanOrEqualTo(0);
            assertThat(a.targetType()).isEqualTo(TargetType.INSTITUTION);
        }
    }
}
