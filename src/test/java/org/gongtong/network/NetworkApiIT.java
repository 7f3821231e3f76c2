package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class NetworkApiIT {

    static final String X = "371502";
    static final String Y = "371503";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    AuditLog audit;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcResult send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, Object body, String token)
            throws Exception {
        return mvc.perform(Api.bearer(Api.jsonBody(r, api.write(body)), token)).andReturn();
    }

    private long institution(String token, String county) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Api.unique("研究所"));
        body.put("kind", "SPECIALISED_INSTITUTE");
        body.put("establishmentMode", "CO_BUILD");
        body.put("county", county);
        body.put("industry", "新材料");
        MvcResult r = send(post("/api/v1/institutions"), body, token);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        return api.read(r).get("id").asLong();
    }

    private int move(String type, long id, Map<String, Object> body, String token) throws Exception {
        return send(post("/api/v1/" + type + "/" + id + "/transitions"), body, token)
                .getResponse()
                .getStatus();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void institutionWalksItsWholeLifeCycleAndIllegalMovesAre409() throws Exception {
        String admin = api.adminToken();
        long id = institution(admin, X);
        // illegal from PROPOSED
        MvcResult bad = send(
                post("/api/v1/institutions/" + id + "/transitions"), Map.of("to", "OPERATING", "reason", "跳过"), admin);
        assertThat(bad.getResponse().getStatus()).isEqualTo(409);
        assertThat(bad.getResponse().getContentType()).contains("problem");
        // missing reason is a 400
        assertThat(move("institutions", id, Map.of("to", "APPROVED"), admin)).isEqualTo(400);
        for (String to : List.of("APPROVED", "BUILDING", "OPERATING", "WARNED", "CONTINUED", "EXITING", "EXITED")) {
            assertThat(move("institutions", id, Map.of("to", to, "reason", "理由" + to), admin))
                    .as(to)
                    .isEqualTo(200);
        }
        assertThat(move("institutions", id, Map.of("to", "OPERATING", "reason", "复活"), admin))
                .isEqualTo(409);
        JsonNode timeline = api.getJson("/api/v1/institutions/" + id + "/timeline", admin);
        assertThat(timeline.size()).isEqualTo(8);
        assertThat(timeline.get(1).get("to").asString()).isEqualTo("APPROVED");
        assertThat(timeline.get(1).get("reason").asString()).isEqualTo("理由APPROVED");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("admin");
        assertThat(audit.recent("institution", Long.toString(id), 20))
                .filteredOn(e -> e.action().equals("INSTITUTION_STATUS"))
                .hasSize(7)
                .allSatisfy(e -> assertThat(e.reason()).startsWith("理由"));
        JsonNode list = api.getJson("/api/v1/institutions?status=EXITED&county=" + X + "&size=200", admin);
        assertThat(list.get("totalElements").asLong()).isPositive();
        JsonNode item = list.get("content").get(0);
        assertThat(item.has("id")
                        && item.has("name")
                        && item.has("kind")
                        && item.has("establishmentMode")
                        && item.has("status"))
                .isTrue();
        assertThat(list.has("page") && list.has("size")).isTrue();
    }

    @Test
    void partnerSharesMustSumToExactlyAHundred() throws Exception {
        String admin = api.adminToken();
        long id = institution(admin, X);
        List<Map<String, Object>> off = List.of(
                Map.of("name", "聊城大学", "role", "共建方", "sharePercent", 40),
                Map.of("name", "企业甲", "role", "出资方", "sharePercent", 59.99));
        MvcResult r = send(put("/api/v1/institutions/" + id + "/partners"), off, admin);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("99.99");
        List<Map<String, Object>> over =
                List.of(Map.of("name", "聊城大学", "sharePercent", 60), Map.of("name", "企业甲", "sharePercent", 40.01));
        assertThat(send(put("/api/v1/institutions/" + id + "/partners"), over, admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        List<Map<String, Object>> ok = List.of(
                Map.of("name", "聊城大学", "role", "共建方", "sharePercent", 40),
                Map.of("name", "企业甲", "role", "出资方", "sharePercent", 33.33),
                Map.of("name", "企业乙", "sharePercent", 26.67));
        assertThat(send(put("/api/v1/institutions/" + id + "/partners"), ok, admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(api.getJson("/api/v1/institutions/" + id + "/partners", admin)
                        .size())
                .isEqualTo(3);
    }

    @Test
    void figuresAreSummedExactlyWithTheirRows() throws Exception {
        String admin = api.adminToken();
        String county = "371526";
        long a = institution(admin, county);
        long b = institution(admin, county);
        int year = today().getYear() - 1;
        JsonNode before = api.getJson("/api/v1/institutions/figures?year=" + year + "&county=" + county, admin);
        Map<String, Object> fa = Map.of("rndSpend", "1000000.10", "contractRevenue", "200.05", "talents", 3);
        Map<String, Object> fb = Map.of("rndSpend", "0.20", "contractRevenue", "300", "spinOffs", 1);
        assertThat(send(put("/api/v1/institutions/" + a + "/figures/" + year), fa, admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(put("/api/v1/institutions/" + b + "/figures/" + year), fb, admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        JsonNode after = api.getJson("/api/v1/institutions/figures?year=" + year + "&county=" + county, admin);
        assertThat(after.get("sum").decimalValue().subtract(before.get("sum").decimalValue()))
                .isEqualByComparingTo("1000000.30");
        assertThat(after.get("totalElements").asLong()
                        - before.get("totalElements").asLong())
                .isEqualTo(2);
        JsonNode rev = api.getJson(
                "/api/v1/institutions/figures?measure=contractRevenue&year=" + year + "&county=" + county, admin);
        assertThat(rev.get("sum").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("500.05"));
        Map<String, Object> negative = Map.of("rndSpend", "-1", "contractRevenue", "0");
        assertThat(send(put("/api/v1/institutions/" + a + "/figures/" + year), negative, admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }

    private long community(String token, String county, LocalDate deadline) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Api.unique("共同体"));
        body.put("county", county);
        body.put("industry", "HIGH_END_EQUIPMENT");
        body.put("form", "理事会领导下的企业化运营");
        if (deadline != null) {
            body.put("preparationDeadline", deadline.toString());
        }
        MvcResult r = send(post("/api/v1/communities"), body, token);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        return api.read(r).get("id").asLong();
    }

    @Test
    void communityIsProposedThenPreparesThenRegistersWithAValidUscc() throws Exception {
        String admin = api.adminToken();
        long id = community(admin, X, null);
        JsonNode c = api.getJson("/api/v1/communities/" + id, admin);
        assertThat(c.get("status").asString()).isEqualTo("PROPOSED");
        // cannot register before preparing
        assertThat(move("communities", id, Map.of("to", "REGISTERED", "uscc", Api.uscc()), admin))
                .isEqualTo(409);
        assertThat(move("communities", id, Map.of("to", "PREPARING"), admin)).isEqualTo(400);
        assertThat(move("communities", id, Map.of("to", "PREPARING", "deadline", today().toString()), admin))
                .isEqualTo(400);
        assertThat(move(
                        "communities",
                        id,
                        Map.of(
                                "to",
                                "PREPARING",
                                "deadline",
                                today().plusDays(90).toString()),
                        admin))
                .isEqualTo(200);
        MvcResult bad =
                send(post("/api/v1/communities/" + id + "/registration"), Map.of("uscc", "91350100M000100Y44"), admin);
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        String uscc = Api.uscc();
        assertThat(send(post("/api/v1/communities/" + id + "/registration"), Map.of("uscc", uscc), admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        c = api.getJson("/api/v1/communities/" + id, admin);
        assertThat(c.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(c.get("uscc").asString()).isEqualTo(uscc);
        assertThat(move(
                        "communities",
                        id,
                        Map.of(
                                "to",
                                "PREPARING",
                                "deadline",
                                today().plusDays(9).toString()),
                        admin))
                .isEqualTo(409);
        assertThat(move("communities", id, Map.of("to", "WARNED"), admin)).isEqualTo(400);
        assertThat(move("communities", id, Map.of("to", "WARNED", "reason", "考核未达标"), admin))
                .isEqualTo(200);
        assertThat(move("communities", id, Map.of("to", "EXITED", "reason", "退出"), admin))
                .isEqualTo(200);
        assertThat(move("communities", id, Map.of("to", "CONTINUED", "reason", "x"), admin))
                .isEqualTo(409);
        JsonNode timeline = api.getJson("/api/v1/communities/" + id + "/timeline", admin);
        assertThat(timeline.size()).isEqualTo(5);
        assertThat(timeline.get(2).get("reason").asString()).isEqualTo(uscc);
        JsonNode item = api.getJson("/api/v1/communities?q=" + c.get("name").asString(), admin)
                .get("content")
                .get(0);
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.has("county") && item.has("preparationDeadline") && item.has("status"))
                .isTrue();
    }

    @Test
    void overdueCommunitiesCannotRegisterUntilAnExtensionIsApproved() throws Exception {
        String admin = api.adminToken();
        String county = "371524";
        long id = community(admin, county, today().plusDays(30));
        long org = api.createOrganisation("GOVERNMENT", county);
        Api.User officer = api.createUser("COUNTY_OFFICER", org, county);
        assertThat(api.getJson("/api/v1/communities/" + id, admin).get("status").asString())
                .isEqualTo("PREPARING");
        long overdueBefore = api.getJson("/api/v1/communities?overdue=true&county=" + county, admin)
                .get("totalElements")
                .asLong();
        clock.advance(Duration.ofDays(29));
        admin = api.token("admin", Api.ADMIN_PASSWORD); // tokens live 12 hours of the moved clock
        assertThat(api.getJson("/api/v1/communities/" + id, admin)
                        .get("overdue")
                        .asBoolean())
                .isFalse();
        clock.advance(Duration.ofDays(2));
        admin = api.token("admin", Api.ADMIN_PASSWORD);
        assertThat(api.getJson("/api/v1/communities/" + id, admin)
                        .get("overdue")
                        .asBoolean())
                .isTrue();
        assertThat(api.getJson("/api/v1/communities?overdue=true&county=" + county, admin)
                        .get("totalElements")
                        .asLong())
                .isEqualTo(overdueBefore + 1);
        MvcResult late = send(post("/api/v1/communities/" + id + "/registration"), Map.of("uscc", Api.uscc()), admin);
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        // a county officer may not approve the extension; the office may, with a reason
        String officerToken = api.token(officer.username(), Api.PASSWORD);
        LocalDate newDeadline = today().plusDays(90);
        assertThat(send(
                                post("/api/v1/communities/" + id + "/extensions"),
                                Map.of("deadline", newDeadline.toString(), "reason", "疫情"),
                                officerToken)
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                post("/api/v1/communities/" + id + "/extensions"),
                                Map.of("deadline", newDeadline.toString()),
                                admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(send(
                                post("/api/v1/communities/" + id + "/extensions"),
                                Map.of("deadline", newDeadline.toString(), "reason", "工商登记材料补正"),
                                admin)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(api.getJson("/api/v1/communities/" + id, admin)
                        .get("overdue")
                        .asBoolean())
                .isFalse();
        assertThat(api.getJson("/api/v1/communities/" + id + "/extensions", admin)
                        .get(0)
                        .get("reason")
                        .asString())
                .isEqualTo("工商登记材料补正");
        // the county officer registers it in its own county
        assertThat(send(post("/api/v1/communities/" + id + "/registration"), Map.of("uscc", Api.uscc()), officerToken)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void countyOfficersSeeAndEditOnlyTheirCounty() throws Exception {
        String admin = api.adminToken();
        long mine = community(admin, X, today().plusDays(60));
        long theirs = community(admin, Y, today().plusDays(60));
        long org = api.createOrganisation("GOVERNMENT", X);
        Api.User officer = api.createUser("COUNTY_OFFICER", org, X);
        String token = api.token(officer.username(), Api.PASSWORD);
        JsonNode list = api.getJson("/api/v1/communities?county=" + Y + "&size=200", token);
        for (JsonNode n : list.get("content")) {
            assertThat(n.get("county").asString()).isEqualTo(X);
        }
        assertThat(mvc.perform(Api.bearer(get("/api/v1/communities/" + theirs), token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(Api.bearer(get("/api/v1/communities/" + mine), token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        Map<String, Object> elsewhere = Map.of("name", Api.unique("他县"), "county", Y);
        assertThat(send(post("/api/v1/communities"), elsewhere, token)
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(
                                post("/api/v1/institutions"),
                                Map.of(
                                        "name",
                                        Api.unique("所"),
                                        "kind",
                                        "INNOVATION_CENTRE",
                                        "establishmentMode",
                                        "JOIN",
                                        "county",
                                        Y),
                                token)
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        long inst = institution(token, X);
        JsonNode insts = api.getJson("/api/v1/institutions?size=200", token);
        assertThat(insts.get("content"))
                .allSatisfy(n -> assertThat(n.get("county").asString()).isEqualTo(X));
        assertThat(insts.findValues("id").stream().map(JsonNode::asLong)).contains(inst);
        // an enterprise user reads but may not change
        long firm = api.createOrganisation("ENTERPRISE", X);
        Api.User user = api.createUser("ENTERPRISE_USER", firm, null);
        String userToken = api.token(user.username(), Api.PASSWORD);
        assertThat(move("communities", mine, Map.of("to", "EXITED", "reason", "x"), userToken))
                .isEqualTo(403);
        mvc.perform(Api.bearer(get("/api/v1/communities/" + mine), userToken)).andExpect(status().isOk());
    }
}
