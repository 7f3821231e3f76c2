package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.platform.Xlsx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Every grants page renders for the roles that use it, and every list exports to Excel. */
@IntegrationTest
class GrantPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    Api api;
    GrantsHttp http;
    String admin;
    GrantsFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        http = new GrantsHttp(api);
        admin = api.adminToken();
        fixture = new GrantsFixture(api, http, admin);
    }

    private MvcResult page(String token, String path) throws Exception {
        MvcResult r = mvc.perform(Api.bearer(get(path), token)).andReturn();
        assertThat(r.getResponse().getStatus())
                .as(path + ": " + r.getResponse().getErrorMessage())
                .isEqualTo(200);
        return r;
    }

    private String html(String token, String path) throws Exception {
        return page(token, path).getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void pagesRenderForOfficerApplicantAndReviewerAndListsExport() throws Exception {
        GrantsFixture.Setup s = fixture.programme("3000000");
        long grant = fixture.approved(s, "1000000");
        var view = http.get(admin, "/api/v1/grants/" + grant).body();
        long app = view.get("award").get("applicationId").asLong();

        String fundPage = html(admin, "/grants?fundId=" + s.fundId());
        assertThat(fundPage)
                .contains("3,000,000.00", "1,000,000.00", "id=\"committed-2026\"", "fund/rows?fundId=" + s.fundId());
        String rows = html(admin, "/grants/fund/rows?fundId=" + s.fundId() + "&measure=committed");
        assertThat(rows).contains("id=\"rows-sum\">1,000,000.00", s.applicantName());
        assertThat(html(admin, "/grants/fund/ledger?fundId=" + s.fundId())).contains("1,000,000.00");
        assertThat(html(admin, "/grants/programmes/" + s.programmeId())).contains("ranking-1", s.applicantName());
        assertThat(html(admin, "/grants/programmes/new")).contains("criteria");
        assertThat(html(admin, "/grants/applications?programmeId=" + s.programmeId()))
                .contains("页面测试方案");
        assertThat(html(admin, "/grants/applications/" + app)).contains("versions", s.applicantName());
        assertThat(html(admin, "/grants/awards/" + grant)).contains("assess-form-1", "approve-tranche-1");
        assertThat(html(admin, "/grants/awards")).contains(s.applicantName());
        assertThat(html(admin, "/grants/payments?status=SCHEDULED")).contains(s.applicantName());
        // the applicant sees its own application and grant, without officer actions
        String own = html(s.applicant(), "/grants/applications/" + app);
        assertThat(own).contains("页面测试方案").doesNotContain("start-review");
        assertThat(html(s.applicant(), "/grants/awards/" + grant)).doesNotContain("approve-tranche-1");
        // the reviewer's workspace
        Api.User reviewer = fixture.reviewer();
        assertThat(html(api.token(reviewer.username(), Api.PASSWORD), "/grants/review"))
                .contains("暂无评审任务");

        for (String export : new String[] {
            "/grants/fund/rows.xlsx?fundId=" + s.fundId(),
            "/grants/fund/ledger.xlsx?fundId=" + s.fundId(),
            "/grants/applications.xlsx?programmeId=" + s.programmeId(),
            "/grants/awards.xlsx",
            "/grants/programmes.xlsx",
            "/grants/payments.xlsx?status=SCHEDULED"
        }) {
            MvcResult r = page(admin, export);
            assertThat(r.getResponse().getContentType()).as(export).isEqualTo(Xlsx.CONTENT_TYPE);
            assertThat(r.getResponse().getContentAsByteArray().length)
                    .as(export)
                    .isGreaterThan(100);
        }
    }
}
