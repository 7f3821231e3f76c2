package org.gongtong.grants;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import tools.jackson.databind.JsonNode;

/** Builds a programme on a fund of its own, an applicant, reviewers and an approved grant through the API. */
final class GrantsFixture {

    record Setup(
            long fundId,
            long programmeId,
            List<Long> criteria,
            long orgId,
            String applicantName,
            Api.User applicantUser,
            String applicant) {}

    private final Api api;
    private final GrantsHttp http;
    private final String admin;

    GrantsFixture(Api api, GrantsHttp http, String admin) {
        this.api = api;
        this.http = http;
        this.admin = admin;
    }

    Setup programme(String fundBudget) throws Exception {
        long fund = http.post(admin, "/api/v1/special-fund", GrantsHttp.fund(fundBudget, fundBudget))
                .expect(201)
                .body()
                .get("fundId")
                .asLong();
        JsonNode prog = http.post(
                        admin,
                        "/api/v1/grant-programmes",
                        GrantsModuleTest.programme(fund, List.of("applicantName", "contactPhone"), true))
                .expect(201)
                .body();
        List<Long> criteria = new java.util.ArrayList<>();
        prog.get("criteria").forEach(c -> criteria.add(c.get("id").asLong()));
        Map<String, Object> orgBody = Api.organisation("ENTERPRISE", "371503");
        long org = api.createOrganisation(orgBody).get("id").asLong();
        Api.User user = api.createUser("ENTERPRISE_USER", org, null);
        return new Setup(
                fund,
                prog.get("id").asLong(),
                criteria,
                org,
                (String) orgBody.get("name"),
                user,
                api.token(user.username(), Api.PASSWORD));
    }

    Api.User reviewer() throws Exception {
        return api.createUser("REVIEWER", api.createOrganisation("UNIVERSITY", null), null);
    }

    long approved(Setup s, String amount) throws Exception {
        return approved(s, amount, null);
    }

    /** Approved with these targets ({indicator, year, targetValue, weight}); null: the default target. */
    long approved(Setup s, String amount, List<Map<String, Object>> targets) throws Exception {
        long app = http.post(s.applicant(), "/api/v1/grant-programmes/" + s.programmeId() + "/applications", null)
                .expect(201)
                .id();
        http.put(
                        s.applicant(),
                        "/api/v1/grant-applications/" + app + "/draft",
                        Map.of(
                                "title",
                                "页面测试方案",
                                "summary",
                                "摘要",
                                "workPlan",
                                "计划",
                                "requestedAmount",
                                new BigDecimal(amount)))
                .expect(200);
        http.post(s.applicant(), "/api/v1/grant-applications/" + app + "/submit", null)
                .expect(200);
        http.post(admin, "/api/v1/grant-applications/" + app + "/review", null).expect(200);
        Api.User r = reviewer();
        long as = http.post(
                        admin, "/api/v1/grant-applications/" + app + "/assignments", Map.of("reviewerUserId", r.id()))
                .expect(201)
                .id();
        http.post(
                        api.token(r.username(), Api.PASSWORD),
                        "/api/v1/review-assignments/" + as + "/scores",
                        Map.of(
                                "scores",
                                Map.of(s.criteria().get(0), 8, s.criteria().get(1), 8)))
                .expect(200);
        Map<String, Object> decision = new java.util.LinkedHashMap<>();
        decision.put("approvedAmount", new BigDecimal(amount));
        if (targets != null) {
            decision.put("targets", targets);
        }
        return http.post(admin, "/api/v1/grant-applications/" + app + "/decision", decision)
                .expect(201)
                .id();
    }
}
