package org.gongtong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchIndex;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public search runs with the anonymous scope: a confidential need indexed by the market is
 * never hit, counted or shown on any public page; portal content is found exactly while public.
 */
@IntegrationTest
class PublicSearchIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SearchIndex index;

    @Autowired
    Cms cms;

    @Autowired
    TestClock clock;

    @Autowired
    org.gongtong.market.Market market;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String word() {
        Random r = new Random();
        StringBuilder sb = new StringBuilder("kw");
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aConfidentialNeedIsInvisibleOnEveryPublicPageAndInThePublicSearch() throws Exception {
        String w = word();
        String open = "公开需求 " + w;
        String secret = "保密需求 " + w;
        String members = "会员需求 " + w;
        index.index(new SearchDocument(
                "need", w + "-1", open, "新材料 " + w, 1L, Visibility.PUBLIC, null, null, Map.of(), Map.of()));
        index.index(new SearchDocument(
                "need", w + "-2", secret, "新材料 " + w, 1L, Visibility.INSTITUTE_ONLY, null, null, Map.of(), Map.of()));
        index.index(new SearchDocument(
                "need", w + "-3", members, "新材料 " + w, 1L, Visibility.MEMBERS, null, null, Map.of(), Map.of()));

        String hits = page("/portal/search?q=" + w);
        assertThat(hits).contains(open).doesNotContain(secret, members);
        for (String path : List.of(
                "/portal",
                "/portal/news",
                "/portal/policies",
                "/portal/practices",
                "/portal/events",
                "/portal/services",
                "/sitemap.xml",
                "/portal/search?q=" + w + "&section=news")) {
            assertThat(page(path)).as(path).doesNotContain(secret, members);
        }
    }

    @Test
    void portalContentIsFoundOnlyWhilePublic() throws Exception {
        String w = word();
        Actor editor = new Actor(1, "admin", "admin", Role.ADMIN, null, null);
        Article a = cms.create(ArticleForm.of(Section.POLICY, "政策 " + w, null, "<p>科技成果转化 " + w + "</p>"), editor);
        assertThat(page("/portal/search?q=" + w)).doesNotContain(a.path());
        cms.submit(a.id(), null, editor);
        cms.publish(a.id(), null, clock.instant().plus(Duration.ofHours(1)), editor);
        assertThat(page("/portal/search?q=" + w)).doesNotContain(a.path());
        clock.advance(Duration.ofHours(2));
        assertThat(page("/portal/search?q=" + w)).contains(a.path());
        assertThat(page("/portal/search?q=" + w + "&section=policies")).contains(a.path());
        assertThat(page("/portal/search?q=" + w + "&section=news")).doesNotContain(a.path());
        cms.unpublish(a.id(), null, "过时", editor);
        assertThat(page("/portal/search?q=" + w)).doesNotContain(a.path());
    }

    @Test
    void onlyPublicResultsAndOpenPublicNeedsReachThePortal() throws Exception {
        String w = word();
        long owner = new org.gongtong.Api(mvc, json).createOrganisation("ENTERPRISE", "ZONE-HTZ");
        Actor admin = new Actor(1, "admin", "admin", Role.ADMIN, null, null);
        java.util.Map<Visibility, Long> results = new java.util.EnumMap<>(Visibility.class);
        java.util.Map<Visibility, Long> needs = new java.util.EnumMap<>(Visibility.class);
        for (Visibility v : List.of(Visibility.INSTITUTE_ONLY, Visibility.MEMBERS, Visibility.PUBLIC)) {
            results.put(
                    v,
                    market.createResult(
                                    new org.gongtong.market.ResultForm(
                                            "成果" + v + " " + w,
                                            "减压贮藏保鲜技术 " + w,
                                            6,
                                            null,
                                            "现代高效农业",
                                            null,
                                            List.of(org.gongtong.market.Cooperation.LICENCE),
                                            null,
                                            null,
                                            v,
                                            owner),
                                    admin)
                            .id());
        }
        long closed = market.createNeed(
                        new org.gongtong.market.NeedForm(
                                "需求CLOSED " + w,
                                "已过截止日期 " + w,
                                "现代高效农业",
                                null,
                                null,
                                null,
                                List.of(org.gongtong.market.Cooperation.TRANSFER),
                                java.time.LocalDate.now(clock).minusDays(1),
                                Visibility.PUBLIC,
                                owner),
                        admin)
                .id();
        for (Visibility v : List.of(Visibility.INSTITUTE_ONLY, Visibility.MEMBERS, Visibility.PUBLIC)) {
            needs.put(
                    v,
                    market.createNeed(
                                    new org.gongtong.market.NeedForm(
                                            "需求" + v + " " + w,
                                            "冷库保鲜 " + w,
                                            "现代高效农业",
                                            null,
                                            null,
                                            null,
                                            List.of(org.gongtong.market.Cooperation.TRANSFER),
                                            java.time.LocalDate.now(clock).plusDays(30),
                                            v,
                                            owner),
                                    admin)
                            .id());
        }
        String publicResult = "成果PUBLIC " + w;
        String publicNeed = "需求PUBLIC " + w;
        List<String> hidden =
                List.of("成果INSTITUTE_ONLY " + w, "成果MEMBERS " + w, "需求INSTITUTE_ONLY " + w, "需求MEMBERS " + w);

        assertThat(page("/portal")).contains(publicResult, publicNeed).doesNotContain(hidden);
        assertThat(page("/portal")).doesNotContain("需求CLOSED " + w);
        assertThat(page("/portal/market/results?q=" + w)).contains(publicResult).doesNotContain(hidden);
        assertThat(page("/portal/market/needs?q=" + w))
                .contains(publicNeed)
                .doesNotContain(hidden)
                .doesNotContain("需求CLOSED " + w);
        assertThat(page("/portal/market/results?q=" + w + "&industry="
                        + java.net.URLEncoder.encode("新一代信息技术", StandardCharsets.UTF_8)))
                .doesNotContain(publicResult);
        assertThat(page("/portal/market/results/" + results.get(Visibility.PUBLIC)))
                .contains(publicResult, "减压贮藏保鲜技术", "6");
        assertThat(page("/portal/market/needs/" + needs.get(Visibility.PUBLIC))).contains(publicNeed, "冷库保鲜");
        for (Visibility v : List.of(Visibility.INSTITUTE_ONLY, Visibility.MEMBERS)) {
            mvc.perform(get("/portal/market/results/" + results.get(v))).andExpect(status().isNotFound());
            mvc.perform(get("/portal/market/needs/" + needs.get(v))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/portal/market/needs/" + closed)).andExpect(status().isNotFound());
        assertThat(page("/sitemap.xml"))
                .contains("/portal/market/results/" + results.get(Visibility.PUBLIC))
                .contains("/portal/market/needs/" + needs.get(Visibility.PUBLIC))
                .doesNotContain("/portal/market/results/" + results.get(Visibility.MEMBERS) + "<")
                .doesNotContain("/portal/market/needs/" + needs.get(Visibility.INSTITUTE_ONLY) + "<");

        // a public search hit of a result or need links to its portal page
        index.index(new SearchDocument(
                "result",
                String.valueOf(results.get(Visibility.PUBLIC)),
                publicResult,
                "减压贮藏 " + w,
                owner,
                Visibility.PUBLIC,
                null,
                null,
                Map.of(),
                Map.of()));
        assertThat(page("/portal/search?q=" + w))
                .contains("/portal/market/results/" + results.get(Visibility.PUBLIC))
                .doesNotContain(hidden);
    }
}
