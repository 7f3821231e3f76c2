package org.gongtong.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongtong.Api.jsonBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class OrganisationApiIT {

    static final String BAD_USCC = "91350100M000100Y44";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @Test
    void createReturns201WithIdAndLocation() throws Exception {
        Map<String, Object> body = Api.organisation("UNIVERSITY", "临清市");
        body.put("uscc", ((String) body.get("uscc")).toLowerCase());
        JsonNode created = api.read(mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), api.write(body))))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/organisations/")))
                .andReturn());
        long id = created.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.get("name").asString()).isEqualTo(body.get("name"));
        assertThat(created.get("kind").asString()).isEqualTo("UNIVERSITY");
        assertThat(created.get("county").asString()).isEqualTo("371581");
        assertThat(created.get("uscc").asString()).isEqualTo(((String) body.get("uscc")).toUpperCase());
        assertThat(created.get("version").asInt()).isZero();

        JsonNode fetched = api.getJson("/api/v1/organisations/" + id, api.adminToken());
        assertThat(fetched.get("name").asString()).isEqualTo(body.get("name"));
        assertThat(fetched.get("contactName").asString()).isEqualTo("联系人");
    }

    @Test
    void onlyNameAndKindAreRequired() throws Exception {
        mvc.perform(api.asAdmin(jsonBody(
                        post("/api/v1/organisations"),
                        api.write(Map.of("name", Api.unique("最少字段"), "kind", "SERVICE")))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.uscc").doesNotExist());
    }

    @Test
    void invalidUsccIs400NamingTheFieldInChinese() throws Exception {
        Map<String, Object> body = Api.organisation("ENTERPRISE", null);
        body.put("uscc", BAD_USCC);
        long before = count();
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), api.write(body))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[0].message", containsString("校验码")))
                .andExpect(jsonPath("$.errors[0].message", containsString(BAD_USCC)));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void invalidUsccInEnglishOnRequest() throws Exception {
        Map<String, Object> body = Api.organisation("ENTERPRISE", null);
        body.put("uscc", "91350100M000100Y4");
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), api.write(body)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[0].message", containsString("18 characters")))
                .andExpect(jsonPath("$.title").value("Bad request"));
    }

    @Test
    void duplicateUsccIs409() throws Exception {
        Map<String, Object> body = Api.organisation("ENTERPRISE", null);
        api.createOrganisation(body);
        Map<String, Object> again = Api.organisation("ENTERPRISE", null);
        again.put("uscc", body.get("uscc"));
        long before = count();
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), api.write(again))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void missingNameOrKindIs400AndWritesNothing() throws Exception {
        long organisations = count();
        long audit = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), api.write(Map.of("kind", "ENTERPRISE")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), api.write(Map.of("name", Api.unique("无类别"))))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), "{}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        mvc.perform(api.asAdmin(
                        jsonBody(post("/api/v1/organisations"), api.write(Map.of("name", "x", "kind", "BANK")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        assertThat(count()).isEqualTo(organisations);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class))
                .isEqualTo(audit);
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/organisations"), "{\"name\": ")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void listFiltersByQueryKindCountyAndIndustryWithPaging() throws Exception {
        String tag = Api.unique("筛选");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Api.organisation("FINANCE", "371522");
            body.put("name", tag + "银行" + i);
            body.put("industry", "GREEN_CHEMICALS");
            ids.add(api.createOrganisation(body).get("id").asLong());
        }
        Map<String, Object> other = Api.organisation("ENTERPRISE", "371525");
        other.put("name", tag + "企业");
        other.put("industry", "TEXTILES_APPAREL");
        long otherId = api.createOrganisation(other).get("id").asLong();

        JsonNode all = list("q=" + tag);
        assertThat(all.get("totalElements").asLong()).isEqualTo(4);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(20);
        assertThat(all.get("content")).hasSize(4);

        assertThat(idsOf(list("q=" + tag + "&kind=FINANCE"))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(idsOf(list("q=" + tag + "&kind=" + "金"))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(idsOf(list("q=" + tag + "&county=371525"))).containsExactly(otherId);
        assertThat(idsOf(list("q=" + tag + "&county=" + "莘县"))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(idsOf(list("q=" + tag + "&industry=" + "纺织服装"))).containsExactly(otherId);
        assertThat(idsOf(list("q=" + tag + "&industry=GREEN_CHEMICALS&county=371522&kind=FINANCE")))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(list("q=" + tag + "&kind=USER").get("totalElements").asLong())
                .isZero();

        // paging walks every match exactly once
        Set<Long> seen = new HashSet<>();
        for (int page = 0; page < 2; page++) {
            JsonNode p = list("q=" + tag + "&size=2&page=" + page);
            assertThat(p.get("totalElements").asLong()).isEqualTo(4);
            assertThat(p.get("size").asInt()).isEqualTo(2);
            assertThat(p.get("page").asInt()).isEqualTo(page);
            assertThat(p.get("content")).hasSize(2);
            seen.addAll(idsOf(p));
        }
        assertThat(seen).hasSize(4);
        assertThat(list("q=" + tag + "&size=2&page=2").get("content")).isEmpty();

        // LIKE wildcards typed by the user match themselves only
        assertThat(list("q=%").get("totalElements").asLong()).isZero();
        assertThat(list("q=" + tag.substring(0, 3) + "_").get("totalElements").asLong())
                .isZero();

        // an exact USCC finds its organisation
        assertThat(idsOf(list("q=" + other.get("uscc")))).containsExactly(otherId);
    }

    @Test
    void unknownFilterValuesAre400() throws Exception {
        mvc.perform(api.asAdmin(get("/api/v1/organisations?kind=BANK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(api.asAdmin(get("/api/v1/organisations").param("county", "北京市")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("county"));
    }

    @Test
    void putChangesTheRecordAndBumpsTheVersion() throws Exception {
        Map<String, Object> body = Api.organisation("SERVICE", "371524");
        long id = api.createOrganisation(body).get("id").asLong();
        body.put("address", "东阿县新地址 1 号");
        body.put("county", "371526");
        body.put("version", 0);
        mvc.perform(api.asAdmin(jsonBody(put("/api/v1/organisations/" + id), api.write(body))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.county").value("371526"))
                .andExpect(jsonPath("$.address").value("东阿县新地址 1 号"));
        JsonNode fetched = api.getJson("/api/v1/organisations/" + id, api.adminToken());
        assertThat(fetched.get("version").asInt()).isEqualTo(1);
        assertThat(fetched.get("county").asString()).isEqualTo("371526");
    }

    @Test
    void putWithStaleVersionIs409AndChangesNothing() throws Exception {
        Map<String, Object> body = Api.organisation("SERVICE", null);
        long id = api.createOrganisation(body).get("id").asLong();
        body.put("version", 0);
        body.put("address", "第一次修改");
        mvc.perform(api.asAdmin(jsonBody(put("/api/v1/organisations/" + id), api.write(body))))
                .andExpect(status().isOk());
        body.put("address", "基于旧版本的修改");
        mvc.perform(api.asAdmin(jsonBody(put("/api/v1/organisations/" + id), api.write(body))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(api.getJson("/api/v1/organisations/" + id, api.adminToken())
                        .get("address")
                        .asString())
                .isEqualTo("第一次修改");
    }

    @Test
    void putToAnotherOrganisationsUsccIs409() throws Exception {
        Map<String, Object> first = Api.organisation("SERVICE", null);
        api.createOrganisation(first);
        Map<String, Object> second = Api.organisation("SERVICE", null);
        long id = api.createOrganisation(second).get("id").asLong();
        second.put("uscc", first.get("uscc"));
        mvc.perform(api.asAdmin(jsonBody(put("/api/v1/organisations/" + id), api.write(second))))
                .andExpect(status().isConflict());
    }

    @Test
    void unknownIdIs404Problem() throws Exception {
        mvc.perform(api.asAdmin(get("/api/v1/organisations/987654321")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(api.asAdmin(
                        jsonBody(put("/api/v1/organisations/987654321"), api.write(Api.organisation("SERVICE", null)))))
                .andExpect(status().isNotFound());
    }

    /** GET the list with query parameters given as "name=value" pairs (values unencoded). */
    private JsonNode list(String query) throws Exception {
        var request = get("/api/v1/organisations");
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            request.param(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return api.read(
                mvc.perform(api.asAdmin(request)).andExpect(status().isOk()).andReturn());
    }

    private static List<Long> idsOf(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(o -> ids.add(o.get("id").asLong()));
        return ids;
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
    }
}
