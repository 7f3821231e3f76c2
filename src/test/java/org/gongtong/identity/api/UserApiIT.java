package org.gongtong.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongtong.Api.jsonBody;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class UserApiIT {

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
    void weakPasswordIs400NamingPassword() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", null);
        for (String weak : List.of("short1A", "alllowercase1", "NoDigitsOrSymbols")) {
            String username = Api.unique("weak").toLowerCase();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("displayName", "弱密码");
            body.put("role", "ENTERPRISE_USER");
            body.put("organisationId", org);
            body.put("password", weak);
            mvc.perform(api.asAdmin(jsonBody(post("/api/v1/users"), api.write(body))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("password")));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, username))
                    .isZero();
        }
    }

    @Test
    void nonAdminNeedsAnOrganisationAndCountyOfficerACounty() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", Api.unique("noorg").toLowerCase());
        body.put("displayName", "无机构");
        body.put("role", "COUNTY_OFFICER");
        body.put("password", Api.PASSWORD);
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/users"), api.write(body))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("organisationId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("county")));
    }

    @Test
    void roleAndOrganisationChangesAreAuditedAsPermissionChanged() throws Exception {
        long first = api.createOrganisation("ENTERPRISE", null);
        long second = api.createOrganisation("ENTERPRISE", null);
        Api.User user = api.createUser("ENTERPRISE_USER", first, null);

        update(user.id(), Map.of("displayName", "改名而已", "role", "ENTERPRISE_USER", "organisationId", first))
                .andExpect(status().isOk());
        update(user.id(), Map.of("displayName", "改名而已", "role", "ENTERPRISE_USER", "organisationId", second))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").value(second));
        update(user.id(), Map.of("displayName", "改名而已", "role", "REVIEWER", "organisationId", second))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("REVIEWER"));

        List<Map<String, Object>> entries = jdbc.queryForList(
                "SELECT action, before_state, after_state FROM audit_entry WHERE entity_type = 'user' AND entity_id = ?"
                        + " ORDER BY seq",
                Long.toString(user.id()));
        assertThat(entries)
                .extracting(e -> e.get("action"))
                .containsExactly("USER_CREATED", "USER_UPDATED", "PERMISSION_CHANGED", "PERMISSION_CHANGED");
        JsonNode before = json.readTree((String) entries.get(3).get("before_state"));
        JsonNode after = json.readTree((String) entries.get(3).get("after_state"));
        assertThat(before.get("role").asString()).isEqualTo("ENTERPRISE_USER");
        assertThat(after.get("role").asString()).isEqualTo("REVIEWER");
        JsonNode moved = json.readTree((String) entries.get(2).get("after_state"));
        assertThat(moved.get("organisationId").asLong()).isEqualTo(second);
    }

    @Test
    void theLastAdministratorCannotBeDisabledOrDemoted() throws Exception {
        // other tests may have created administrators: disable them all but "admin" for this check
        List<Long> otherAdmins = jdbc.queryForList(
                "SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE AND username <> 'admin'", Long.class);
        long adminId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", Long.class);
        try {
            otherAdmins.forEach(id -> jdbc.update("UPDATE app_user SET enabled = FALSE WHERE id = ?", id));
            update(adminId, Map.of("displayName", "系统管理员", "role", "ADMIN", "enabled", false))
                    .andExpect(status().isConflict());
            long org = api.createOrganisation("GOVERNMENT", null);
            update(adminId, Map.of("displayName", "系统管理员", "role", "CITY_OFFICER", "organisationId", org))
                    .andExpect(status().isConflict());
            JsonNode admin = api.getJson("/api/v1/users/" + adminId, api.adminToken());
            assertThat(admin.get("enabled").asBoolean()).isTrue();
            assertThat(admin.get("role").asString()).isEqualTo("ADMIN");
        } finally {
            otherAdmins.forEach(id -> jdbc.update("UPDATE app_user SET enabled = TRUE WHERE id = ?", id));
        }
    }

    @Test
    void anotherAdministratorCanBeDisabledWhileOneRemains() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        String username = Api.unique("admin2").toLowerCase();
        body.put("username", username);
        body.put("displayName", "第二管理员");
        body.put("role", "ADMIN");
        body.put("password", Api.PASSWORD);
        long id = api.read(mvc.perform(api.asAdmin(jsonBody(post("/api/v1/users"), api.write(body))))
                        .andExpect(status().isCreated())
                        .andReturn())
                .get("id")
                .asLong();
        update(id, Map.of("displayName", "第二管理员", "role", "ADMIN", "enabled", false))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_entry WHERE entity_type = 'user' AND entity_id = ?",
                        String.class,
                        Long.toString(id)))
                .contains("USER_DISABLED");
    }

    @Test
    void disabledAdministratorsListedFirstDoNotHideAnActiveOne() throws Exception {
        // two disabled administrators whose names sort before everyone else's
        for (int i = 0; i < 2; i++) {
            long id = createAdmin("aa" + i + Api.unique("").toLowerCase());
            update(id, Map.of("displayName", "停用的管理员", "role", "ADMIN", "enabled", false))
                    .andExpect(status().isOk());
        }
        long target = createAdmin("ab" + Api.unique("").toLowerCase());
        // "admin" is still enabled, so the target is not the last one
        update(target, Map.of("displayName", "管理员", "role", "ADMIN", "enabled", false))
                .andExpect(status().isOk());
    }

    @Test
    void duplicateUsernameIs400() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", null);
        Api.User user = api.createUser("ENTERPRISE_USER", org, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("displayName", "重名");
        body.put("role", "ENTERPRISE_USER");
        body.put("organisationId", org);
        body.put("password", Api.PASSWORD);
        mvc.perform(api.asAdmin(jsonBody(post("/api/v1/users"), api.write(body))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")));
    }

    @Test
    void resetPasswordChecksThePolicyAndRevokesTokens() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", null);
        Api.User user = api.createUser("ENTERPRISE_USER", org, null);
        String token = api.token(user.username(), Api.PASSWORD);
        mvc.perform(api.asAdmin(jsonBody(
                        post("/api/v1/users/" + user.id() + "/password"), api.write(Map.of("password", "weak")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(api.asAdmin(jsonBody(
                        post("/api/v1/users/" + user.id() + "/password"),
                        api.write(Map.of("password", "Another#2026")))))
                .andExpect(status().isOk());
        mvc.perform(Api.bearer(get("/api/v1/auth/me"), token)).andExpect(status().isUnauthorized());
        api.token(user.username(), "Another#2026");
    }

    private long createAdmin(String username) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "管理员");
        body.put("role", "ADMIN");
        body.put("password", Api.PASSWORD);
        return api.read(mvc.perform(api.asAdmin(jsonBody(post("/api/v1/users"), api.write(body))))
                        .andExpect(status().isCreated())
                        .andReturn())
                .get("id")
                .asLong();
    }

    private org.springframework.test.web.servlet.ResultActions update(long id, Map<String, Object> body)
            throws Exception {
        return mvc.perform(api.asAdmin(jsonBody(put("/api/v1/users/" + id), api.write(body))));
    }
}
