package org.gongtong.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongtong.Api.bearer;
import static org.gongtong.Api.jsonBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What each role may see and change, with real users and tokens. */
@IntegrationTest
class ScopeIT {

    static final String X = "371502";
    static final String Y = "371503";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @Test
    void enterpriseUserSeesItsOwnContactsOnly() throws Exception {
        Map<String, Object> a = Api.organisation("ENTERPRISE", X);
        long orgA = api.createOrganisation(a).get("id").asLong();
        Map<String, Object> b = Api.organisation("ENTERPRISE", X);
        b.put("contactEmail", "b@example.org");
        long orgB = api.createOrganisation(b).get("id").asLong();
        String token = api.token(api.createUser("ENTERPRISE_USER", orgA, null).username(), Api.PASSWORD);

        JsonNode own = api.getJson("/api/v1/organisations/" + orgA, token);
        assertThat(own.get("contactName").asString()).isEqualTo("联系人");
        assertThat(own.get("contactPhone").asString()).isEqualTo("0635-8123456");

        JsonNode other = api.getJson("/api/v1/organisations/" + orgB, token);
        assertThat(other.get("name").asString()).isEqualTo(b.get("name"));
        assertThat(other.get("contactName").isNull()).isTrue();
        assertThat(other.get("contactPhone").isNull()).isTrue();
        assertThat(other.get("contactEmail").isNull()).isTrue();

        // the list hides them too
        JsonNode listed =
                api.read(mvc.perform(bearer(get("/api/v1/organisations").param("q", (String) b.get("name")), token))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(listed.get("content").get(0).get("contactName").isNull()).isTrue();
    }

    @Test
    void enterpriseUserCannotChangeAnotherOrganisationOrRegisterOne() throws Exception {
        long orgA = api.createOrganisation("ENTERPRISE", X);
        Map<String, Object> b = Api.organisation("ENTERPRISE", X);
        long orgB = api.createOrganisation(b).get("id").asLong();
        String token = api.token(api.createUser("ENTERPRISE_USER", orgA, null).username(), Api.PASSWORD);

        b.put("address", "被篡改");
        mvc.perform(bearer(jsonBody(put("/api/v1/organisations/" + orgB), api.write(b)), token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(api.getJson("/api/v1/organisations/" + orgB, api.adminToken())
                        .get("address")
                        .isNull())
                .isTrue();

        mvc.perform(bearer(
                        jsonBody(post("/api/v1/organisations"), api.write(Api.organisation("ENTERPRISE", X))), token))
                .andExpect(status().isForbidden());
    }

    @Test
    void enterpriseUserMayChangeItsOwnOrganisation() throws Exception {
        Map<String, Object> a = Api.organisation("ENTERPRISE", X);
        long orgA = api.createOrganisation(a).get("id").asLong();
        String token = api.token(api.createUser("ENTERPRISE_USER", orgA, null).username(), Api.PASSWORD);
        a.put("address", "自己改的地址");
        mvc.perform(bearer(jsonBody(put("/api/v1/organisations/" + orgA), api.write(a)), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("自己改的地址"));
    }

    @Test
    void countyOfficerEditsItsCountyOnly() throws Exception {
        long bureau = api.createOrganisation("GOVERNMENT", X);
        String token = api.token(api.createUser("COUNTY_OFFICER", bureau, X).username(), Api.PASSWORD);
        Map<String, Object> inX = Api.organisation("ENTERPRISE", X);
        long idX = api.createOrganisation(inX).get("id").asLong();
        Map<String, Object> inY = Api.organisation("ENTERPRISE", Y);
        long idY = api.createOrganisation(inY).get("id").asLong();

        inX.put("address", "县里改的");
        mvc.perform(bearer(jsonBody(put("/api/v1/organisations/" + idX), api.write(inX)), token))
                .andExpect(status().isOk());
        assertThat(api.getJson("/api/v1/organisations/" + idX, token)
                        .get("contactName")
                        .asString())
                .isEqualTo("联系人");

        inY.put("address", "越权修改");
        mvc.perform(bearer(jsonBody(put("/api/v1/organisations/" + idY), api.write(inY)), token))
                .andExpect(status().isForbidden());
        assertThat(api.getJson("/api/v1/organisations/" + idY, token)
                        .get("contactName")
                        .isNull())
                .isTrue();
    }

    @Test
    void countyOfficerRegistersAndMovesOrganisationsWithinItsCountyOnly() throws Exception {
        long bureau = api.createOrganisation("GOVERNMENT", X);
        String token = api.token(api.createUser("COUNTY_OFFICER", bureau, X).username(), Api.PASSWORD);
        JsonNode created = api.read(mvc.perform(bearer(
                        jsonBody(post("/api/v1/organisations"), api.write(Api.organisation("ENTERPRISE", X))), token))
                .andExpect(status().isCreated())
                .andReturn());
        Map<String, Object> elsewhere = Api.organisation("ENTERPRISE", Y);
        mvc.perform(bearer(jsonBody(post("/api/v1/organisations"), api.write(elsewhere)), token))
                .andExpect(status().isForbidden());
        assertThat(api.getJson("/api/v1/organisations?q=" + elsewhere.get("uscc"), api.adminToken())
                        .get("totalElements")
                        .asLong())
                .isZero();

        Map<String, Object> moved = Api.organisation("ENTERPRISE", Y);
        moved.put("name", created.get("name").asString());
        moved.put("uscc", created.get("uscc").asString());
        mvc.perform(bearer(
                        jsonBody(
                                put("/api/v1/organisations/" + created.get("id").asLong()), api.write(moved)),
                        token))
                .andExpect(status().isForbidden());
        assertThat(api.getJson("/api/v1/organisations/" + created.get("id").asLong(), token)
                        .get("county")
                        .asString())
                .isEqualTo(X);
    }

    @Test
    void nonAdministratorsCannotAdministerUsersOrTheAuditLog() throws Exception {
        long org = api.createOrganisation("GOVERNMENT", null);
        String token = api.token(api.createUser("CITY_OFFICER", org, null).username(), Api.PASSWORD);
        mvc.perform(bearer(get("/api/v1/users"), token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(bearer(
                        jsonBody(
                                post("/api/v1/users"),
                                api.write(Map.of(
                                        "username",
                                        Api.unique("x"),
                                        "displayName",
                                        "x",
                                        "role",
                                        "ADMIN",
                                        "password",
                                        Api.PASSWORD))),
                        token))
                .andExpect(status().isForbidden());
        mvc.perform(bearer(get("/api/v1/audit/verify"), token)).andExpect(status().isForbidden());
        mvc.perform(bearer(get("/api/v1/audit"), token)).andExpect(status().isForbidden());
    }

    @Test
    void unauthenticatedApiCallIs401Problem() throws Exception {
        mvc.perform(get("/api/v1/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/groups")).andExpect(status().isUnauthorized());
        // Chinese by default, English on request, like every other problem
        mvc.perform(get("/api/v1/organisations"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请先登录")));
        mvc.perform(get("/api/v1/organisations").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Sign in")));
        mvc.perform(bearer(get("/api/v1/organisations"), "gt_revoked-or-invalid"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("令牌")));
        mvc.perform(jsonBody(post("/api/v1/organisations"), "{}")).andExpect(status().isUnauthorized());
    }
}
