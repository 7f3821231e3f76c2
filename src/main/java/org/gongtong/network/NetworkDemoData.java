package org.gongtong.network;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.network.NetworkRecords.Institution;
import org.gongtong.network.NetworkRecords.Partner;
import org.gongtong.network.NetworkRecords.YearFigures;
import org.gongtong.platform.PageRequest;
import org.gongtong.registry.DemoDataRemoving;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.gongtong.registry.Uscc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A handful of sample institutions and communities across counties in different states, and demo
 * chains for two industries; all flagged demo, named （示例）, removed with the registry's samples.
 */
@Component
@Order(30)
class NetworkDemoData implements ApplicationRunner {

    static final String MARK = "（示例）";

    private final boolean enabled;
    private final InstitutionService institutions;
    private final CommunityService communities;
    private final ChainService chains;
    private final Institutions institutionRows;
    private final Communities communityRows;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    NetworkDemoData(
            @Value("${gongtong.demo-data:true}") boolean enabled,
            InstitutionService institutions,
            CommunityService communities,
            ChainService chains,
            Institutions institutionRows,
            Communities communityRows,
            Registry registry,
            AuditLog audit,
            Clock clock) {
        this.enabled = enabled;
        this.institutions = institutions;
        this.communities = communities;
        this.chains = chains;
        this.institutionRows = institutionRows;
        this.communityRows = communityRows;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || institutionRows.count(new Institutions.Criteria(MARK, null, null, null, null, null)) > 0) {
            return;
        }
        Actor system = Actor.SYSTEM;
        List<Organisation> firms = registry.search(
                        new OrganisationCriteria(null, OrganisationKind.ENTERPRISE, null, null, true),
                        PageRequest.of(0, 10))
                .content();
        List<Organisation> others = registry.search(
                        new OrganisationCriteria(null, null, null, null, true), PageRequest.of(0, 30))
                .content();
        int year = LocalDate.now(clock).getYear() - 1;

        Institution materials = institution(
                MARK + "聊城新材料专业研究所",
                "SPECIALISED_INSTITUTE",
                "CO_BUILD",
                "ZONE-HTZ",
                "NEW_MATERIALS",
                "高性能复合材料",
                42,
                List.of("APPROVED", "BUILDING", "OPERATING"));
        institutions.setPartners(
                materials.id(),
                List.of(
                        new Partner(null, "聊城产业技术研究院有限公司", "共建方", new BigDecimal("51")),
                        new Partner(null, "聊城大学", "共建方", new BigDecimal("29")),
                        new Partner(
                                firms.isEmpty() ? null : firms.get(0).id(),
                                firms.isEmpty() ? "（示例）企业" : firms.get(0).name(),
                                "出资方",
                                new BigDecimal("20"))),
                system);
        institutions.recordFigures(
                materials.id(),
                new YearFigures(materials.id(), year, new BigDecimal("6200000"), new BigDecimal("3400000"), 12, 2, 25),
                system);
        Institution equipment = institution(
                MARK + "高端装备产业技术创新中心",
                "INNOVATION_CENTRE",
                "NEW_BUILD",
                "ZONE-ETDZ",
                "HIGH_END_EQUIPMENT",
                "智能制造装备",
                60,
                List.of("APPROVED", "BUILDING"));
        Institution bearing = institution(
                MARK + "临清轴承企业联合创新中心",
                "JOINT_INNOVATION_CENTRE",
                "JOIN",
                "371581",
                "HIGH_END_EQUIPMENT",
                "精密轴承",
                18,
                List.of("APPROVED", "BUILDING", "OPERATING", "WARNED"));
        institutions.recordFigures(
                bearing.id(),
                new YearFigures(bearing.id(), year, new BigDecimal("900000"), new BigDecimal("400000"), 2, 0, 4),
                system);
        institution(
                MARK + "东阿阿胶医养健康研究所",
                "SPECIALISED_INSTITUTE",
                "JOIN",
                "371524",
                "MEDICAL_HEALTH",
                "中医药与健康食品",
                12,
                List.of());

