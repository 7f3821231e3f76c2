package org.gongtong.market;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.insight.Totals;
import org.gongtong.registry.DemoDataRemoving;
import org.gongtong.search.SearchDocumentRemoved;
import org.gongtong.search.Visibility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A handful of sample needs, results and experts (marked 示例), loaded once, removable with the registry's demo data. */
@Component
@Order(30)
class MarketDemoData implements ApplicationRunner {

    private final boolean enabled;
    private final Market market;
    private final OrganisationDirectory directory;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Totals totals;

    MarketDemoData(
            @Value("${gongtong.demo-data:true}") boolean enabled,
            Market market,
            OrganisationDirectory directory,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Totals totals) {
        this.totals = totals;
        this.enabled = enabled;
        this.market = market;
        this.directory = directory;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled
                || jdbc.sql("SELECT COUNT(*) FROM tech_need WHERE demo = TRUE")
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        Long university = directory.lookupByName("聊城大学", 1).stream()
                .map(o -> o.id())
                .findFirst()
                .orElse(null);
        Long enterprise = directory.lookupByName("示例", 20).stream()
                .filter(o -> "ENTERPRISE".equals(o.kind()))
                .map(o -> o.id())
                .findFirst()
                .orElse(university);
        if (university == null || enterprise == null) {
            return;
        }
        Actor system = Actor.SYSTEM;
        List<Cooperation> transfer = List.of(Cooperation.TRANSFER, Cooperation.LICENCE);
        market.createResult(
                new ResultForm(
                        "高强度缝合复合材料层合板静力分析方法（示例）",
                        "提出考虑缝线引起面内纤维弯曲的缝合复合材料层合板等效刚度模型，在较粗网格下准确预测四边固支层合板受载后的变形与应力，计算效率较常规有限元细化网格提高一个数量级。",
                        6,
                        "发明专利 1 项",
                        "新材料",
                        "复合材料",
                        transfer,
                        new BigDecimal("300000"),
                        null,
                        Visibility.PUBLIC,
                        university),
                system,
                true);
        market.createResult(
                new ResultForm(
                        "分布式异常交易检测算法（示例）",
                        "面向海量交易记录的分布式离群点检测算法：按数据分布动态划分任务，均衡集群各节点负载，以局部摘要代替原始数据传输，显著降低节点间通信开销。",
                        5,
                        "软件著作权 2 项",
                        "信息技术",
                        "大数据",
                        List.of(Cooperation.JOINT_DEVELOPMENT, Cooperation.LICENCE),
                        null,
                        "面议",
                        Visibility.PUBLIC,
                        university),
                system,
                true);
        market.createResult(
                new ResultForm(
                        "果蔬减压贮藏保鲜技术（示例）",
                        "利用低压环境降低果蔬呼吸强度并排除乙烯，结合预冷与湿度控制延长贮藏期，适用于冷库改造。",
                        7,
                        "实用新型专利 3 项",
                        "现代高效农业",
                        "农产品加工",
                        transfer,
                        new BigDecimal("150000"),
                        null,
                        Visibility.PUBLIC,
                        university),
                system,
                true);
        market.createExpert(
                new Market.ExpertForm(
                        university, "张教授（示例）", "教授", "复合材料力学；结构有限元分析", "长期从事复合材料层合板力学性能与数值模拟研究。", "为多家轨道交通企业提供结构分析咨询"),
                system,
                true);
        market.createExpert(
                new Market.ExpertForm(university, "李研究员（示例）", "研究员", "农产品贮藏保鲜；采后生理", "研究果蔬采后生理与贮藏保鲜工艺。", null),
                system,
                true);
        market.createNeed(
                new NeedForm(
                        "冷库果蔬保鲜期短（示例）",
                        "我公司冷库贮藏的苹果、梨三个月后腐烂率高，希望引进延长保鲜期的贮藏技术，可技术转让或委托开发。",
                        "现代高效农业",
                        "农产品加工",
                        new BigDecimal("100000"),
                        new BigDecimal("500000"),
                        List.of(Cooperation.TRANSFER, Cooperation.COMMISSIONED),
                        null,
                        Visibility.PUBLIC,
                        enterprise),
                system,
                true);
        market.createNeed(
                new NeedForm(
                        "复合材料板件变形预测（示例）",
                        "轨道车辆内饰用缝合纤维复合材料板，四边夹紧，需要预测受载变形和应力，现有有限元建模误差大、计算慢。",
                        "新材料",
                        "复合材料",
                        null,
                        null,
                        List.of(Cooperation.JOINT_DEVELOPMENT),
                        null,
                        Visibility.MEMBERS,
                        enterprise),
                system,
                true);
    }

    @EventListener
    @Transactional
    void remove(DemoDataRemoving event) {
        for (Map.Entry<String, String> t : Map.of(
                        "tech_need", Market.NEED, "tech_result", Market.RESULT, "expert", Market.EXPERT)
                .entrySet()) {
            for (Long id : jdbc.sql("SELECT id FROM " + t.getKey() + " WHERE demo = TRUE")
                    .query(Long.class)
                    .list()) {
                events.publishEvent(new SearchDocumentRemoved(t.getValue(), String.valueOf(id)));
            }
        }
        jdbc.sql("DELETE FROM tech_contract WHERE demo = TRUE OR brokerage_id IN (SELECT b.id FROM brokerage b"
                        + " JOIN tech_need n ON n.id = b.need_id WHERE n.demo = TRUE)")
                .update();
        totals.changed("tech_contract");
        jdbc.sql("DELETE FROM brokerage WHERE demo = TRUE OR need_id IN (SELECT id FROM tech_need WHERE demo = TRUE)"
                        + " OR result_id IN (SELECT id FROM tech_result WHERE demo = TRUE)"
                        + " OR expert_id IN (SELECT id FROM expert WHERE demo = TRUE)")
                .update();
        totals.changed("brokerage");
        jdbc.sql("DELETE FROM patent WHERE demo = TRUE OR result_id IN (SELECT id FROM tech_result WHERE demo = TRUE)")
                .update();
        jdbc.sql("DELETE FROM tech_need WHERE demo = TRUE").update();
        totals.changed("tech_need");
        jdbc.sql("DELETE FROM tech_result WHERE demo = TRUE").update();
        totals.changed("tech_result");
        jdbc.sql("DELETE FROM expert WHERE demo = TRUE").update();
    }
}
