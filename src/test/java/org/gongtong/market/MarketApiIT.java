package org.gongtong.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class MarketApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.context.ApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private JsonNode send(String token, String url, Object body, int expected) throws Exception {
        MvcResult r = mvc.perform(Api.bearer(Api.jsonBody(post(url), api.write(body)), token))
                .andExpect(status().is(expected))
                .andReturn();
        return api.read(r);
    }

    private Map<String, Object> need(String title, String visibility) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("title", title);
        n.put("description", "冷库贮藏的苹果三个月后腐烂率高，希望引进减压贮藏保鲜技术延长果蔬保鲜期 " + title);
        n.put("industry", "现代高效农业");
        n.put("cooperation", List.of("TRANSFER"));
        n.put("visibility", visibility);
        return n;
    }

    @Test
    void confidentialNeedsAreInvisibleToOtherOrganisationsInListsCountsExportsAndSearch() throws Exception {
        String county = "ZONE-HTZ";
        long ownerOrg = api.createOrganisation("ENTERPRISE", county);
        long otherOrg = api.createOrganisation("ENTERPRISE", county);
        String owner =
                api.token(api.createUser("ENTERPRISE_USER", ownerOrg, null).username(), Api.PASSWORD);
        String other =
                api.token(api.createUser("ENTERPRISE_USER", otherOrg, null).username(), Api.PASSWORD);
        String secret = Api.unique("保密需求");
        String open = Api.unique("公开需求");
        long secretId = send(owner, "/api/v1/needs", need(secret, "INSTITUTE_ONLY"), 201)
                .get("id")
                .asLong();
        send(owner, "/api/v1/needs", need(open, "PUBLIC"), 201);

        // the owner and the institute see both
        assertThat(api.getJson("/api/v1/needs?organisationId=" + ownerOrg, owner)
                        .get("totalElements")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.getJson("/api/v1/needs?organisationId=" + ownerOrg, api.adminToken())
                        .get("totalElements")
                        .asLong())
                .isEqualTo(2);
        // another organisation: only the public one, in the list, its count, the detail, the search and the export
        JsonNode list = api.getJson("/api/v1/needs?organisationId=" + ownerOrg, other);
        assertThat(list.get("totalElements").asLong()).isEqualTo(1);
        assertThat(list.get("content").get(0).get("title").asString()).isEqualTo(open);
        mvc.perform(Api.bearer(get("/api/v1/needs/" + secretId), other)).andExpect(status().isNotFound());
        mvc.perform(Api.bearer(get("/api/v1/needs/" + secretId + "/matches"), other))
                .andExpect(status().isNotFound());
        JsonNode search = api.getJson(
                "/api/v1/search?type=need&limit=200&q=" + java.net.URLEncoder.encode(secret, "UTF-8"), other);
        assertThat(search.toString()).doesNotContain(secret);
        assertThat(api.getJson(
                                "/api/v1/search?type=need&limit=200&q=" + java.net.URLEncoder.encode(secret, "UTF-8"),
                                owner)
                        .toString())
                .contains(secret);
        String otherUser = api.createUser("ENTERPRISE_USER", otherOrg, null).username();
        byte[] xlsx = mvc.perform(
                        // the raw text: MockMvc encodes the URL itself (a pre-encoded one would be encoded twice)
                        get("/market/needs/export?q=需求")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(principal(otherUser))))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String cells = sheetText(xlsx);
        assertThat(cells).contains(open).doesNotContain(secret);
    }

    private org.springframework.security.core.userdetails.UserDetails principal(String username) {
        return userDetails.loadUserByUsername(username);
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    private static String sheetText(byte[] xlsx) throws Exception {
        StringBuilder out = new StringBuilder();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (var row : wb.getSheetAt(0)) {
                for (var cell : row) {
                    out.append(cell.toString()).append('\t');
                }
            }
        }
        return out.toString();
    }

    @Test
    void aNeedMatchesResultsWithExplanationsAndBrokerageMovesToAContract() throws Exception {
        long enterprise = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        long university = api.createOrganisation("UNIVERSITY", "ZONE-HTZ");
        String admin = api.adminToken();
        String title = Api.unique("果蔬减压贮藏保鲜技术");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("title", title);
        result.put("summary", "利用低压环境降低果蔬呼吸强度并排除乙烯，延长冷库贮藏期。");
        result.put("trl", 7);
        result.put("industry", "现代高效农业");
        result.put("cooperation", List.of("TRANSFER", "LICENCE"));
        result.put("organisationId", university);
        long resultId = send(admin, "/api/v1/results", result, 201).get("id").asLong();
        Map<String, Object> n = need(Api.unique("冷库保鲜"), "MEMBERS");
        n.put("organisationId", enterprise);
        long needId = send(admin, "/api/v1/needs", n, 201).get("id").asLong();

        JsonNode m = api.getJson("/api/v1/needs/" + needId + "/matches?minTrl=6", admin);
        JsonNode first = null;
        for (JsonNode h : m.get("results")) {
            if (h.get("document").get("id").asString().equals(String.valueOf(resultId))) {
                first = h;
            }
        }
        assertThat(first).as(m.toString()).isNotNull();
        assertThat(first.get("explanation").get("matchedTerms").toString()).contains("贮藏");
        assertThat(first.get("explanation").get("industryMatch").asBoolean()).isTrue();
        assertThat(api.getJson("/api/v1/needs/" + needId + "/matches?minTrl=8", admin)
                        .get("results")
                        .toString())
                .doesNotContain(title);
        assertThat(api.getJson("/api/v1/results/" + resultId + "/enterprises", admin)
                        .toString())
                .contains(String.valueOf(needId));

        // brokerage: guarded moves, dropping needs a reason
        long b = send(admin, "/api/v1/brokerages", Map.of("needId", needId, "resultId", resultId), 201)
                .get("id")
                .asLong();
        send(admin, "/api/v1/brokerages/" + b + "/status", Map.of("status", "SIGNED"), 409);
        send(admin, "/api/v1/brokerages/" + b + "/status", Map.of("status", "CONTACTED"), 200);
        send(admin, "/api/v1/brokerages/" + b + "/status", Map.of("status", "DROPPED"), 400);
        send(admin, "/api/v1/brokerages/" + b + "/status", Map.of("status", "NEGOTIATING", "note", "第一次洽谈"), 200);
        JsonNode signed = send(admin, "/api/v1/brokerages/" + b + "/status", Map.of("status", "SIGNED"), 200);
        assertThat(signed.get("status").asString()).isEqualTo("SIGNED");

        // contract: registration within 30 days of signing, then certification with a separate technology amount
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("brokerageId", b);
        c.put("sellerOrganisationId", university);
        c.put("buyerOrganisationId", enterprise);
        c.put("type", "TRANSFER");
        c.put("title", "减压贮藏技术转让合同");
        c.put("contractAmount", 500000);
        c.put("signedOn", today.minusDays(31).toString());
        JsonNode late = send(admin, "/api/v1/contracts", c, 409);
        assertThat(late.toString()).contains("31");
        c.put("signedOn", today.minusDays(30).toString());
        long contract = send(admin, "/api/v1/contracts", c, 201).get("id").asLong();
        send(admin, "/api/v1/contracts/" + contract + "/certify", Map.of("technologyAmount", 600000), 400);
        JsonNode certified =
                send(admin, "/api/v1/contracts/" + contract + "/certify", Map.of("technologyAmount", 420000), 200);
        assertThat(certified.get("registrationNumber").asString()).startsWith("3715");
        assertThat(certified.get("technologyAmount").decimalValue()).isEqualByComparingTo("420000");
        send(admin, "/api/v1/contracts/" + contract + "/certify", Map.of("technologyAmount", 1), 409);
    }

    @Test
    void indicatorsEqualTheirDrillDowns() throws Exception {
        java.util.Collection<Indicator> indicators =
                context.getBeansOfType(Indicator.class).values();
        assertThat(indicators)
                .as(String.join(
                        ",",
                        java.util.Arrays.stream(context.getBeanDefinitionNames())
                                .filter(n -> n.toLowerCase().contains("market"))
                                .toList()))
                .hasSizeGreaterThanOrEqualTo(6);
        for (Indicator i : indicators) {
            if (i.family() != Indicator.Family.MARKET) {
                continue;
            }
            for (IndicatorScope scope : List.of(IndicatorScope.CITY, IndicatorScope.county("ZONE-HTZ"))) {
                JsonNode page = api.getJson(i.drillDown(scope), api.adminToken());
                if (i.measure() == Indicator.Measure.COUNT) {
                    assertThat(page.get("totalElements").asLong())
                            .as(i.id())
                            .isEqualTo(i.value(scope).longValue());
                } else {
                    assertThat(page.get("sum").decimalValue()).as(i.id()).isEqualByComparingTo(i.value(scope));
                }
            }
        }
    }

    @Test
    void jsonLinesImportReportsEveryRow() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", "ZONE-HTZ");
        String body =
                "{\"title\":\"" + Api.unique("导入需求") + "\",\"description\":\"描述\",\"cooperation\":[\"CONSULTING\"],"
                        + "\"organisationId\":" + org + "}\n{\"title\":\"\",\"cooperation\":[]}\nnot json\n";
        MvcResult r = mvc.perform(api.asAdmin(post("/api/v1/needs/import")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(body)))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode rows = api.read(r);
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.get(0).get("id").isNull()).isFalse();
        assertThat(rows.get(1).get("errors").size()).isGreaterThan(0);
        assertThat(rows.get(2).get("errors").size()).isEqualTo(1);
        clock.advance(Duration.ZERO);
    }
}
