package org.gongtong.services;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.registry.DemoDataRemoving;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
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
 * A few sample instruments (one booked and used), an incubator with a cohort and incubatees, and
 * a testing agency with a rated order — all marked 示例 and removed before the registry's sample
 * organisations when it publishes {@link DemoDataRemoving}.
 */
@Component
@Order(30)
class ServicesDemoData implements ApplicationRunner {

    static final String FIRST = "（示例）场发射扫描电子显微镜";

    private static final Logger log = LoggerFactory.getLogger(ServicesDemoData.class);

    private final boolean enabled;
    private final InstrumentService instruments;
    private final IncubatorService incubators;
    private final AgencyService agencies;
    private final Registry registry;
    private final Accounts accounts;

    ServicesDemoData(
            @Value("${gongtong.demo-data:true}") boolean enabled,
            InstrumentService instruments,
            IncubatorService incubators,
            AgencyService agencies,
            Registry registry,
            Accounts accounts) {
        this.enabled = enabled;
        this.instruments = instruments;
        this.incubators = incubators;
        this.agencies = agencies;
        this.registry = registry;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || instruments.idByName(FIRST) != null) {
            return;
        }
        List<Organisation> universities = samples(OrganisationKind.UNIVERSITY);
        List<Organisation> research = samples(OrganisationKind.RESEARCH);
        List<Organisation> firms = samples(OrganisationKind.ENTERPRISE);
        List<Organisation> services = samples(OrganisationKind.SERVICE);
        Organisation lab = !universities.isEmpty() ? universities.get(0) : !research.isEmpty() ? research.get(0) : null;
        if (lab == null || firms.size() < 2) {
            return; // no sample organisations to attach to
        }
        Actor system = Actor.SYSTEM;
        Instrument sem = instruments.create(
                form(FIRST, lab.id(), "场发射扫描电镜", "3200000", 30, false, true, "300", "450", "600"), system, true);
        instruments.create(
                form("（示例）X 射线衍射仪", lab.id(), "X 射线衍射", "1500000", 60, true, false, "200", "300", "400"), system, true);
        instruments.create(
                form("（示例）电子万能试验机", lab.id(), "力学试验", "380000", 60, false, false, "80", "100", "150"), system, true);
        accounts.findByUsername("admin").ifPresent(admin -> {
            instruments.addTrainingDemo(sem.id(), admin.id());
            Instant monday = LocalDate.now(instruments.clock().withZone(InstrumentService.ZONE))
                    .plusDays(2)
                    .atTime(9, 0)
                    .atZone(InstrumentService.ZONE)
                    .toInstant();
            instruments.bookDemo(sem.id(), monday, monday.plus(Duration.ofHours(2)), admin.id(), "示例：材料断口形貌观察");
        });

        Organisation operator = !services.isEmpty() ? services.get(0) : lab;
        Incubation.Incubator inc = incubators.create(
                new IncubatorService.IncubatorForm(
                        "（示例）聊城高新区新材料孵化器", operator.id(), "NEW_MATERIALS", "聊城高新区", new BigDecimal("12000")),
                system,
                true);
        Incubation.Cohort cohort = incubators.addCohort(inc.id(), "2026 春季批次（示例）", null, system);
        Map<String, Integer> scores =
                Map.of("TEAM", 20, "TECHNOLOGY", 21, "MARKET", 14, "INDUSTRY_FIT", 12, "FUNDING", 8);
        for (int i = 0; i < Math.min(2, firms.size()); i++) {
            Incubation.Incubatee e = incubators.admit(
                    inc.id(),
                    new IncubatorService.IntakeForm(firms.get(i).id(), cohort.id(), null, "A 栋 " + (201 + i), scores),
                    system,
                    true);
            incubators.putKpi(
                    e.id(),
                    java.time.YearMonth.now(instruments.clock().withZone(InstrumentService.ZONE))
                            .minusMonths(1)
                            .toString(),
                    new IncubatorService.KpiForm(
                            new BigDecimal("850000"), 18 + i, new BigDecimal("120000"), 2, BigDecimal.ZERO),
                    system);
        }

        ServiceOrders.Agency agency = agencies.create(
                new AgencyService.AgencyForm(
                        operator.id(), "（示例）鲁西质检中心公共检测平台", "TESTING_PLATFORM", "标准、计量、检验检测、认证认可一站式服务（示例）"),
                system,
                true);
        agencies.addOffering(
                agency.id(),
                new AgencyService.OfferingForm("金属材料力学性能检测", "INSPECTION_TESTING", new BigDecimal("800"), null),
                system);
        agencies.addOffering(
                agency.id(),
                new AgencyService.OfferingForm("计量器具校准", "METROLOGY", new BigDecimal("300"), null),
                system);
        ServiceOrders.Order order = agencies.request(
                agency.id(), new AgencyService.OrderForm(null, firms.get(0).id(), "示例：铝合金型材拉伸试验 5 组"), system, true);
        agencies.quote(order.id(), new BigDecimal("4000"), system);
        agencies.accept(order.id(), system);
        agencies.start(order.id(), system);
        agencies.deliver(order.id(), "报告已出具（示例）", system);
        agencies.rate(order.id(), 5, "出具报告及时（示例）", system);
        log.info("Loaded the demo instruments, incubator and testing platform");
    }

    /** One-call demo removal: these rows go before the sample organisations they refer to. */
    @EventListener
    @Transactional
    public void on(DemoDataRemoving event) {
        instruments.deleteDemo();
        incubators.deleteDemo();
        agencies.deleteDemo();
    }

    private static InstrumentService.InstrumentForm form(
            String name,
            long owner,
            String category,
            String value,
            int slot,
            boolean approval,
            boolean training,
            String pi,
            String pp,
            String pe) {
        return new InstrumentService.InstrumentForm(
                name,
                owner,
                "聊城大学分析测试中心（示例）",
                category,
                new BigDecimal(value),
                slot,
                0,
                8,
                approval,
                8,
                new BigDecimal(pi),
                new BigDecimal(pp),
                new BigDecimal(pe),
                training,
                training ? "须完成上机培训" : null);
    }

    private List<Organisation> samples(OrganisationKind kind) {
        return registry.search(
                        new OrganisationCriteria(null, kind, null, null, true),
                        org.gongtong.platform.PageRequest.of(0, 5))
                .content();
    }
}
