package org.gongtong.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The pages, through a real form login and session, with CSRF on. */
@IntegrationTest
class PagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @Test
    void loginPageRenders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("name=\"username\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void pagesRedirectToLoginWhenSignedOut() throws Exception {
        mvc.perform(get("/organisations"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void wrongPasswordStaysSignedOut() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("Wrong#Pass1"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void lockedAccountIsToldSoOnTheLoginPage() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", null);
        Api.User user = api.createUser("ENTERPRISE_USER", org, null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user.username()).password("Wrong#Pass" + i))
                    .andExpect(unauthenticated());
        }
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(user.username()).password(Api.PASSWORD))
                        .andExpect(unauthenticated())
                        .andExpect(redirectedUrl("/login?error"))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("账户已被锁定")));
    }

    @Test
    void homeShowsTheGroups() throws Exception {
        mvc.perform(get("/").session(login("admin", Api.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("聊城产业技术研究院建设工作领导小组")))
                .andExpect(content().string(containsString("聊城产业技术研究院建设工作推进小组")));
    }

    @Test
    void groupPageListsAnnex1() throws Exception {
        MockHttpSession session = login("admin", Api.ADMIN_PASSWORD);
        long id = jdbc.queryForObject("SELECT id FROM org_group WHERE code = 'LEADING'", Long.class);
        mvc.perform(get("/groups/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("郭建民")))
                .andExpect(content().string(containsString("商 华")))
                .andExpect(content().string(containsString("市委组织部副部长、编办主任")));
    }

    @Test
    void organisationListFilters() throws Exception {
        String tag = Api.unique("页面筛选");
        Map<String, Object> a = Api.organisation("RESEARCH", "371581");
        a.put("name", tag + "研究所");
        api.createOrganisation(a);
        Map<String, Object> b = Api.organisation("ENTERPRISE", "371581");
        b.put("name", tag + "公司");
        api.createOrganisation(b);
        MockHttpSession session = login("admin", Api.ADMIN_PASSWORD);
        mvc.perform(get("/organisations")
                        .param("q", tag)
                        .param("kind", "RESEARCH")
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + "研究所")))
                .andExpect(content().string(not(containsString(tag + "公司"))));
        mvc.perform(get("/organisations").param("q", tag).param("county", "临清市").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + "研究所")))
                .andExpect(content().string(containsString(tag + "公司")));
        mvc.perform(get("/organisations")
                        .param("q", tag)
                        .param("county", "371502")
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(tag + "研究所"))))
                .andExpect(content().string(not(containsString(tag + "公司"))));
    }

    @Test
    void badUsccReRendersTheFormWithTheInlineMessage() throws Exception {
        String name = Api.unique("页面登记");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
        mvc.perform(post("/organisations")
                        .session(login("admin", Api.ADMIN_PASSWORD))
                        .with(csrf())
                        .param("name", name)
                        .param("kind", "ENTERPRISE")
                        .param("uscc", "91350100M000100Y44"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"uscc-error\"")))
                .andExpect(content().string(containsString("校验码不正确")))
                // what was typed comes back
                .andExpect(content().string(containsString(name)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class))
                .isEqualTo(before);
    }

    @Test
    void validFormRegistersAndRedirectsToTheDetail() throws Exception {
        String name = Api.unique("页面登记成功");
        mvc.perform(post("/organisations")
                        .session(login("admin", Api.ADMIN_PASSWORD))
                        .with(csrf())
                        .param("name", name)
                        .param("kind", "SERVICE")
                        .param("uscc", Api.uscc())
                        .param("county", "371502"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/organisations/*?saved"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name = ?", Long.class, name))
                .isEqualTo(1);
    }

    @Test
    void postWithoutCsrfIsForbidden() throws Exception {
        String name = Api.unique("无令牌");
        MockHttpSession session = login("admin", Api.ADMIN_PASSWORD);
        mvc.perform(post("/organisations").session(session).param("name", name).param("kind", "SERVICE"))
                .andExpect(status().isForbidden());
        // a signed-in browser session cannot reach the API without the token either
        mvc.perform(post("/api/v1/organisations")
                        .session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.write(Map.of("name", name, "kind", "SERVICE"))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name = ?", Long.class, name))
                .isZero();
    }

    @Test
    void userAdministrationIsForAdministratorsOnly() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", null);
        Api.User user = api.createUser("ENTERPRISE_USER", org, null);
        MockHttpSession session = login(user.username(), Api.PASSWORD);
        mvc.perform(get("/organisations").session(session)).andExpect(status().isOk());
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
        // the form login itself is audited
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE actor = ?", String.class, user.username()))
                .contains("LOGIN");
        mvc.perform(get("/admin/users").param("q", user.username()).session(login("admin", Api.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(user.username())));
    }

    @Test
    void englishSwitchAppliesAtOnceAndSticks() throws Exception {
        var first = mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andReturn();
        var cookie = first.getResponse().getCookie("lang");
        assertThat(cookie).isNotNull();
        mvc.perform(get("/login").cookie(cookie)).andExpect(content().string(containsString("lang=\"en\"")));
        mvc.perform(get("/login")).andExpect(content().string(containsString("lang=\"zh\"")));
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(authenticated().withUsername(username))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
