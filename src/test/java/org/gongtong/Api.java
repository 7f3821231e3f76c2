package org.gongtong;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.gongtong.registry.Uscc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the API as a client does: real bearer tokens, users created through /api/v1/users, and
 * uniquely named records so tests sharing one database never see each other's data.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = "Test#Admin2026";
    public static final String PASSWORD = "Secret#2026x";

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static volatile String adminToken;

    private final MockMvc mvc;
    private final JsonMapper json;

    public Api(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A name no other test (or earlier run on the same database) uses. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(SERIAL.incrementAndGet(), 36) + Long.toString(RANDOM.nextInt(1 << 20), 36);
    }

    /** A valid, random USCC (test body prefix T, so it never collides with demo codes "DM…"). */
    public static String uscc() {
        StringBuilder body = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            body.append(USCC_ALPHABET.charAt(RANDOM.nextInt(USCC_ALPHABET.length())));
        }
        return Uscc.compose("91", "371502", body.toString());
    }

    public MockMvc mvc() {
        return mvc;
    }

    public JsonMapper json() {
        return json;
    }

    public String adminToken() throws Exception {
        if (adminToken == null) {
            adminToken = token("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public String token(String username, String password) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(write(Map.of("username", username, "password", password))))
                .andExpect(status().isOk())
                .andReturn();
        return read(r).get("token").asString();
    }

    /** Adds the bearer token to a request. */
    public static <B extends AbstractMockHttpServletRequestBuilder<B>> B bearer(B request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    public <B extends AbstractMockHttpServletRequestBuilder<B>> B asAdmin(B request) throws Exception {
        return bearer(request, adminToken());
    }

    public static <B extends AbstractMockHttpServletRequestBuilder<B>> B jsonBody(B request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }

    public JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A minimal organisation body with a unique name and USCC. */
    public static Map<String, Object> organisation(String kind, String county) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("测试机构"));
        body.put("kind", kind);
        body.put("uscc", uscc());
        body.put("county", county);
        body.put("industry", "NEW_MATERIALS");
        body.put("contactName", "联系人");
        body.put("contactPhone", "0635-8123456");
        return body;
    }

    /** Registers an organisation as admin; returns its JSON. */
    public JsonNode createOrganisation(Map<String, Object> body) throws Exception {
        MvcResult r = mvc.perform(asAdmin(jsonBody(post("/api/v1/organisations"), write(body))))
                .andExpect(status().isCreated())
                .andReturn();
        return read(r);
    }

    public long createOrganisation(String kind, String county) throws Exception {
        return createOrganisation(organisation(kind, county)).get("id").asLong();
    }

    /** A user created by the admin through the API; its password is {@link #PASSWORD}. */
    public record User(long id, String username) {}

    public User createUser(String role, Long organisationId, String county) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        String username = unique("u").toLowerCase();
        body.put("username", username);
        body.put("displayName", "测试用户 " + username);
        body.put("role", role);
        body.put("organisationId", organisationId);
        body.put("county", county);
        body.put("password", PASSWORD);
        MvcResult r = mvc.perform(asAdmin(jsonBody(post("/api/v1/users"), write(body))))
                .andExpect(status().isCreated())
                .andReturn();
        return new User(read(r).get("id").asLong(), username);
    }

    public JsonNode getJson(String url, String token) throws Exception {
        return read(
                mvc.perform(bearer(get(url), token)).andExpect(status().isOk()).andReturn());
    }
}
