package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.platform.Xlsx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The dashboards, reports and graph pages render for the roles that may see them. */
@IntegrationTest
class InsightPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private String page(String path, String token) throws Exception {
        return mvc.perform(Api.bearer(get(path), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theCityDashboardLinksEveryFigureToItsListWithItsDefinition() throws Exception {
        Api api = new Api(mvc, json);
        String html = page("/insight", api.adminToken());
        assertThat(html)
                .contains("id=\"figure-registry.organisations\"", "href=\"/organisations\"")
                .contains("href=\"/cultivation/records?stage=RECOGNISED,RENEWAL_APPLIED\"")
                .contains("href=\"/capital/figures?source=POOL_LEDGER\"")
                .contains("title=\"在平台机构库登记的各类机构数")
                // families with no indicator yet say so
                .contains("id=\"family-INSTRUMENTS\"", "本类指标尚未接入")
                .contains("echarts.min.js", "id=\"ranking\"");
        String county = page("/insight?county=371502&indicator=registry.organisations", api.adminToken());
        assertThat(county).contains("href=\"/organisations?county=371502\"").doesNotContain("source=POOL_LEDGER\"");
    }

    @Test
    void aCountyOfficerGetsItsCountyAndNoOther() throws Exception {
        Api api = new Api(mvc, json);
        Api.User officer = api.createUser("COUNTY_OFFICER", api.createOrganisation("GOVERNMENT", "371521"), "371521");
        String t = api.token(officer.username(), Api.PASSWORD);
        assertThat(page("/insight", t)).contains("county=371521").doesNotContain("id=\"ranking\"");
        mvc.perform(Api.bearer(get("/insight?county=371502"), t)).andExpect(status().isForbidden());
        mvc.perform(Api.bearer(get("/insight/graph"), t)).andExpect(status().isForbidden());
    }

    @Test
    void reportsArePrintablePagesAndSpreadsheets() throws Exception {
        Api api = new Api(mvc, json);
        String admin = api.adminToken();
        assertThat(page("/insight/reports/annual?year=2026", admin))
                .contains("id=\"report-rows\"", "年度共同体发展报告", "insight.css");
        assertThat(page("/insight/reports/quarterly?year=2026&quarter=4", admin))
                .contains("第 4 季度");
        var xlsx = mvc.perform(Api.bearer(get("/insight/reports/annual.xlsx?year=2026"), admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(xlsx.getContentType()).isEqualTo(Xlsx.CONTENT_TYPE);
        assertThat(xlsx.getContentAsByteArray()).startsWith(0x50, 0x4b); // a zip: .xlsx
        var q = mvc.perform(Api.bearer(get("/insight/reports/quarterly.xlsx?year=2026&quarter=1"), admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(q.getContentAsByteArray()).startsWith(0x50, 0x4b);
    }

    @Test
    void theGraphPageDrawsTheGraphAndAPath() throws Exception {
        Api api = new Api(mvc, json);
        InsightData.Seeded s = InsightData.seed(api);
        String html = page("/insight/graph?a=" + s.enterprise() + "&b=" + s.manager(), api.adminToken());
        assertThat(html).contains("id=\"graph\"", "type: 'graph'", "id=\"path\"");
    }

    @Test
    void drillDownListsExportToExcel() throws Exception {
        Api api = new Api(mvc, json);
        String admin = api.adminToken();
        for (String path : new String[] {
            "/api/v1/cultivation/records/export?techSme=true", "/api/v1/capital/figures/export?source=COMMITMENTS"
        }) {
            var r = mvc.perform(Api.bearer(get(path), admin))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse();
            assertThat(r.getContentAsByteArray()).startsWith(0x50, 0x4b);
        }
        assertThat(page("/cultivation/records?techSme=true", admin)).contains("id=\"export-link\"");
        assertThat(page("/capital/figures?source=CLAIMS_WAITING", admin)).contains("id=\"export-link\"");
    }
}
