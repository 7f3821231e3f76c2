package org.gongtong.cultivation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real bearer tokens for integration tests: the admin's, and new users with a role. */
final class ApiSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiSupport() {}

    static String adminToken(MockMvc mvc) throws Exception {
        return token(mvc, "admin", "Test#Admin2026");
    }

    static String token(MockMvc mvc, String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("username", username, "password", password))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return "Bearer " + JSON.readTree(body).get("token").asString();
    }

    /** Creates a user with the role (and organisation / county) and returns their bearer token. */
    static String userToken(MockMvc mvc, String admin, String role, Long organisationId, String county)
            throws Exception {
        String username = "cult-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Cultivation#2026-pass";
        Map<String, Object> user = new java.util.HashMap<>();
        user.put("username", username);
        user.put("displayName", username);
        user.put("role", role);
        user.put("organisationId", organisationId);
        user.put("county", county);
        user.put("password", password);
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(user)))
                .andExpect(status().isCreated());
        return token(mvc, username, password);
    }

    /** Registers an enterprise in the registry and returns its id. */
    static long enterprise(MockMvc mvc, String admin, String name, String county, String industry, String foundedOn)
            throws Exception {
        Map<String, Object> org = new java.util.HashMap<>();
        org.put("foundedOn", foundedOn);
        org.put("kind", "ENTERPRISE");
        org.put("name", name);
        org.put("county", county);
        org.put("industry", industry);
        String body = mvc.perform(post("/api/v1/organisations")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(org)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body).get("id").asLong();
    }

    static JsonNode read(String body) {
        return JSON.readTree(body);
    }
}
