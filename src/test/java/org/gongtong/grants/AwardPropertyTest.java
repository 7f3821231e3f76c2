package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.grants.GrantRecords.Allocation;
import org.gongtong.grants.GrantRecords.Assessment;
import org.gongtong.grants.GrantRecords.Award;
import org.gongtong.grants.GrantRecords.FundYear;
import org.gongtong.grants.GrantRecords.Target;
import org.gongtong.grants.GrantRecords.Tranche;
import org.gongtong.grants.GrantRecords.TrancheStatus;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property test as a seeded random loop (ADR 0005): random sequences of tranche approvals,
 * payments, returns, cancellations, assessments with random actual values (which reduce, withhold
 * or claw back), final reports and closings over several grants of one fund. After every step,
 * for each grant: what the ledger holds committed equals its open tranches, what it holds paid
 * equals its paid tranches less claw-backs, nothing is negative; and the fund year equals the sum
 * over its allocations and never exceeds its budget.
 */
@IntegrationTest
class AwardPropertyTest {

    @Autowired
    Awards awards;

    @Autowired
    SpecialFund fund;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void grantMoneyIsNeverNegativeOrCountedTwice() throws Exception {
        long seed = 20261127L;
        Random r = new Random(seed);
        Api api = new Api(mvc, json);
        GrantsHttp http = new GrantsHttp(api);
        String admin = api.adminToken();
        GrantsFixture fixture = new GrantsFixture(api, http, admin);
        List<Long> grants = new ArrayList<>();
        GrantsFixture.Setup first = fixture.programme("6000000");
        grants.add(fixture.approved(first, "1000000"));
        grants.add(fixture.approved(first, "1999999.99"));
        GrantsFixture.Setup second = fixture.programme("4000000");
        grants.add(fixture.approved(second, "1500000.01"));
        Actor officer = Actor.SYSTEM;
        int refused = 0;
        for (int step = 0; step < 80; step++) {
            String where = "seed " + seed + ", step " + step;
            long grant = grants.get(r.nextInt(grants.size()));
            List<Tranche> tranches = awards.tranches(grant);
            Tranche t = tranches.get(r.nextInt(tranches.size()));
            try {
                switch (r.nextInt(9)) {
                    case 0, 1 -> awards.approveTranche(t.id(), officer);
                    case 2, 3 -> awards.payTranche(t.id(), officer);
                    case 4 -> awards.returnTranche(t.id(), "退回 " + where, officer);
                    case 5 -> awards.cancelTranche(t.id(), "取消 " + where, officer);
                    case 6, 7 -> {
                        Map<Long, BigDecimal> actuals = new LinkedHashMap<>();
                        for (Target target : awards.targets(grant)) {
                            actuals.put(
                                    target.id(),
                                    target.targetValue()
                                            .multiply(BigDecimal.valueOf(r.nextInt(13)))
                                            .divide(BigDecimal.TEN, 2, java.math.RoundingMode.DOWN));
                        }
                        awards.assess(grant, new Awards.AssessmentForm(1, actuals), officer);
                    }
                    default -> awards.close(grant, officer);
                }
            } catch (DomainException e) {
                refused++;
            }
            check(grants, where);
        }
        assertThat(refused).as("some steps are refused transitions").isPositive();
    }

    private void check(List<Long> grants, String where) {
        java.util.Set<Long> funds = new java.util.HashSet<>();
        for (long g : grants) {
            Award a = awards.award(g);
            Allocation alloc = fund.find(a.allocationId());
            funds.add(alloc.fundId());
            List<Tranche> ts = awards.tranches(g);
            BigDecimal open = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            for (Tranche t : ts) {
                assertThat(t.amount().signum()).as(where).isGreaterThanOrEqualTo(0);
                if (t.status() == TrancheStatus.PAID) {
                    paid = paid.add(t.amount());
                } else if (t.status() != TrancheStatus.CANCELLED) {
                    open = open.add(t.amount());
                }
            }
            BigDecimal clawed = awards.assessments(g, Actor.SYSTEM).stream()
                    .map(Assessment::clawedBack)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(alloc.committed())
                    .as(where + " grant " + g + " committed = open tranches")
                    .isEqualByComparingTo(open);
            assertThat(alloc.paid())
                    .as(where + " grant " + g + " paid = paid tranches − claw-backs")
                    .isEqualByComparingTo(paid.subtract(clawed));
            assertThat(alloc.paid().signum()).as(where).isGreaterThanOrEqualTo(0);
            assertThat(alloc.amount()).as(where + " never more than awarded").isLessThanOrEqualTo(a.amount());
        }
        for (long f : funds) {
            for (FundYear y : fund.summary(f).years()) {
                BigDecimal committed = BigDecimal.ZERO;
                BigDecimal paid = BigDecimal.ZERO;
                for (Allocation al : fund.allocations(
                                new SpecialFund.AllocationCriteria(f, y.year(), null, null, null),
                                org.gongtong.platform.PageRequest.of(0, 200),
                                Actor.SYSTEM)
                        .content()) {
                    committed = committed.add(al.committed());
                    paid = paid.add(al.paid());
                }
                assertThat(y.committed()).as(where + " fund committed").isEqualByComparingTo(committed);
                assertThat(y.paid()).as(where + " fund paid").isEqualByComparingTo(paid);
                assertThat(y.available().signum()).as(where + " overspent").isGreaterThanOrEqualTo(0);
            }
        }
    }
}
