package org.gongtong.insight;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.gongtong.Api;
import tools.jackson.databind.JsonNode;

/**
 * Rows in every module on main, created through their APIs, so each indicator has something to
 * count in the county used by the tests: an enterprise registered as a tech SME, a fund manager
 * with a parent fund and a sub-fund (commitments, a local investment in the enterprise).
 */
final class InsightData {

    static final String COUNTY = "371502";

    record Seeded(long enterprise, long manager, long parentFund, long subFund) {}

    private InsightData() {}

    static Seeded seed(Api api) throws Exception {
        long enterprise = api.createOrganisation("ENTERPRISE", COUNTY);
        api.mvc()
                .perform(api.asAdmin(Api.jsonBody(
                        post("/api/v1/cultivation/enterprises/" + enterprise + "/pipeline/moves"),
                        api.write(Map.of("action", "REGISTER_TECH_SME", "year", 2026, "number", Api.unique("TSME"))))))
                .andExpect(status().isOk());
        long manager = api.createOrganisation("FINANCE", COUNTY);
        long parent = fund(
                api,
                Map.of(
                        "name",
                        Api.unique("母基金"),
                        "kind",
                        "PARENT",
                        "size",
                        100000000,
                        "vintage",
                        2025,
                        "managerId",
                        manager));
        long sub = fund(
                api,
                Map.of(
                        "name",
                        Api.unique("子基金"),
                        "kind",
                        "SUB",
                        "parentFundId",
                        parent,
                        "size",
                        50000000,
                        "vintage",
                        2025,
                        "managerId",
                        manager));
        postOk(api, "/api/v1/funds/" + sub + "/commitments", Map.of("investorFundId", parent, "amount", 10000000));
        postOk(
                api,
                "/api/v1/funds/" + sub + "/commitments",
                Map.of("investorName", "社会资本", "investorOrgId", enterprise, "amount", 40000000));
        postOk(
                api,
                "/api/v1/funds/" + sub + "/investments",
                Map.of("organisationId", enterprise, "date", "2026-03-01", "type", "INITIAL", "amount", 3000000));
        return new Seeded(enterprise, manager, parent, sub);
    }

    private static long fund(Api api, Map<String, Object> body) throws Exception {
        return postOk(api, "/api/v1/funds", body).get("id").asLong();
    }

    private static JsonNode postOk(Api api, String path, Map<String, Object> body) throws Exception {
        var r = api.mvc()
                .perform(api.asAdmin(Api.jsonBody(post(path), api.write(body))))
                .andReturn();
        if (r.getResponse().getStatus() >= 300) {
            throw new AssertionError(path + " → " + r.getResponse().getStatus() + " "
                    + r.getResponse().getContentAsString());
        }
        return api.read(r);
    }
}
