package org.gongtong.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.gongtong.identity.Actor;
import org.gongtong.registry.DemoDataRemoving;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The seed itself as a policy (real: kept when demo data is removed) and a few sample news items,
 * a good-practice piece and an upcoming event, all marked （示例） and removed on
 * {@link DemoDataRemoving}.
 */
@Component
@Order(30)
class PortalDemoData implements ApplicationRunner {

    static final String SEED_TITLE = "关于建立聊城产业技术研究院打造“政产学研金服用”创新创业共同体推进方案";
    static final String SEED_SLUG = "liaocheng-institute-community-plan";

    private static final Logger log = LoggerFactory.getLogger(PortalDemoData.class);

    private final boolean enabled;
    private final Cms cms;
    private final Clock clock;

    PortalDemoData(@Value("${gongtong.demo-data:true}") boolean enabled, Cms cms, Clock clock) {
        this.enabled = enabled;
        this.cms = cms;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!cms.exists(Section.POLICY, SEED_TITLE)) {
            loadSeed();
        }
        if (!enabled || cms.exists(Section.NEWS, "（示例）聊城产研院共同体门户上线")) {
            return;
        }
        Actor system = Actor.SYSTEM;
        publish(
                ArticleForm.of(
                        Section.NEWS,
                        "（示例）聊城产研院共同体门户上线",
                        "门户集中发布通知公告、政策文件、典型经验和活动，机构可在线注册。",
                        "<p>（示例）聊城产业技术研究院“政产学研金服用”创新创业共同体门户上线，集中发布通知公告、政策文件、典型经验和活动路演信息。</p>"
                                + "<p>企业、高校、科研机构、金融机构和服务机构可通过<a href=\"/portal/register\">机构注册</a>申请加入。</p>"),
                system);
        publish(
                ArticleForm.of(
                        Section.NEWS,
                        "（示例）关于征集2026年度企业技术需求的通知",
                        "面向“九大”产业征集企业技术需求。",
                        "<p>（示例）为精准对接产学研资源，现面向全市“九大”产业企业征集技术需求，请于本月底前通过平台提交。</p>"),
                system);
        publish(
                ArticleForm.of(
                        Section.PRACTICE,
                        "（示例）县域共同体“揭榜挂帅”对接企业需求",
                        "以企业需求为导向组织高校院所揭榜攻关的做法。",
                        "<p>（示例）某县依托共同体，把企业技术需求整理成榜单，组织高校院所揭榜攻关，形成“企业出题、院所答题、政府助题”的工作机制。</p>"),
                system);
        LocalDate day = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.ofHours(8))
                .plusDays(14);
        publish(
                new ArticleForm(
                        Section.EVENT,
                        null,
                        "（示例）新材料产业技术成果路演",
                        "新材料领域科技成果路演与投融资对接。",
                        "<p>（示例）邀请高校院所发布新材料领域科技成果，金融机构现场对接。</p>",
                        null,
                        null,
                        null,
                        null,
                        null,
                        day.atTime(14, 30)
                                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                                .toInstant(),
                        "聊城高新区（示例）",
                        100,
                        true),
                system);
        log.info("Loaded the portal's sample content");
    }

    private void loadSeed() {
        String text;
        try (InputStream in = new ClassPathResource("portal/seed.txt").getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("The seed document is missing from the class path: {}", e.toString());
            return;
        }
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(line.strip())).append("</p>\n");
            }
        }
        Article a = cms.insert(
                new ArticleForm(
                        Section.POLICY,
                        SEED_SLUG,
                        SEED_TITLE,
                        "建立聊城产业技术研究院、打造“政产学研金服用”创新创业共同体、5年形成“1+N”产业创新创业体系的推进方案。",
                        html.toString(),
                        "聊城市人民政府",
                        null,
                        null,
                        "小升高培育（高新技术企业、科技型中小企业）|/cultivation\n创新创业母基金与科技成果转化贷款风险补偿|/funds\n机构名录（七要素）|/organisations",
                        null,
                        null,
                        null,
                        null,
                        true),
                Actor.SYSTEM,
                false);
        cms.publishDirectly(a.id(), Actor.SYSTEM);
    }

    private void publish(ArticleForm form, Actor system) {
        Article a = cms.insert(form, system, true);
        cms.publishDirectly(a.id(), system);
    }

    @EventListener
    public void on(DemoDataRemoving event) {
        cms.deleteDemo();
    }
}
