package org.gongtong.capital;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the integration tests: real server, real bearer tokens. */
final class Api {

    record Response(int status, JsonNode body, String raw) {}

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    Response post(String token, String path, Object body) {
        return send(token, "POST", path, body);
    }

    Response get(String token, String path) {
        return send(token, "GET", path, null);
    }

    Response send(String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .header("Accept-Language", "en");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) {
                node = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), node, r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a page form (urlencoded), as a browser would, without following the redirect. */
    Response form(String token, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "zh-CN")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    res.statusCode(), null, res.headers().firstValue("Location").orElse("") + "\n" + res.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches a page (HTML or a download) in Chinese. */
    HttpResponse<byte[]> page(String token, String path) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "zh-CN")
                    .GET()
                    .build();
            return HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String username, String password) {
        Response r = post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
        if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException("token: " + r.status() + " " + r.raw());
        }
        return r.body().get("token").asString();
    }

    String admin() {
        return token("admin", "Test#Admin2026");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an organisation of a kind and returns its id. */
    long organisation(String admin, String kind, String name) {
        Response r = post(admin, "/api/v1/organisations", Map.of("name", name, "kind", kind, "county", "371502"));
        if (r.status() != 201) {
            throw new IllegalStateException("organisation: " + r.status() + " " + r.raw());
        }
        return r.body().get("id").asLong();
    }

    /** Creates a user with a role (and organisation) and returns a bearer token for them. */
    String user(String admin, String role, Long organisationId) {
        String username = unique("u").toLowerCase(java.util.Locale.ROOT).replace("-", "");
        String password = "Cap#Test2026x";
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("displayName", username);
        body.put("role", role);
        body.put("organisationId", organisationId);
        body.put("password", password);
        if ("COUNTY_OFFICER".equals(role)) {
            body.put("county", "371502");
        }
        Response r = post(admin, "/api/v1/users", body);
        if (r.status() != 201) {
            throw new IllegalStateException("user: " + r.status() + " " + r.raw());
        }
        return token(username, password);
    }
}
