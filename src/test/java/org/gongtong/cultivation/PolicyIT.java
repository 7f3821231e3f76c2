package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PolicyIT {

    @Autowired
    MockMvc mvc;

    @Test
    void firmsSeeWhatTheyQualifyForAndOfficersSeeWho() throws Exception {
        String admin = ApiSupport.adminToken(mvc);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long id = ApiSupport.enterprise(mvc, admin, "政策测试企业-" + tag, "371524", "GREEN_CHEMICALS", "2016-01-01");
        String firm = ApiSupport.userToken(mvc, admin, "ENTERPRISE_USER", id, null);
        mvc.perform(put("/api/v1/cultivation/enterprises/{id}/figures/2025", id)
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employees\": 60, \"techStaff\": 12, \"salesRevenue\": 20000000,"
                                + " \"rndTotal\": 900000, \"ipClassI\": 0, \"ipClassII\": 2}"))
                .andExpect(status().isOk());

        String policy = """
                {"title": "测试政策-%s", "issuer": "测试单位", "documentNumber": null, "validFrom": "2020-01-01",
                 "validTo": "2099-12-31", "benefit": "测试支持", "demo": false,
                 "conditions": [{"field": "county", "op": "eq", "value": "371524"},
                                {"field": "industry", "op": "eq", "value": "GREEN_CHEMICALS"},
                                {"field": "rndToSales", "op": ">=", "value": "0.04"},
                                {"field": "ipClassII", "op": ">=", "value": "%s"}]}
                """;
        mvc.perform(post("/api/v1/cultivation/policies")
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(policy.formatted(tag, "2")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cultivation/policies")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(policy.formatted(tag, "2")
                                .replace("\"op\": \">=\", \"value\": \"0.04\"", "\"op\": \"eq\", \"value\": \"0.04\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("conditions[2]"));
        String yes = ApiSupport.read(mvc.perform(post("/api/v1/cultivation/policies")
                                .header("Authorization", admin)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(policy.formatted(tag + "-yes", "2")))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        mvc.perform(post("/api/v1/cultivation/policies")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(policy.formatted(tag + "-nearly", "4")))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/cultivation/enterprises/{id}/policies", id)
                        .header("Authorization", firm)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.qualifies[?(@.policy.title == '测试政策-" + tag + "-yes')]")
                        .exists())
                .andExpect(jsonPath("$.nearly[?(@.policy.title == '测试政策-" + tag + "-nearly')].missing[0].message")
                        .value("class-II IPs ≥ 4"))
                .andExpect(jsonPath("$.nearly[?(@.policy.title == '测试政策-" + tag + "-nearly')].missing[0].actual")
                        .value("2"));

        mvc.perform(get("/api/v1/cultivation/policies/{id}/qualifiers", yes).header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.organisationId == " + id + ")].qualifies")
                        .value(true));
        mvc.perform(get("/api/v1/cultivation/policies/{id}/qualifiers", yes).header("Authorization", firm))
                .andExpect(status().isForbidden());

        // demo policies are flagged and carry no document number
        String all = mvc.perform(get("/api/v1/cultivation/policies").header("Authorization", firm))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (var p : ApiSupport.read(all)) {
            if (p.get("demo").asBoolean()) {
                assertThat(p.get("documentNumber").isNull()).isTrue();
                assertThat(p.get("title").asString()).startsWith("【示例】");
            }
        }
        String page = mvc.perform(get("/cultivation/policies").header("Authorization", admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("测试政策-" + tag + "-yes").contains("政策测试企业-" + tag);
        String firmPage = mvc.perform(get("/cultivation/enterprises/{id}", id).header("Authorization", firm))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(firmPage).contains("测试政策-" + tag + "-nearly").contains("Ⅱ类知识产权（项） ≥ 4");
    }
}
