package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseFiguresIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String year(long sales, long net, long rnd, int classII, int transformations) {
        return ApiSupport.JSON.writeValueAsString(Map.ofEntries(
                Map.entry("employees", 100),
                Map.entry("techStaff", 20),
                Map.entry("salesRevenue", sales),
                Map.entry("totalAssets", 30000000),
                Map.entry("netAssets", net),
                Map.entry("totalCostAndExpense", sales * 9 / 10),
                Map.entry("rndTotal", rnd),
                Map.entry("rndDomestic", rnd),
                Map.entry("totalIncome", sales + 500000),
                Map.entry("hitechRevenue", sales * 8 / 10),
                Map.entry("ipClassI", 0),
                Map.entry("ipClassII", classII),
                Map.entry("transformations", transformations),
                Map.entry("ownsCoreIp", true),
                Map.entry("inKeyField", true),
                Map.entry("ownRndIp", true)));
    }

    @Test
    void firmRecordsItsFiguresAndSeesItsReadinessOthersCannot() throws Exception {
        String admin = ApiSupport.adminToken(mvc);
        String name = "培育测试企业-" + UUID.randomUUID().toString().substring(0, 6);
        long id = ApiSupport.enterprise(mvc, admin, name, "371502", "NEW_MATERIALS", "2018-03-01");
        long other = ApiSupport.enterprise(mvc, admin, name + "-其他", "371526", "NEW_MATERIALS", "2018-03-01");
        String firm = ApiSupport.userToken(mvc, admin, "ENTERPRISE_USER", id, null);
        String otherFirm = ApiSupport.userToken(mvc, admin, "ENTERPRISE_USER", other, null);
        String countyElsewhere = ApiSupport.userToken(mvc, admin, "COUNTY_OFFICER", other, "371526");
        String countyHere = ApiSupport.userToken(mvc, admin, "COUNTY_OFFICER", other, "371502");

        mvc.perform(put("/api/v1/cultivation/enterprises/{id}/figures/2023", id)
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(year(30000000, 10000000, 1800000, 2, 2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fiscalYear").value(2023))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(put("/api/v1/cultivation/enterprises/{id}/figures/2024", id)
                        .header("Authorization", countyHere)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(year(36000000, 12000000, 2000000, 3, 2)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/cultivation/enterprises/{id}/figures/2025", id)
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(year(45000000, 15000000, 2500000, 4, 3)))
                .andExpect(status().isOk());
        // a second change of 2025 moves the version on
        mvc.perform(put("/api/v1/cultivation/enterprises/{id}/figures/2025", id)
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(year(45000000, 15000000, 2500000, 5, 3)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.ipClassII").value(5));

        // others are refused
        mvc.perform(put("/api/v1/cultivation/enterprises/{id}/figures/2025", id)
                        .header("Authorization", otherFirm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(year(1, 1, 1, 0, 0)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cultivation/enterprises/{id}/figures", id).header("Authorization", countyElsewhere))
                .andExpect(status().isForbidden());
        // validation names the field
        mvc.perform(put("/api/v1/cultivation/enterprises/{id}/figures/2025", id)
                        .header("Authorization", firm)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employees\": 10, \"techStaff\": 11}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("techStaff"));

        mvc.perform(get("/api/v1/cultivation/enterprises/{id}/readiness", id)
                        .header("Authorization", firm)
                        .header("Accept-Language", "en")
                        .param("applicationDate", "2026-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.latestYear").value(2025))
                .andExpect(jsonPath("$.hnte.bands.ipCount").value("B"))
                .andExpect(jsonPath("$.hnte.bands.transformation").value("D"))
                .andExpect(jsonPath("$.hnte.conditions[0].met").value(true))
                .andExpect(jsonPath("$.techSme.parts.ip").value(24));

        // every change is audited
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'cultivation_figures'"
                        + " AND entity_id LIKE :id")
                .param("id", id + "/%")
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(4);

        // the firm's page shows the verdict and the figures
        String html = mvc.perform(get("/cultivation/enterprises/{id}", id).header("Authorization", firm))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains(name).contains("id=\"verdict\"").contains("data-id=\"RND_RATIO\"");
        mvc.perform(get("/cultivation/enterprises/{id}", id).header("Authorization", otherFirm))
                .andExpect(status().isForbidden());

        // what-if: the edited form is evaluated, in English, and nothing is saved
        String whatIf = mvc.perform(post("/cultivation/enterprises/{id}/evaluate", id)
                        .with(csrf())
                        .header("Authorization", firm)
                        .header("Accept-Language", "en")
                        .param("registrationDate", "2018-03-01")
                        .param("applicationDate", "2026-06-01")
                        .param("ownsCoreIp", "true")
                        .param("inKeyField", "true")
                        .param("employees", "100")
                        .param("techStaff", "5")
                        .param("sales0", "30000000")
                        .param("sales1", "36000000")
                        .param("sales2", "45000000")
                        .param("netAssets0", "10000000")
                        .param("netAssets1", "12000000")
                        .param("netAssets2", "oops")
                        .param("rndTotal0", "1800000")
                        .param("rndTotal1", "2000000")
                        .param("rndTotal2", "2500000")
                        .param("rndDomestic0", "1800000")
                        .param("rndDomestic1", "2000000")
                        .param("rndDomestic2", "2500000")
                        .param("totalIncomeLastYear", "45500000")
                        .param("hitechRevenueLastYear", "36000000")
                        .param("ipClassI", "0")
                        .param("ipClassII", "5")
                        .param("transformations3y", "7")
                        .param("totalAssets", "30000000")
                        .param("totalCostAndExpense", "40000000"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(whatIf).contains("Please correct the marked fields").contains("has the wrong type");
        String fixed = mvc.perform(post("/cultivation/enterprises/{id}/evaluate", id)
                        .with(csrf())
                        .header("Authorization", firm)
                        .header("Accept-Language", "en")
                        .param("registrationDate", "2018-03-01")
                        .param("applicationDate", "2026-06-01")
                        .param("ownsCoreIp", "true")
                        .param("inKeyField", "true")
                        .param("employees", "100")
                        .param("techStaff", "5")
                        .param("sales0", "30000000")
                        .param("sales1", "36000000")
                        .param("sales2", "45000000")
                        .param("netAssets0", "10000000")
                        .param("netAssets1", "12000000")
                        .param("netAssets2", "15000000")
                        .param("rndTotal0", "1800000")
                        .param("rndTotal1", "2000000")
                        .param("rndTotal2", "2500000")
                        .param("rndDomestic0", "1800000")
                        .param("rndDomestic1", "2000000")
                        .param("rndDomestic2", "2500000")
                        .param("totalIncomeLastYear", "45500000")
                        .param("hitechRevenueLastYear", "36000000")
                        .param("ipClassI", "0")
                        .param("ipClassII", "5")
                        .param("transformations3y", "7")
                        .param("totalAssets", "30000000")
                        .param("totalCostAndExpense", "40000000"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fixed)
                .contains("What-if result")
                .contains("6 more sci-tech staff (annual average) bring the staff ratio to 10%");
    }
}