        LocalDate today = communities.today();
        var proposed = communities.create(
                new CommunityService.CommunityForm(
                        MARK + "茌平铝精深加工创新创业共同体", "371503", "NONFERROUS_METALS", null, "公司制", "市场化运营", null, null),
                system,
                true);
        var preparing = communities.create(
                new CommunityService.CommunityForm(
                        MARK + "冠县纺织服装创新创业共同体",
                        "371525",
                        "TEXTILES_APPAREL",
                        firms.size() > 1 ? firms.get(1).id() : null,
                        "理事会领导下的企业化运营",
                        "会员制",
                        today.plusDays(20),
                        null),
                system,
                true);
        var registered = communities.create(
                new CommunityService.CommunityForm(
                        MARK + "高新区新材料创新创业共同体",
                        "ZONE-HTZ",
                        "NEW_MATERIALS",
                        firms.isEmpty() ? null : firms.get(0).id(),
                        "公司制",
                        "多元投资、市场化运营",
                        today.plusDays(100),
                        null),
                system,
                true);
        communities.transition(
                registered.id(),
                new CommunityService.TransitionRequest(
                        "REGISTERED", null, null, Uscc.compose("52", "371500", "DMNW0001")),
                system);
        var overdue = communities.create(
                new CommunityService.CommunityForm(
                        MARK + "阳谷现代农业创新创业共同体",
                        "371521",
                        "MODERN_AGRICULTURE",
                        null,
                        "民办非企业单位",
                        "会员制",
                        today.plusDays(1),
                        null),
                system,
                true);
        // its deadline has passed: moved into the past directly, as if the period had run out
        communityRows.extendForDemo(overdue.id(), today.minusDays(10));
        for (Organisation o : others.stream().limit(5).toList()) {
            if (o.id() != (registered.leadOrganisationId() == null ? -1 : registered.leadOrganisationId())) {
                communities.addMember(registered.id(), o.id(), "MEMBER", null, system);
            }
        }
        if (firms.size() > 2) {
            communities.addMember(preparing.id(), firms.get(2).id(), "INVESTOR", new BigDecimal("30"), system);
        }
        chains(firms, materials, equipment, bearing);
        audit.record(
                "NETWORK_DEMO_LOADED",
                "network",
                null,
                null,
                Map.of("institutions", 4, "communities", 4, "proposed", proposed.id()));
    }

    private void chains(List<Organisation> firms, Institution materials, Institution equipment, Institution bearing) {
        Actor system = Actor.SYSTEM;
        String[][] newMaterials = {
            {"UPSTREAM", "铝土矿与氧化铝", "STRONG", "", "本地氧化铝产能充足"},
            {"UPSTREAM", "高纯金属原料", "GAP", "高纯铝提纯工艺", ""},
            {"MIDSTREAM", "高性能复合材料", "STRONG", "", "新材料专业研究所成果"},
            {"MIDSTREAM", "特种合金", "GAP", "高强韧铝合金热处理", "高校合作"},
            {"DOWNSTREAM", "轻量化汽车部件", "EXTEND", "一体化压铸模具", ""}
        };
        String[][] equipmentChain = {
            {"UPSTREAM", "轴承钢与基础件", "STRONG", "", "临清轴承产业集群"},
            {"MIDSTREAM", "精密轴承", "STRONG", "高端轴承寿命与精度", "联合创新中心"},
            {"MIDSTREAM", "数控系统", "GAP", "国产数控系统可靠性", ""},
            {"DOWNSTREAM", "智能制造成套装备", "EXTEND", "系统集成能力", "创新中心"}
        };
        long[] a = nodes("NEW_MATERIALS", newMaterials, system);
        long[] b = nodes("HIGH_END_EQUIPMENT", equipmentChain, system);
        chains.link(a[2], null, materials.id(), system);
        chains.link(b[1], null, bearing.id(), system);
        chains.link(b[3], null, equipment.id(), system);
        for (int i = 0; i < firms.size() && i < 4; i++) {
            chains.link(a[i % a.length], firms.get(i).id(), null, system);
            chains.link(b[i % b.length], firms.get(i).id(), null, system);
        }
    }

    private long[] nodes(String industry, String[][] rows, Actor system) {
        long[] ids = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = chains.addNode(
                    industry,
                    new ChainService.NodeForm(
                            rows[i][0],
                            MARK + rows[i][1],
                            rows[i][2],
                            rows[i][3].isEmpty() ? null : rows[i][3],
                            rows[i][4].isEmpty() ? null : rows[i][4],
                            i),
                    system,
                    true);
        }
        return ids;
    }

    private Institution institution(
            String name,
            String kind,
            String mode,
            String county,
            String industry,
            String field,
            int staff,
            List<String> moves) {
        Institution i = institutions.create(
                new InstitutionService.InstitutionForm(name, kind, mode, county, industry, field, staff, null, null),
                Actor.SYSTEM,
                true);
        for (String to : moves) {
            institutions.transition(i.id(), to, "示例数据", Actor.SYSTEM);
        }
        return i;
    }

    /** One-call demo removal: network demo rows go before the sample organisations they refer to. */
    @EventListener
    @Transactional
    public void on(DemoDataRemoving event) {
        int chainNodes = chains.deleteDemo();
        int c = communityRows.deleteDemo();
        int i = institutionRows.deleteDemo();
        if (chainNodes + c + i > 0) {
            audit.record("NETWORK_DEMO_REMOVED", "network", null, null, Map.of("institutions", i, "communities", c));
        }
    }
}
