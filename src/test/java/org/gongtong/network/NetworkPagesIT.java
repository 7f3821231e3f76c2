package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.platform.Xlsx;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every network and council page renders, forms work with CSRF, refusals show inline. */
@IntegrationTest
class NetworkPagesIT {

    @Autowired
    MockMvc mvc;

    MockHttpSession session;

    @BeforeEach
    void login() throws Exception {
        session =
                (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password(Api.ADMIN_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long firstMeeting() {
        Long id = jdbc.queryForObject("SELECT MIN(id) FROM council_meeting", Long.class);
        return id == null ? 0 : id;
    }

    @Test
    void theDemoMeetingsMinutesShowTheVotesAndTheRecusal() throws Exception {
        Long id = jdbc.queryForObject("SELECT MIN(id) FROM council_meeting WHERE title = '（示例）理事会第一次会议'", Long.class);
        if (id == null) {
            return; // demo data off
        }
        assertThat(page("/council/meetings/" + id + "/minutes"))
                .contains("@media print")
                .contains("该理事所在企业为共建出资方")
                .contains("通过");
    }

    @Test
    void theSecretaryChangesTheVotingRulesOnThePageAndABadFractionIsRefusedInline() throws Exception {
        int audited = rulesAudited();
        try {
            String refused = mvc.perform(post("/council/rules")
                            .session(session)
                            .with(csrf())
                            .param("quorumNum", "3")
                            .param("quorumDen", "2")
                            .param("simpleMajorityNum", "1")
                            .param("simpleMajorityDen", "2")
                            .param("majorMajorityNum", "2")
                            .param("majorMajorityDen", "3")
                            .param("majorMajorityInclusive", "true"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(refused).contains("比例须为 0 到 1 之间的分数");
            assertThat(jdbc.queryForObject("SELECT quorum_num FROM governance_setting WHERE id = 1", Integer.class))
                    .isEqualTo(1);
            assertThat(rulesAudited()).isEqualTo(audited);

            mvc.perform(post("/council/rules")
                            .session(session)
                            .with(csrf())
                            .param("quorumNum", "2")
                            .param("quorumDen", "3")
                            .param("quorumInclusive", "true")
                            .param("simpleMajorityNum", "1")
                            .param("simpleMajorityDen", "2")
                            .param("majorMajorityNum", "3")
                            .param("majorMajorityDen", "4")
                            .param("majorMajorityInclusive", "true"))
                    .andExpect(status().is3xxRedirection());
            assertThat(page("/council")).contains("达到理事的 2/3").contains("达到出席理事的 3/4");
            assertThat(rulesAudited()).isEqualTo(audited + 1);
        } finally {
            jdbc.update("UPDATE governance_setting SET quorum_num = 1, quorum_den = 2, quorum_inclusive = FALSE,"
                    + " simple_num = 1, simple_den = 2, simple_inclusive = FALSE,"
                    + " major_num = 2, major_den = 3, major_inclusive = TRUE WHERE id = 1");
        }
    }

    private int rulesAudited() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'GOVERNANCE_RULES'", Integer.class);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void listsDetailsAndExportsRender() throws Exception {
        for (String path : new String[] {
            "/communities",
            "/communities?overdue=true&status=PREPARING&county=371502",
            "/institutions",
            "/institutions?kind=INNOVATION_CENTRE",
            "/institute",
            "/council",
            "/plan",
            "/chains?industry=HIGH_END_EQUIPMENT",
            "/council/meetings/" + firstMeeting()
        }) {
            assertThat(page(path)).as(path).contains("<main");
        }
        assertThat(page("/communities?county=nowhere")).contains("nowhere");
        mvc.perform(get("/communities/export").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith(Xlsx.CONTENT_TYPE)));
        mvc.perform(get("/institutions/export").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith(Xlsx.CONTENT_TYPE)));
    }

    @Test
    void aCommunityIsProposedPreparedAndRegisteredThroughTheForms() throws Exception {
        String name = Api.unique("页面共同体");
        MvcResult created = mvc.perform(post("/communities")
                        .session(session)
                        .with(csrf())
                        .param("name", name)
                        .param("county", "371525")
                        .param("industry", "TEXTILES_APPAREL"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String url = created.getResponse().getRedirectedUrl();
        assertThat(page(url)).contains(name).contains("已提出");
        mvc.perform(post(url + "/transition").session(session).with(csrf()).param("to", "PREPARING"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("开始筹建须填写筹建期限")));
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60).toString();
        mvc.perform(post(url + "/transition")
                        .session(session)
                        .with(csrf())
                        .param("to", "PREPARING")
                        .param("deadline", deadline))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url + "/transition")
                        .session(session)
                        .with(csrf())
                        .param("to", "REGISTERED")
                        .param("uscc", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("18 位")));
        String uscc = Api.uscc();
        mvc.perform(post(url + "/transition")
                        .session(session)
                        .with(csrf())
                        .param("to", "REGISTERED")
                        .param("uscc", uscc))
                .andExpect(status().is3xxRedirection());
        String detail = page(url);
        assertThat(detail).contains("已登记").contains(uscc).contains("id=\"timeline\"");
    }

    @Test
    void anInstitutionIsRegisteredMovedAndItsFiguresRecorded() throws Exception {
        String name = Api.unique("页面研究所");
        MvcResult created = mvc.perform(post("/institutions")
                        .session(session)
                        .with(csrf())
                        .param("name", name)
                        .param("kind", "SPECIALISED_INSTITUTE")
                        .param("establishmentMode", "NEW_BUILD")
                        .param("county", "371502"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String url = created.getResponse().getRedirectedUrl();
        mvc.perform(post(url + "/transition")
                        .session(session)
                        .with(csrf())
                        .param("to", "APPROVED")
                        .param("reason", "批复"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url + "/partners")
                        .session(session)
                        .with(csrf())
                        .param("name0", "甲")
                        .param("share0", "50"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("100%")));
        mvc.perform(post(url + "/figures")
                        .session(session)
                        .with(csrf())
                        .param("year", "2024")
                        .param("rndSpend", "1,000,000")
                        .param("contractRevenue", "500000"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(url)).contains("已批准").contains("1,000,000.00").contains("批复");
    }
}
