package org.gongtong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongtong.Api.bearer;
import static org.gongtong.Api.jsonBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AuthIT {

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
    void issuesATokenThatExpiresInTheFuture() throws Exception {
        JsonNode body = api.read(mvc.perform(jsonBody(
                        post("/api/v1/auth/token"),
                        api.write(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString())
                .andReturn());
        assertThat(body.get("token").asString()).startsWith("gt_");
        assertThat(Instant.parse(body.get("expiresAt").asString())).isAfter(Instant.now());
        // the token is stored only as a digest
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM api_token WHERE digest = ?",
                        Long.class,
                        body.get("token").asString()))
                .isZero();
    }

    @Test
    void meNamesTheTokensUser() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", "371502");
        Api.User user = api.createUser("ENTERPRISE_USER", org, null);
        String token = api.token(user.username(), Api.PASSWORD);
        mvc.perform(bearer(get("/api/v1/auth/me"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(user.username()))
                .andExpect(jsonPath("$.role").value("ENTERPRISE_USER"))
                .andExpect(jsonPath("$.organisationId").value(org));
    }

    @Test
    void wrongPasswordIs401Problem() throws Exception {
        Api.User user = newUser();
        mvc.perform(jsonBody(
                        post("/api/v1/auth/token"),
                        api.write(Map.of("username", user.username(), "password", "Wrong#Pass1"))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void unknownUserIs401() throws Exception {
        mvc.perform(jsonBody(
                        post("/api/v1/auth/token"),
                        api.write(Map.of("username", Api.unique("nobody"), "password", "Wrong#Pass1"))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        Api.User user = newUser();
        for (int i = 0; i < 5; i++) {
            mvc.perform(jsonBody(
                            post("/api/v1/auth/token"),
                            api.write(Map.of("username", user.username(), "password", "Wrong#Pass" + i))))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(jsonBody(
                        post("/api/v1/auth/token"),
                        api.write(Map.of("username", user.username(), "password", Api.PASSWORD))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        List<String> actions = jdbc.queryForList(
                "SELECT action FROM audit_entry WHERE actor = ? ORDER BY seq", String.class, user.username());
        assertThat(actions).filteredOn("LOGIN_FAILED"::equals).hasSize(5);
        assertThat(actions).containsOnlyOnce("ACCOUNT_LOCKED");
        assertThat(actions).doesNotContain("LOGIN");
        assertThat(actions.indexOf("ACCOUNT_LOCKED")).isGreaterThan(actions.lastIndexOf("LOGIN_FAILED"));
    }

    @Test
    void fourFailuresThenSuccessResetsTheCount() throws Exception {
        Api.User user = newUser();
        for (int i = 0; i < 4; i++) {
            mvc.perform(jsonBody(
                            post("/api/v1/auth/token"),
                            api.write(Map.of("username", user.username(), "password", "Wrong#Pass" + i))))
                    .andExpect(status().isUnauthorized());
        }
        api.token(user.username(), Api.PASSWORD);
        mvc.perform(jsonBody(
                        post("/api/v1/auth/token"),
                        api.write(Map.of("username", user.username(), "password", "Wrong#Pass9"))))
                .andExpect(status().isUnauthorized());
        api.token(user.username(), Api.PASSWORD);
    }

    @Test
    void revokedTokenIs401() throws Exception {
        Api.User user = newUser();
        String token = api.token(user.username(), Api.PASSWORD);
        mvc.perform(bearer(get("/api/v1/auth/me"), token)).andExpect(status().isOk());
        mvc.perform(bearer(delete("/api/v1/auth/token"), token)).andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/auth/me"), token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void disablingAUserRevokesItsTokens() throws Exception {
        Api.User user = newUser();
        String token = api.token(user.username(), Api.PASSWORD);
        JsonNode current = api.getJson("/api/v1/users/" + user.id(), api.adminToken());
        mvc.perform(api.asAdmin(jsonBody(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/users/" + user.id()),
                        api.write(Map.of(
                                "displayName", current.get("displayName").asString(),
                                "role", current.get("role").asString(),
                                "organisationId", current.get("organisationId").asLong(),
                                "enabled", false)))))
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/auth/me"), token)).andExpect(status().isUnauthorized());
    }

    @Test
    void garbageTokenIs401() throws Exception {
        mvc.perform(bearer(get("/api/v1/auth/me"), "gt_not-a-real-token")).andExpect(status().isUnauthorized());
        mvc.perform(bearer(get("/api/v1/organisations"), "nonsense")).andExpect(status().isUnauthorized());
    }

    private Api.User newUser() throws Exception {
        long org = api.createOrganisation("SERVICE", null);
        return api.createUser("SERVICE_USER", org, null);
    }
}
