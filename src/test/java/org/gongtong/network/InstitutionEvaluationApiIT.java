package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class InstitutionEvaluationApiIT {

    static final String COUNTY = "371522";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    AuditLog audit;

    Api api;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        admin = api.adminToken();
    }

    private MvcResult send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, Object body, String token)
            throws Exception {
        return mvc.perform(Api.bearer(Api.jsonBody(r, api.write(body)), token)).andReturn();
    }

    private long institution(boolean operating) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Api.unique("考核研究所"));
        body.put("kind", "SPECIALISED_INSTITUTE");
        body.put("establishmentMode", "NEW_BUILD");
        body.put("county", COUNTY);
        MvcResult r = send(post("/api/v1/institutions"), body, admin);
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        long id = api.read(r).get("id").asLong();
        if (operating) {
            for (String to : List.of("APPROVED", "BUILDING", "OPERATING")) {
                assertThat(send(
                                        post("/api/v1/institutions/" + id + "/transitions"),
                                        Map.of("to", to, "reason", "建设"),
                                        admin)
                                .getResponse()
                                .getStatus())
                        .isEqualTo(200);
            }
        }
        return id;
    }

    private MvcResult compute(long id, int year) throws Exception {
        return send(post("/api/v1/institutions/" + id + "/evaluations"), Map.of("year", year), admin);
    }

    /** A signed-in administrator's session, through the real login form. */
    private org.springframework.mock.web.MockHttpSession adminSession() throws Exception {
        return (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user("admin")
                                .password(Api.ADMIN_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    private String status(long id) throws Exception {
        return api.getJson("/api/v1/institutions/" + id, admin).get("status").asString();
    }

    @Test
    void computeShowsEachPointAndConfirmMovesTheInstitutionWithAudit() throws Exception {
        long id = institution(true);
        Map<String, Object> figures = Map.of(
                "rndSpend", "6000000",
                "contractRevenue", "1500000",
                "resultsTransferred", 10,
                "spinOffs", 1,
                "talents", 20);
        assertThat(send(put("/api/v1/institutions/" + id + "/figures/" + YEAR), figures, admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        MvcResult r = compute(id, YEAR);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        JsonNode e = api.read(r);
        // 30 (capped) + 15 + 20 + 5 + 10 = 80, exactly the continue line
        assertThat(e.get("score").decimalValue()).isEqualByComparingTo("80");
        assertThat(e.get("proposedOutcome").asString()).isEqualTo("CONTINUED");
        assertThat(e.get("points").size()).isEqualTo(5);
        JsonNode rnd = e.get("points").get(0);
        assertThat(rnd.get("figure").asString()).isEqualTo("RND_SPEND");
        assertThat(rnd.get("actual").decimalValue()).isEqualByComparingTo("6000000");
        assertThat(rnd.get("points").decimalValue()).isEqualByComparingTo("30");
        assertThat(e.get("points").get(1).get("points").decimalValue()).isEqualByComparingTo("15");
        long evaluation = e.get("id").asLong();
        assertThat(status(id)).isEqualTo("OPERATING");

        // one evaluation per year
        assertThat(compute(id, YEAR).getResponse().getStatus()).isEqualTo(409);

        MvcResult confirmed = send(post("/api/v1/evaluations/" + evaluation + "/confirm"), Map.of(), admin);
        assertThat(confirmed.getResponse().getStatus())
                .as(confirmed.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(api.read(confirmed).get("finalOutcome").asString()).isEqualTo("CONTINUED");
        assertThat(api.read(confirmed).get("decidedBy").asString()).isEqualTo("admin");
        assertThat(status(id)).isEqualTo("CONTINUED");
        assertThat(audit.recent("institution", Long.toString(id), 20))
                .filteredOn(a -> a.action().equals("INSTITUTION_STATUS"))
                .anySatisfy(a -> assertThat(a.reason()).contains(Integer.toString(YEAR)));
        assertThat(audit.recent(EvaluationService.TYPE, Long.toString(evaluation), 5))
                .extracting(AuditLog.AuditRecord::action)
                .contains("EVALUATION_PROPOSED", "EVALUATION_CONFIRMED");
        // a decided evaluation cannot be confirmed again
        assertThat(send(post("/api/v1/evaluations/" + evaluation + "/confirm"), Map.of(), admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
        assertThat(api.getJson("/api/v1/institutions/" + id + "/evaluations", admin)
                        .size())
                .isEqualTo(1);
    }

    @Test
    void overrideNeedsAReason() throws Exception {
        long id = institution(true);
        JsonNode e = api.read(compute(id, YEAR)); // no figures: 0 points
        assertThat(e.get("score").decimalValue()).isEqualByComparingTo("0");
        assertThat(e.get("proposedOutcome").asString()).isEqualTo("EXITING");
        long evaluation = e.get("id").asLong();
        MvcResult noReason =
                send(post("/api/v1/evaluations/" + evaluation + "/override"), Map.of("outcome", "WARNED"), admin);
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(noReason.getResponse().getContentType()).contains("problem");
        assertThat(status(id)).isEqualTo("OPERATING");
        MvcResult ok = send(
                post("/api/v1/evaluations/" + evaluation + "/override"),
                Map.of("outcome", "WARNED", "reason", "数据延迟报送，给予警示"),
                admin);
        assertThat(ok.getResponse().getStatus())
                .as(ok.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(api.read(ok).get("finalOutcome").asString()).isEqualTo("WARNED");
        assertThat(api.read(ok).get("overrideReason").asString()).isEqualTo("数据延迟报送，给予警示");
        assertThat(status(id)).isEqualTo("WARNED");
        assertThat(audit.recent(EvaluationService.TYPE, Long.toString(evaluation), 5))
                .filteredOn(a -> a.action().equals("EVALUATION_OVERRIDDEN"))
                .singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("数据延迟报送，给予警示"));
    }

    @Test
    void notOperatingIsRefusedWithAReasonAndCountyOfficersSeeOnlyTheirCounty() throws Exception {
        long id = institution(false);
        MvcResult r = compute(id, YEAR);
        assertThat(r.getResponse().getStatus()).isEqualTo(409);
        assertThat(r.getResponse().getContentAsString()).contains("detail");

        long operating = institution(true);
        assertThat(compute(operating, YEAR).getResponse().getStatus()).isEqualTo(201);
        long other = api.createOrganisation("GOVERNMENT", "371521");
        Api.User officer = api.createUser("COUNTY_OFFICER", other, "371521");
        String token = api.token(officer.username(), Api.PASSWORD);
        assertThat(mvc.perform(Api.bearer(get("/api/v1/institutions/" + operating + "/evaluations"), token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(post("/api/v1/institutions/" + operating + "/evaluations"), Map.of("year", YEAR - 1), token)
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void detailPageShowsThePointsTableAndInlineErrors() throws Exception {
        long id = institution(true);
        long evaluation = api.read(compute(id, YEAR)).get("id").asLong();
        org.springframework.mock.web.MockHttpSession session = adminSession();
        String page = mvc.perform(get("/institutions/" + id).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("evaluation-" + evaluation)
                .contains("研发投入（元）")
                .contains("确认建议");
        String refused = mvc.perform(
                        post("/institutions/" + id + "/evaluations/" + evaluation + "/override")
                                .session(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("outcome", "WARNED")
                                .param("reason", ""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("请填写原因").contains("role=\"alert\"");
        assertThat(status(id)).isEqualTo("OPERATING");
    }

    @Test
    void settingsAreValidated() throws Exception {
        JsonNode settings = api.getJson("/api/v1/evaluation-settings", admin);
        assertThat(settings.get("indicators").get("SPECIALISED_INSTITUTE").size())
                .isEqualTo(5);
        Map<String, Object> badWeights = Map.of(
                "indicators",
                Map.of(
                        "INNOVATION_CENTRE",
                        List.of(
                                Map.of("figure", "RND_SPEND", "weight", 50, "target", 100),
                                Map.of("figure", "TALENTS", "weight", 40, "target", 10))));
        MvcResult bad = send(put("/api/v1/evaluation-settings"), badWeights, admin);
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("90");
        Map<String, Object> badThresholds = Map.of("thresholds", Map.of("continueAt", 60, "warnAt", 60));
        assertThat(send(put("/api/v1/evaluation-settings"), badThresholds, admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        // writing the current values back is accepted and changes nothing
        Map<String, Object> same = Map.of(
                "indicators",
                Map.of(
                        "JOINT_INNOVATION_CENTRE",
                        json.convertValue(settings.get("indicators").get("JOINT_INNOVATION_CENTRE"), List.class)),
                "thresholds",
                json.convertValue(settings.get("thresholds"), Map.class));
        MvcResult ok = send(put("/api/v1/evaluation-settings"), same, admin);
        assertThat(ok.getResponse().getStatus())
                .as(ok.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(api.read(ok).get("indicators").get("JOINT_INNOVATION_CENTRE").size())
                .isEqualTo(4);
        assertThat(api.read(ok).get("thresholds").get("continueAt").decimalValue())
                .isEqualByComparingTo("80");
    }

    @Test
    void theEvaluationsPageListsEvaluationsAndEditsTheSettingsInline() throws Exception {
        long id = institution(true);
        long evaluation = api.read(compute(id, YEAR)).get("id").asLong();
        org.springframework.mock.web.MockHttpSession session = adminSession();
        String page = mvc.perform(get("/evaluations?year=" + YEAR).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("#evaluation-" + evaluation).contains("weight.SPECIALISED_INSTITUTE.RND_SPEND");

        // the form as the page fills it: every kind's current set and the thresholds; first with the specialised
        // institutes' R&D weight lowered by ten, so that their weights sum to 90
        JsonNode settings = api.getJson("/api/v1/evaluation-settings", admin);
        String refused = mvc.perform(settingsForm(settings, session, java.math.BigDecimal.TEN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("权重合计须为 100，当前为 90").contains("role=\"alert\"");
        assertThat(api.getJson("/api/v1/evaluation-settings", admin)
                        .get("thresholds")
                        .get("continueAt")
                        .decimalValue())
                .as("nothing is saved when one kind is refused")
                .isEqualByComparingTo(
                        settings.get("thresholds").get("continueAt").decimalValue());

        assertThat(mvc.perform(settingsForm(settings, session, java.math.BigDecimal.ZERO))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        try {
            assertThat(api.getJson("/api/v1/evaluation-settings", admin)
                            .get("thresholds")
                            .get("warnAt")
                            .decimalValue())
                    .isEqualByComparingTo("55");
        } finally {
            Map<String, Object> restore =
                    Map.of("thresholds", json.convertValue(settings.get("thresholds"), Map.class));
            assertThat(send(put("/api/v1/evaluation-settings"), restore, admin)
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
        }
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder settingsForm(
            JsonNode settings, org.springframework.mock.web.MockHttpSession session, java.math.BigDecimal lessRnd) {
        var form = post("/evaluations/settings")
                .session(session)
                .with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf());
        for (var kind : settings.get("indicators").properties()) {
            for (JsonNode i : kind.getValue()) {
                String key = kind.getKey() + "." + i.get("figure").asString();
                java.math.BigDecimal weight = i.get("weight").decimalValue();
                if (key.equals("SPECIALISED_INSTITUTE.RND_SPEND")) {
                    weight = weight.subtract(lessRnd);
                }
                form.param("weight." + key, weight.toPlainString())
                        .param("target." + key, i.get("target").decimalValue().toPlainString());
            }
        }
        return form.param("continueAt", "75").param("warnAt", "55");
    }
}
