package org.gongtong.capital;

import java.math.BigDecimal;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo funds, flagged demo and removable with one call: the 100-million parent fund named in the
 * seed, managed by the institute's company, with two sample sub-funds, their investors, flows,
 * a valuation and investments in sample companies. Runs after the registry's demo data.
 */
@Component
@Order(20)
class CapitalDemoData implements ApplicationRunner {

    static final String PARENT_NAME = "聊城产研院创新创业发展母基金";
    static final String MANAGER_NAME = "聊城产业技术研究院有限公司";

    private static final Logger log = LoggerFactory.getLogger(CapitalDemoData.class);

    private final boolean enabled;
    private final FundService funds;
    private final Registry registry;

    CapitalDemoData(@Value("${gongtong.demo-data:true}") boolean enabled, FundService funds, Registry registry) {
        this.enabled = enabled;
        this.funds = funds;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || funds.fundIdByName(PARENT_NAME) != null) {
            return;
        }
        Long manager = organisation(MANAGER_NAME, null);
        if (manager == null) {
            return; // the registry's seed is not loaded, so there is nothing to attach the fund to
        }
        Actor system = Actor.SYSTEM;
        Fund parent = funds.create(
                new FundService.FundForm(PARENT_NAME, "PARENT", null, new BigDecimal("100000000"), 2020, manager),
                system,
                true);
        funds.addCommitment(
                parent.id(),
                new FundService.CommitmentForm("聊城市财政（示例）", null, null, new BigDecimal("100000000"), "2020-06-30"),
                system);
        funds.recordFlow(parent.id(), flow("2020-07-01", "CALL", "20000000"), system);
        funds.recordFlow(parent.id(), flow("2021-07-01", "CALL", "15000000"), system);

        List<Organisation> managers = samples(OrganisationKind.FINANCE);
        List<Organisation> companies = samples(OrganisationKind.ENTERPRISE);
        if (managers.size() < 2 || companies.size() < 4) {
            log.info("Loaded the demo parent fund without sub-funds (no sample organisations)");
            return;
        }
        String[][] subs = {
            {"（示例）聊城新材料产业子基金", "100000000", "25000000", "2021"},
            {"（示例）聊城高端装备创投子基金", "50000000", "10000000", "2022"}
        };
        for (int i = 0; i < subs.length; i++) {
            Fund sub = funds.create(
                    new FundService.FundForm(
                            subs[i][0],
                            "SUB",
                            parent.id(),
                            new BigDecimal(subs[i][1]),
                            Integer.parseInt(subs[i][3]),
                            managers.get(i).id()),
                    system,
                    true);
            BigDecimal size = new BigDecimal(subs[i][1]);
            BigDecimal parentPart = new BigDecimal(subs[i][2]);
            funds.addCommitment(
                    sub.id(), new FundService.CommitmentForm(null, null, parent.id(), parentPart, null), system);
            BigDecimal rest = size.subtract(parentPart);
            BigDecimal first = rest.multiply(new BigDecimal("0.6")).setScale(2);
            funds.addCommitment(sub.id(), new FundService.CommitmentForm("社会资本甲（示例）", null, null, first, null), system);
            funds.addCommitment(
                    sub.id(),
                    new FundService.CommitmentForm("社会资本乙（示例）", null, null, rest.subtract(first), null),
                    system);
            int year = Integer.parseInt(subs[i][3]);
            funds.recordFlow(
                    sub.id(),
                    flow(
                            year + "-03-01",
                            "CALL",
                            size.multiply(new BigDecimal("0.4")).toPlainString()),
                    system);
            funds.recordFlow(
                    sub.id(),
                    flow(
                            (year + 2) + "-03-01",
                            "CALL",
                            size.multiply(new BigDecimal("0.3")).toPlainString()),
                    system);
            funds.recordFlow(
                    sub.id(),
                    flow(
                            (year + 3) + "-09-30",
                            "DISTRIBUTION",
                            size.multiply(new BigDecimal("0.1")).toPlainString()),
                    system);
            funds.recordValuation(
                    sub.id(),
                    new FundService.ValuationForm(
                            (year + 3) + "-12-31",
                            size.multiply(new BigDecimal("0.75")).setScale(2)),
                    system);
            for (int c = 0; c < 2; c++) {
                funds.recordInvestment(
                        sub.id(),
                        new FundService.InvestmentForm(
                                companies.get(i * 2 + c).id(),
                                (year + 1) + "-0" + (c + 4) + "-15",
                                "INITIAL",
                                size.multiply(new BigDecimal(c == 0 ? "0.25" : "0.15"))
                                        .setScale(2),
                                null),
                        system);
            }
        }
        log.info("Loaded the demo parent fund and its sub-funds");
    }

    private static FundService.FlowForm flow(String date, String type, String amount) {
        return new FundService.FlowForm(date, type, new BigDecimal(amount), null, "示例");
    }

    private Long organisation(String name, OrganisationKind kind) {
        return registry
                .search(
                        new OrganisationCriteria(name, kind, null, null, null),
                        org.gongtong.platform.PageRequest.of(0, 20))
                .content()
                .stream()
                .filter(o -> o.name().equals(name))
                .map(Organisation::id)
                .findFirst()
                .orElse(null);
    }

    private List<Organisation> samples(OrganisationKind kind) {
        return registry.search(
                        new OrganisationCriteria(null, kind, null, null, true),
                        org.gongtong.platform.PageRequest.of(0, 10))
                .content();
    }
}
