package org.gongtong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** The public portal without an account, and the editors' workflow behind it. */
@IntegrationTest
class PortalIT {

    static final Actor EDITOR = new Actor(1, "admin", "admin", Role.ADMIN, null, null);
    static final Actor STAFF = new Actor(2, "staff", "staff", Role.INSTITUTE_STAFF, 1L, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Cms cms;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anyoneReadsTheHomeTheSeedPolicyAndTheSitemapWithoutAnAccount() throws Exception {
        String home = page("/portal");
        assertThat(home)
                .contains("聊城产业技术研究院", "“1+N”", PortalDemoData.SEED_TITLE)
                .contains("<meta name=\"description\"");
        String policy = page("/portal/policies/" + PortalDemoData.SEED_SLUG);
        assertThat(policy).contains("聊城市人民政府", "附件1", "/cultivation", "<title>" + PortalDemoData.SEED_TITLE);
        assertThat(page("/portal/policies")).contains(PortalDemoData.SEED_TITLE);
        assertThat(page("/sitemap.xml")).contains("/portal/policies/" + PortalDemoData.SEED_SLUG);
        assertThat(page("/portal/search?q=" + "创新创业共同体")).contains(PortalDemoData.SEED_TITLE);
        page("/portal/services");
        page("/portal/register");
        // the back office is not public
        mvc.perform(get("/portal/admin/articles")).andExpect(status().is3xxRedirection());
    }

    @Test
    void draftReviewScheduledPublishUnpublishWithVersionsAndSanitisedBody() throws Exception {
        String title = Api.unique("新闻");
        Article a = cms.create(
                ArticleForm.of(
                        Section.NEWS,
                        title,
                        null,
                        "<p>正文</p><script>alert('x')</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">链接</a>"),
                STAFF);
        assertThat(a.bodyHtml())
                .doesNotContain("<script", "onerror", "javascript:")
                .contains("<p>正文</p>");
        assertThat(a.status()).isEqualTo(ArticleStatus.DRAFT);
        mvc.perform(get(a.path())).andExpect(status().isNotFound());

        // publishing skips no step
        assertThatThrownBy(() -> cms.publish(a.id(), null, null, EDITOR))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        cms.submit(a.id(), null, STAFF);
        Instant at = clock.instant().plus(Duration.ofDays(2));
        Article scheduled = cms.publish(a.id(), null, at, EDITOR);
        assertThat(scheduled.status()).isEqualTo(ArticleStatus.SCHEDULED);
        mvc.perform(get(a.path())).andExpect(status().isNotFound());
        assertThat(page("/portal/news")).doesNotContain(title);

        // the clock reaches the time: public, listed, in the sitemap
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(page(a.path())).contains(title, "<p>正文</p>").doesNotContain("alert(");
        assertThat(page("/portal/news")).contains(title);
        assertThat(page("/sitemap.xml")).contains(a.path());

        // unpublish needs a reason, then it is gone from every public page
        assertThatThrownBy(() -> cms.unpublish(a.id(), null, " ", EDITOR)).isInstanceOf(DomainException.class);
        cms.unpublish(a.id(), null, "内容有误", EDITOR);
        mvc.perform(get(a.path())).andExpect(status().isNotFound());
        assertThat(page("/portal/search?q=" + title)).doesNotContain(a.path());

        // edited again as a draft; the history keeps every step
        cms.update(a.id(), ArticleForm.of(Section.NEWS, title + "（修订）", "摘要", "<p>修订</p>"), null, STAFF);
        assertThat(cms.versions(a.id(), EDITOR))
                .extracting(ArticleVersion::action)
                .containsExactly("EDITED", "UNPUBLISHED", "SCHEDULED", "SUBMITTED", "CREATED");
        assertThat(cms.versions(a.id(), EDITOR).get(1).note()).isEqualTo("内容有误");
    }

    @Test
    void onlyEditorsEdit() {
        Actor enterprise = new Actor(3, "e", "e", Role.ENTERPRISE_USER, 1L, null);
        assertThatThrownBy(() -> cms.create(ArticleForm.of(Section.NEWS, "x", null, "<p>x</p>"), enterprise))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void editorsUseTheFormsWithoutJavaScript() throws Exception {
        String title = Api.unique("表单");
        ResultActions created = mvc.perform(
                        post("/portal/admin/articles")
                                .with(org.gongtong.identity.TestActors.as(STAFF))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("section", "POLICY")
                                .param("title", title)
                                .param("issuer", "聊城市科学技术局")
                                .param("docNumber", "聊科字〔2026〕1号")
                                .param("issuedOn", "2026-01-05")
                                .param("bodyHtml", "<p>全文</p><script>x()</script>")
                                .param("appliedBy", "小升高|/cultivation\n坏链接|javascript:alert(1)"))
                .andExpect(status().is3xxRedirection());
        String location = created.andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Article a = cms.find(id);
        assertThat(a.bodyHtml()).isEqualTo("<p>全文</p>");
        assertThat(a.appliedByLinks()).extracting(Article.Link::url).containsExactly("/cultivation", null);
        mvc.perform(
                        post("/portal/admin/articles/" + id + "/submit")
                                .with(org.gongtong.identity.TestActors.as(STAFF))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(
                        post("/portal/admin/articles/" + id + "/publish")
                                .with(org.gongtong.identity.TestActors.as(EDITOR))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(a.path()))
                .contains(title, "聊科字〔2026〕1号", "href=\"/cultivation\"")
                .doesNotContain("javascript:");
    }

    @Test
    void eventRegistrationStopsAtCapacity() {
        String title = Api.unique("路演");
        Article a = cms.create(
                new ArticleForm(
                        Section.EVENT,
                        null,
                        title,
                        null,
                        "<p>路演</p>",
                        null,
                        null,
                        null,
                        null,
                        null,
                        clock.instant().plus(Duration.ofDays(3)),
                        "高新区",
                        1,
                        false),
                STAFF);
        cms.submit(a.id(), null, STAFF);
        cms.publish(a.id(), null, null, EDITOR);
        cms.registerForEvent(a.slug(), "张三", "某企业", "0635-1234567");
        assertThatThrownBy(() -> cms.registerForEvent(a.slug(), "李四", null, "13800000000"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("portal.event.full"));
        assertThat(cms.registrationCount(a.id())).isEqualTo(1);
    }
}
