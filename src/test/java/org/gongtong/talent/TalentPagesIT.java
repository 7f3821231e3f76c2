package org.gongtong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.Role;
import org.gongtong.identity.TestActors;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The talent pages: appoint with inline refusals, then report, evaluate and end on the appointment's page. */
@IntegrationTest
class TalentPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Registry registry;

    @Autowired
    JdbcTemplate jdbc;

    private MockHttpServletResponse send(MockHttpServletRequestBuilder r, RequestPostProcessor who) throws Exception {
        return mvc.perform(r.with(who).with(csrf())).andReturn().getResponse();
    }

    @Test
    void anEnterpriseAppointsACommissionerFilesAReportEvaluatesAndEndsIt() throws Exception {
        long university = registry.register(
                        OrganisationForm.of(Api.unique("大学"), "UNIVERSITY", null, "371502", null), false)
                .id();
        long firm = registry.register(
                        OrganisationForm.of(Api.unique("企业"), "ENTERPRISE", null, "371526", "NEW_MATERIALS"), false)
                .id();
        long other = registry.register(
                        OrganisationForm.of(Api.unique("企业"), "ENTERPRISE", null, "371526", "NEW_MATERIALS"), false)
                .id();
        RequestPostProcessor host = TestActors.as(TestActors.actor(Role.ENTERPRISE_USER, firm, "371526"));
        RequestPostProcessor stranger = TestActors.as(TestActors.actor(Role.ENTERPRISE_USER, other, "371526"));
        LocalDate start = LocalDate.now().minusMonths(8);
        String person = Api.unique("特派员");

        // end before start: refused inline, what was typed is kept, nothing stored
        MockHttpServletResponse refused = send(
                post("/talent")
                        .param("programme", "COMMISSIONER")
                        .param("personName", person)
                        .param("homeOrgId", String.valueOf(university))
                        .param("hostOrgId", String.valueOf(firm))
                        .param("startsOn", start.toString())
                        .param("endsOn", start.minusDays(1).toString()),
                host);
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("任期结束须晚于开始").contains(person);
        assertThat(count(person)).isZero();

        // another enterprise may not record an appointment of this firm
        assertThat(send(appoint(person, university, firm, start), stranger).getStatus())
                .isEqualTo(403);
        assertThat(count(person)).isZero();

        MockHttpServletResponse created = send(appoint(person, university, firm, start), host);
        assertThat(created.getStatus()).isEqualTo(302);
        String page = created.getRedirectedUrl();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        assertThat(mvc.perform(get(page).with(host)).andReturn().getResponse().getContentAsString())
                .contains(person)
                .contains("科技特派员")
                .contains("报告缺交") // eight months in, reporting every six: one report due, none filed
                .contains("提交报告");

        assertThat(send(
                                post(page + "/reports")
                                        .param("periodEnd", start.plusMonths(6).toString()),
                                host)
                        .getContentAsString())
                .contains("此项必填"); // no summary
        assertThat(send(
                                post(page + "/reports")
                                        .param("periodEnd", start.plusMonths(6).toString())
                                        .param("summary", "走访企业 12 次，解决工艺问题 3 项"),
                                host)
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(post(page + "/evaluation").param("grade", "GOOD"), host).getStatus())
                .isEqualTo(302);
        assertThat(send(post(page + "/end"), host).getContentAsString()).contains("此项必填");
        assertThat(send(post(page + "/end").param("reason", "任期内提前完成"), host).getStatus())
                .isEqualTo(302);

        String after =
                mvc.perform(get(page).with(host)).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("走访企业 12 次").contains("良好").contains("已结束").doesNotContain("提交报告");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'talent_appointment' AND entity_id = ?",
                        Integer.class,
                        String.valueOf(id)))
                .isEqualTo(4); // created, report, evaluated, ended
        assertThat(mvc.perform(get("/talent").with(host))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/talent/" + id);
    }

    private static MockHttpServletRequestBuilder appoint(String person, long home, long host, LocalDate start) {
        return post("/talent")
                .param("programme", "COMMISSIONER")
                .param("personName", person)
                .param("homeOrgId", String.valueOf(home))
                .param("hostOrgId", String.valueOf(host))
                .param("startsOn", start.toString())
                .param("endsOn", start.plusYears(2).toString())
                .param("expertise", "高分子材料 改性")
                .param("reportEveryMonths", "6");
    }

    private int count(String person) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM talent_appointment WHERE person_name = ?", Integer.class, person);
    }
}
