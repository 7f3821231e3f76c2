package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Calls the grants API through MockMvc with bearer tokens and returns status and JSON body together. */
final class GrantsHttp {

    record Response(int status, JsonNode body) {
        Response expect(int expected) {
            assertThat(status).as(body == null ? "" : body.toString()).isEqualTo(expected);
            return this;
        }

        long id() {
            return body.get("id").asLong();
        }

        BigDecimal decimal(String field) {
            return new BigDecimal(body.get(field).asString());
        }
    }

    private final Api api;

    GrantsHttp(Api api) {
        this.api = api;
    }

    Response get(String token, String url) throws Exception {
        return respond(api.mvc()
                .perform(
                        Api.bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url), token))
                .andReturn());
    }

    Response post(String token, String url, Object body) throws Exception {
        var req = Api.bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url), token);
        if (body != null) {
            req = Api.jsonBody(req, api.write(body));
        }
        return respond(api.mvc().perform(req).andReturn());
    }

    Response put(String token, String url, Object body) throws Exception {
        var req = Api.jsonBody(
                Api.bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(url), token),
                api.write(body));
        return respond(api.mvc().perform(req).andReturn());
    }

    private Response respond(MvcResult r) throws Exception {
        String s = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new Response(
                r.getResponse().getStatus(), s.isBlank() ? null : api.json().readTree(s));
    }

    /** A fund of its own for a test: the given budgets for years 2026, 2027, … */
    static Map<String, Object> fund(String total, String... budgets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Api.unique("专项资金"));
        body.put("total", new BigDecimal(total));
        List<Map<String, Object>> years = new java.util.ArrayList<>();
        for (int i = 0; i < budgets.length; i++) {
            years.add(Map.of("year", 2026 + i, "budget", new BigDecimal(budgets[i])));
        }
        body.put("years", years);
        return body;
    }

    static Map<String, Object> allocation(long fundId, int year, String type, long target, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", fundId);
        body.put("year", year);
        body.put("targetType", type);
        body.put("targetId", target);
        body.put("amount", new BigDecimal(amount));
        body.put("purpose", "测试");
        return body;
    }
}
