package org.gongtong.grants;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.PageRequest;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's special fund: 50,000,000 yuan over the institute's first three years, with three yearly
 * budgets, and one sample programme (the city-level community subsidy of S9, 2,000,000 yuan per
 * community, county matching 1 : 1). A handful of rows, loaded once, flagged demo and removed
 * before the registry's samples.
 */
@Component
@Order(30)
class GrantsDemoData implements ApplicationRunner {

    static final String FUND_NAME = "聊城产业技术研究院专项发展资金（示例）";
    static final String PROGRAMME_NAME = "市级创新创业共同体建设补助（示例）";

    private static final Logger log = LoggerFactory.getLogger(GrantsDemoData.class);

    private final boolean enabled;
    private final SpecialFund fund;
    private final Grants grants;
    private final Awards awards;
    private final Registry registry;
    private final AuditLog audit;

    GrantsDemoData(
            @Value("${gongtong.demo-data:true}") boolean enabled,
            SpecialFund fund,
            Grants grants,
            Awards awards,
            Registry registry,
            AuditLog audit) {
        this.enabled = enabled;
        this.fund = fund;
        this.grants = grants;
        this.awards = awards;
        this.registry = registry;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || fund.fundIdByName(FUND_NAME).isPresent()) {
            return;
        }
        Long owner = registry
                .search(new OrganisationCriteria("聊城市科学技术局", null, null, null, null), PageRequest.of(0, 5))
                .content()
                .stream()
                .filter(o -> o.name().equals("聊城市科学技术局"))
                .map(Organisation::id)
                .findFirst()
                .orElse(null);
        int first = grants.today().getYear();
        var summary = fund.createFund(
                new SpecialFund.FundForm(
                        FUND_NAME,
                        new BigDecimal("50000000"),
                        owner,
                        List.of(
                                new SpecialFund.YearBudget(first, new BigDecimal("20000000")),
                                new SpecialFund.YearBudget(first + 1, new BigDecimal("15000000")),
                                new SpecialFund.YearBudget(first + 2, new BigDecimal("15000000")))),
                true);
        grants.createProgramme(
                new Grants.ProgrammeForm(
                        PROGRAMME_NAME,
                        "按目标绩效分年拨付，每个市级共同体 200 万元，县（市、区）财政按 1:1 配套。",
                        summary.fundId(),
                        first,
                        new BigDecimal("2000000"),
                        new BigDecimal("1"),
                        List.of("RESEARCH", "ENTERPRISE", "UNIVERSITY"),
                        true,
                        List.of("applicantName", "applicantUscc", "contactName", "contactPhone"),
                        List.of(new Grants.RoundForm(
                                "第一批",
                                grants.today().withDayOfYear(1).toString(),
                                grants.today().plusMonths(6).toString())),
                        List.of(new Grants.StageForm("形式审查与专家评审", new BigDecimal("60"))),
                        List.of(
                                new Grants.CriterionForm("建设方案", new BigDecimal("40"), 10),
                                new Grants.CriterionForm("团队与运营", new BigDecimal("30"), 10),
                                new Grants.CriterionForm("绩效目标", new BigDecimal("30"), 10))),
                Actor.SYSTEM,
                true);
        log.info("Loaded the demo special fund (50,000,000 over 3 years) and one programme");
    }

    /** One-call demo removal: grants' demo rows go before the sample organisations they refer to. */
    @EventListener
    @Transactional
    public void on(org.gongtong.registry.DemoDataRemoving event) {
        int a = awards.deleteDemo();
        int p = grants.deleteDemo();
        int f = fund.deleteDemo();
        if (a + p + f > 0) {
            audit.record(
                    "GRANTS_DEMO_REMOVED",
                    "special_fund",
                    null,
                    null,
                    Map.of("awards", a, "programmes", p, "funds", f));
        }
    }
}
