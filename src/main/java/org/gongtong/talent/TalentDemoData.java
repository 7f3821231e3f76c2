package org.gongtong.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sample appointments and a horizontal project, marked 示例 and removed with the registry's demo data. */
@Component
@Order(31)
class TalentDemoData implements ApplicationRunner {

    static final String FIRST = "张教授（示例）";

    private final boolean enabled;
    private final TalentService talent;
    private final Registry registry;

    TalentDemoData(@Value("${gongtong.demo-data:true}") boolean enabled, TalentService talent, Registry registry) {
        this.enabled = enabled;
        this.talent = talent;
        this.registry = registry;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled
                || talent.count(null, null) > 0
                        && !talent.search(null, null, null, FIRST, null, org.gongtong.platform.PageRequest.of(0, 1))
                                .content()
                                .isEmpty()) {
            return;
        }
        List<Organisation> universities = samples(OrganisationKind.UNIVERSITY);
        List<Organisation> firms = samples(OrganisationKind.ENTERPRISE);
        if (universities.isEmpty() || firms.size() < 2) {
            return;
        }
        long uni = universities.get(0).id();
        LocalDate today = talent.today();
        Actor system = Actor.SYSTEM;
        talent.appoint(
                new TalentService.AppointmentForm(
                        "COMMISSIONER",
                        FIRST,
                        uni,
                        firms.get(0).id(),
                        today.minusMonths(7).toString(),
                        today.plusDays(40).toString(),
                        "驻企指导新材料工艺改进",
                        "解决 2 项技术难题，培训技术人员 20 人次",
                        "高分子材料 改性 注塑",
                        null,
                        null,
                        null,
                        true,
                        6),
                system,
                true);
        talent.appoint(
                new TalentService.AppointmentForm(
                        "INDUSTRY_PROFESSOR",
                        "李总（示例）",
                        firms.get(1).id(),
                        uni,
                        today.minusYears(1).toString(),
                        today.plusYears(2).toString(),
                        "讲授产业前沿课程，指导研究生",
                        "开设 1 门课程",
                        null,
                        null,
                        null,
                        null,
                        false,
                        12),
                system,
                true);
        talent.appoint(
                new TalentService.AppointmentForm(
                        "DUAL_MENTOR",
                        "王工（示例）",
                        firms.get(0).id(),
                        uni,
                        today.minusMonths(2).toString(),
                        today.plusYears(2).toString(),
                        "企业导师",
                        "联合培养 1 名硕士",
                        null,
                        null,
                        "刘同学（示例）",
                        "赵教授（示例）",
                        false,
                        6),
                system,
                true);
        HorizontalProject p = talent.createProject(
                new TalentService.ProjectForm(
                        "（示例）改性塑料配方开发",
                        "HX-2026-001",
                        FIRST,
                        uni,
                        firms.get(0).id(),
                        today.minusMonths(5).toString(),
                        new BigDecimal("300000")),
                system,
                true);
        talent.addReceipt(
                p.id(),
                new TalentService.ReceiptForm(today.minusMonths(4).toString(), new BigDecimal("150000"), "首付款"),
                system);
    }

    private List<Organisation> samples(OrganisationKind kind) {
        return registry.search(
                        new OrganisationCriteria(null, kind, null, null, true),
                        org.gongtong.platform.PageRequest.of(0, 5))
                .content();
    }
}
