package org.gongtong.registry.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.gongtong.registry.DemoDataLoader;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.gongtong.registry.Uscc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start with {@code GONGTONG_DEMO_DATA} (default true): the seed's own structure (the
 * institute, its builder, the leading and promotion groups of Annex 1 and 2 verbatim) and a few
 * dozen sample organisations of each element. Sample organisations are flagged {@code demo} and
 * named as samples (示例); they can be removed with one call.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int PER_KIND = 24;

    private final boolean enabled;
    private final DemoDataLoader loader;
    private final Registry registry;
    private final ReferenceData reference;

    DemoData(
            @Value("${gongtong.demo-data:true}") boolean enabled,
            DemoDataLoader loader,
            Registry registry,
            ReferenceData reference) {
        this.enabled = enabled;
        this.loader = loader;
        this.registry = registry;
        this.reference = reference;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (loader.repairTally()) {
            log.warn("The organisation tally disagreed with the organisation table (rows changed outside the"
                    + " application?); recounted it");
        }
        if (!enabled || loader.seedLoaded()) {
            return;
        }
        loader.loadSeed(samples());
        log.info("Loaded the seed's groups and {} demo organisations", registry.count());
    }

    /** Plausible sample organisations, generated deterministically so every start looks the same. */
    List<OrganisationForm> samples() {
        Random random = new Random(20191231L);
        List<ReferenceData.County> counties = reference.counties();
        List<ReferenceData.Industry> industries = reference.industries();
        List<OrganisationForm> out = new java.util.ArrayList<>();
        int serial = 1;
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (int i = 0; i < PER_KIND; i++) {
                ReferenceData.County county = counties.get(random.nextInt(counties.size()));
                ReferenceData.Industry industry = industries.get(random.nextInt(industries.size()));
                String place = shortPlace(county.name());
                String name = "（示例）" + place + pick(random, WORDS) + industryWord(industry.code(), random)
                        + suffix(kind, random);
                String division = county.code().startsWith("37") ? county.code() : "371500";
                String body = String.format("DM%06d", serial++);
                String uscc = Uscc.compose(typeCode(kind), division, body);
                int employees = switch (kind) {
                    case ENTERPRISE, USER -> 20 + random.nextInt(800);
                    case UNIVERSITY -> 500 + random.nextInt(3000);
                    default -> 5 + random.nextInt(200);
                };
                BigDecimal revenue = kind == OrganisationKind.ENTERPRISE || kind == OrganisationKind.USER
                        ? BigDecimal.valueOf(1_000_000L + random.nextInt(180_000_000))
                                .setScale(2)
                        : null;
                out.add(new OrganisationForm(
                        name,
                        kind.name(),
                        uscc,
                        county.code(),
                        industry.code(),
                        null,
                        "山东省聊城市" + county.name() + "示例路" + (1 + random.nextInt(300)) + "号",
                        pick(random, SURNAMES) + pick(random, GIVEN),
                        "0635-" + (8000000 + random.nextInt(1999999)),
                        "contact" + serial + "@example.org",
                        LocalDate.of(1990 + random.nextInt(34), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        employees,
                        revenue,
                        BigDecimal.valueOf(500_000L + random.nextInt(50_000_000))
                                .setScale(2),
                        "示例数据，仅用于演示。",
                        null));
            }
        }
        return out;
    }

    private static String typeCode(OrganisationKind kind) {
        return switch (kind) {
            case GOVERNMENT -> "11";
            case UNIVERSITY, RESEARCH -> "12";
            case SERVICE -> "52";
            default -> "91";
        };
    }

    private static String shortPlace(String county) {
        return county.length() > 2 && (county.endsWith("区") || county.endsWith("县") || county.endsWith("市"))
                ? county.substring(0, county.length() - 1)
                : county.length() > 4 ? county.substring(2, 4) : county;
    }

    private static String industryWord(String code, Random r) {
        return switch (code) {
            case "NEW_MATERIALS" -> pick(r, List.of("新材料", "高分子", "复合材料", "纳米材料"));
            case "HIGH_END_EQUIPMENT" -> pick(r, List.of("智能装备", "精密机械", "数控", "轴承"));
            case "NEW_ENERGY_VEHICLES" -> pick(r, List.of("新能源汽车", "动力电池", "电驱", "汽车零部件"));
            case "MEDICAL_HEALTH" -> pick(r, List.of("生物医药", "医疗器械", "健康", "阿胶"));
            case "NONFERROUS_METALS" -> pick(r, List.of("铜业", "铝业", "有色金属", "合金"));
            case "GREEN_CHEMICALS" -> pick(r, List.of("化工", "精细化工", "绿色化学", "新型肥料"));
            case "TEXTILES_APPAREL" -> pick(r, List.of("纺织", "服装", "家纺", "纤维"));
            case "CULTURE_TOURISM" -> pick(r, List.of("文旅", "文化创意", "旅游", "文博"));
            default -> pick(r, List.of("农业科技", "种业", "蔬菜", "智慧农业"));
        };
    }

    private static String suffix(OrganisationKind kind, Random r) {
        return switch (kind) {
            case GOVERNMENT -> pick(r, List.of("产业发展服务中心", "科技创新促进中心", "园区管理办公室"));
            case ENTERPRISE -> pick(r, List.of("科技有限公司", "股份有限公司", "有限公司"));
            case UNIVERSITY -> pick(r, List.of("职业学院", "学院研究中心", "技师学院"));
            case RESEARCH -> pick(r, List.of("研究所", "技术创新中心", "工程技术研究中心"));
            case FINANCE -> pick(r, List.of("创业投资有限公司", "科技小额贷款有限公司", "产业基金管理有限公司"));
            case SERVICE -> pick(r, List.of("知识产权代理有限公司", "技术转移服务中心", "检验检测有限公司", "孵化器有限公司"));
            case USER -> pick(r, List.of("制造有限公司", "集团有限公司", "实业有限公司"));
        };
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static final List<String> WORDS =
            List.of("瑞丰", "恒信", "鲁西", "华泰", "金诺", "润达", "博远", "凤凰", "运河", "水城", "东岳", "聚力", "启明", "宏图", "康源", "新元");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "孙", "马", "周");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "军", "杰", "涛", "明");
}
