package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class EvaluationApiIT {

    static final String TECH_SME = """
            {"employees": 80, "techStaff": 16, "salesRevenue": 30000000, "totalAssets": 25000000,
             "totalCostAndExpense": 26000000, "rndExpense": 1500000, "ipClassI": 0, "ipClassII": 3,
             "prohibitedProducts": false, "seriousViolation": false, "validHnteCertificate": false,
             "nationalAwardTop3Within5y": false, "provincialRndInstitution": false, "ledStandardWithin5y": false}
            """;

    static final String HNTE = """
            {"registrationDate": "2019-04-10", "applicationDate": "2026-06-15", "ownsCoreIp": true,
             "inKeyField": true, "employees": 120, "techStaff": 18,
             "sales": [32000000, 38000000, 46000000], "netAssets": [12000000, 14500000, 17000000],
             "rndTotal": [1800000, 2100000, 2600000], "rndDomestic": [1800000, 2100000, 2600000],
             "totalIncomeLastYear": 47000000, "hitechRevenueLastYear": 33000000, "majorIncident": false,
             "ipClassI": 0, "ipClassII": 2, "ownRndIp": true, "standardsBonus": 0,
             "transformations3y": 7, "yearsOperating": null}
            """;

    @Autowired
    MockMvc mvc;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = ApiSupport.adminToken(mvc);
    }

    @Test
    void techSmeInChineseByDefault() throws Exception {
        String body = mvc.perform(post("/api/v1/cultivation/tech-sme/evaluate")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TECH_SME))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(true))
                .andExpect(jsonPath("$.qualifiedBy").value("SCORE"))
                .andExpect(jsonPath("$.score").value(12 + 40 + 18))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // 16/80 = 20% → 12; R&D 5% of sales → 40 or 5.77% of cost → 0: 40; 3 class-II → 18: 70
        JsonNode r = ApiSupport.read(body);
        assertThat(r.get("score").asInt()).isEqualTo(70);
        assertThat(r.get("parts").get("rnd").asInt()).isEqualTo(40);
        assertThat(r.get("ruleVersion").asString()).startsWith("TSME-2017-115.r");
        assertThat(r.get("reasons").toString()).contains("科技人员占职工总数 20.00%");
    }

    @Test
    void techSmeInEnglish() throws Exception {
        mvc.perform(post("/api/v1/cultivation/tech-sme/evaluate")
                        .header("Authorization", admin)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TECH_SME.replace("\"techStaff\": 16", "\"techStaff\": 7")
                                .replace("\"ipClassI\": 0", "\"ipClassI\": 1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.parts.techStaff").value(0))
                .andExpect(jsonPath("$.reasons[?(@.code == 'TSME_STAFF_VETO')].message")
                        .value("The score of 70 reaches 60, but the staff part is 0: the score alone does not qualify"))
                .andReturn();
    }

    @Test
    void techSmeRejectsBadFieldsByName() throws Exception {
        mvc.perform(post("/api/v1/cultivation/tech-sme/evaluate")
                        .header("Authorization", admin)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TECH_SME.replace("\"employees\": 80", "\"employees\": 0")
                                .replace("\"rndExpense\": 1500000", "\"rndExpense\": -1")))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'employees')].message").value("must be greater than 0"))
                .andExpect(jsonPath("$.errors[?(@.field == 'rndExpense')]").exists());
        mvc.perform(post("/api/v1/cultivation/hnte/evaluate")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HNTE.replace("[32000000, 38000000, 46000000]", "[32000000, \"lots\", 46000000]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sales[1]"));
    }

    @Test
    void hnteReadinessWithGapsInEnglish() throws Exception {
        String body = mvc.perform(post("/api/v1/cultivation/hnte/evaluate")
                        .header("Authorization", admin)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HNTE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conditions.length()").value(8))
                .andExpect(jsonPath("$.conditions[3].id").value("TECH_STAFF_RATIO"))
                .andExpect(jsonPath("$.conditions[3].value").value(0.15))
                .andExpect(jsonPath("$.conditions[4].threshold").value(0.05))
                .andExpect(jsonPath("$.bands.ipCount").value("D"))
                .andExpect(jsonPath("$.bands.transformation").value("D"))
                .andExpect(jsonPath("$.gaps[0].id").value("IP_CLASS_II"))
                .andExpect(jsonPath("$.gaps[0].points.min").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode r = ApiSupport.read(body);
        assertThat(r.get("verdict").asString()).isIn("POSSIBLE", "NOT_YET", "MEETS");
        assertThat(r.get("gaps").get(0).get("message").asString())
                .isEqualTo("1 more class-II IP(s) from own R&D (utility models, designs, software copyrights)"
                        + " move the IP count band from D to C: +2 points");
        assertThat(r.get("growth").get("salesBand").asString()).isEqualTo("C");
        assertThat(r.get("ruleVersion").asString()).startsWith("HNTE-2016-32.r");
    }

    @Test
    void hnteInChineseNamesTheConditions() throws Exception {
        mvc.perform(post("/api/v1/cultivation/hnte/evaluate")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HNTE.replace("\"techStaff\": 18", "\"techStaff\": 11")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("NOT_YET"))
                .andExpect(jsonPath("$.conditions[3].met").value(false))
                .andExpect(jsonPath("$.gaps[0].id").value("TECH_STAFF_RATIO"))
                .andExpect(jsonPath("$.gaps[0].required").value(true))
                .andExpect(jsonPath("$.gaps[0].message").value("再增加 2 名科技人员（全年月平均数），科技人员占比可达到 10%"));
    }

    @Test
    void settingsChangeRaisesTheRevisionEveryResultRecords() throws Exception {
        String current = mvc.perform(get("/api/v1/cultivation/settings").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fivePercentIsBandD").isBoolean())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int revision = ApiSupport.read(current).get("revision").asInt();
        String firm = ApiSupport.userToken(
                mvc,
                admin,
                "ENTERPRISE_USER",
                ApiSupport.enterprise(
                        mvc,
                        admin,
                        "设置测试-" + revision + "-"
                                + java.util.UUID.randomUUID().toString().substring(0, 6),
                        "371502",
                        "NEW_MATERIALS",
                        "2020-01-01"),
                null);
        mvc.perform(put("/api/v1/cultivation/settings")
                        .header("Authorization", firm)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(current))
                .andExpect(status().isForbidden());
        // the same values again: only the revision moves on
        mvc.perform(put("/api/v1/cultivation/settings")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(current))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(revision + 1));
        mvc.perform(post("/api/v1/cultivation/hnte/evaluate")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HNTE))
                .andExpect(jsonPath("$.ruleVersion").value("HNTE-2016-32.r" + (revision + 1)));
    }

    @Test
    void needsSignIn() throws Exception {
        mvc.perform(post("/api/v1/cultivation/hnte/evaluate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HNTE))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(401, 403));
    }
}
