package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grants module end to end through its API, on the shared context: a programme officer sets up
 * a programme on a fund of its own; an enterprise applies (pre-filled from the registry), is
 * returned for revision and resubmits; reviewers are assigned (the same-organisation and conflicted
 * ones refused), score blinded sheets; the officer decides (money committed), pays tranche 1, runs
 * the year-1 assessment, pays tranche 2, approves the final report and closes the grant. The
 * ledger and the audit chain agree at every step.
 */
@IntegrationTest
class GrantsModuleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    AuditLog audit;

    Api api;
    GrantsHttp http;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        http = new GrantsHttp(api);
        admin = api.adminToken();
    }

    static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    /** A programme on a fund of its own (2026: 5,000,000), 1 stage passing at 60, two criteria. */
    static Map<String, Object> programme(long fundId, List<String> blinded, boolean integrityBlocking) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", Api.unique("共同体补助"));
        p.put("fundId", fundId);
        p.put("fundYear", 2026);
        p.put("maxAmount", new BigDecimal("2000000"));
        p.put("countyMatchRatio", new BigDecimal("0.5"));
        p.put("eligibleKinds", List.of("ENTERPRISE", "RESEARCH"));
        p.put("integrityBlocking", integrityBlocking);
        p.put("blindedFields", blinded);
        p.put("rounds", List.of(Map.of("name", "第一批", "opensOn", "2000-01-01", "closesOn", "2099-12-31")));
        p.put("stages", List.of(Map.of("name", "专家评审", "passScore", 60)));
        p.put(
                "criteria",
                List.of(
                        Map.of("name", "方案", "weight", 60, "maxScore", 10),
                        Map.of("name", "团队", "weight", 40, "maxScore", 10)));
        return p;
    }

    record Setup(long fundId, long programmeId, List<Long> criteria, long orgId, String applicant) {}

    Setup setUpProgramme(String fundBudget, boolean integrityBlocking) throws Exception {
        long fund = http.post(admin, "/api/v1/special-fund", GrantsHttp.fund(fundBudget, fundBudget))
                .expect(201)
                .body()
                .get("fundId")
                .asLong();
        JsonNode prog = http.post(
                        admin,
                        "/api/v1/grant-programmes",
                        programme(fund, List.of("applicantName", "contactPhone"), integrityBlocking))
                .expect(201)
                .body();
        List<Long> criteria = new java.util.ArrayList<>();
        prog.get("criteria").forEach(c -> criteria.add(c.get("id").asLong()));
        Map<String, Object> orgBody = Api.organisation("ENTERPRISE", "371503");
        long org = api.createOrganisation(orgBody).get("id").asLong();
        Api.User user = api.createUser("ENTERPRISE_USER", org, null);
        return new Setup(fund, prog.get("id").asLong(), criteria, org, api.token(user.username(), Api.PASSWORD));
    }

    long submittedApplication(Setup s) throws Exception {
        long app = http.post(s.applicant(), "/api/v1/grant-programmes/" + s.programmeId() + "/applications", null)
                .expect(201)
                .id();
        http.put(
                        s.applicant(),
                        "/api/v1/grant-applications/" + app + "/draft",
                        Map.of(
                                "title",
                                "共同体建设方案",
                                "summary",
                                "摘要",
                                "workPlan",
                                "三年计划",
                                "team",
                                "团队",
                                "requestedAmount",
                                new BigDecimal("2000000")))
                .expect(200);
        http.post(s.applicant(), "/api/v1/grant-applications/" + app + "/submit", null)
                .expect(200);
        return app;
    }

    String reviewer(Long orgId) throws Exception {
        return api.token(reviewerUser(orgId).username(), Api.PASSWORD);
    }

    Api.User reviewerUser(Long orgId) throws Exception {
        return api.createUser("REVIEWER", orgId == null ? api.createOrganisation("UNIVERSITY", null) : orgId, null);
    }

    @Test
    void applicationReviewDecisionTrancheAssessmentTranche() throws Exception {
        Setup s = setUpProgramme("5000000", true);

        // the applicant starts: everything the registry knows is already there
        JsonNode draft = http.post(s.applicant(), "/api/v1/grant-programmes/" + s.programmeId() + "/applications", null)
                .expect(201)
                .body();
        long app = draft.get("id").asLong();
        assertThat(draft.get("applicantUscc").asString()).hasSize(18);
        assertThat(draft.get("applicantCounty").asString()).isEqualTo("371503");
        assertThat(draft.get("contactName").asString()).isEqualTo("联系人");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        // autosave of a partial draft, then submit refuses what is missing
        http.put(s.applicant(), "/api/v1/grant-applications/" + app + "/draft", Map.of("title", "共同体建设方案"))
                .expect(200);
        var missing = http.post(s.applicant(), "/api/v1/grant-applications/" + app + "/submit", null)
                .expect(400);
        assertThat(missing.body().get("errors").toString()).contains("summary", "workPlan", "requestedAmount");
        http.put(
                        s.applicant(),
                        "/api/v1/grant-applications/" + app + "/draft",
                        Map.of(
                                "title",
                                "共同体建设方案",
                                "summary",
                                "摘要",
                                "workPlan",
                                "三年计划",
                                "team",
                                "团队",
                                "requestedAmount",
                                new BigDecimal("2000000")))
                .expect(200);
        http.post(s.applicant(), "/api/v1/grant-applications/" + app + "/submit", null)
                .expect(200);

        // returned for revision with the reason; edited and resubmitted; every version kept
        http.post(admin, "/api/v1/grant-applications/" + app + "/return", Map.of())
                .expect(400);
        var returned = http.post(admin, "/api/v1/grant-applications/" + app + "/return", Map.of("reason", "请补充配套资金说明"))
                .expect(200)
                .body();
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnReason").asString()).isEqualTo("请补充配套资金说明");
        http.put(
                        s.applicant(),
                        "/api/v1/grant-applications/" + app + "/draft",
                        Map.of(
                                "title",
                                "共同体建设方案（修订）",
                                "summary",
                                "摘要；县财政 1:0.5 配套",
                                "workPlan",
                                "三年计划",
                                "team",
                                "团队",
                                "requestedAmount",
                                new BigDecimal("2000000")))
                .expect(200);
        JsonNode resubmitted = http.post(s.applicant(), "/api/v1/grant-applications/" + app + "/submit", null)
                .expect(200)
                .body();
        assertThat(resubmitted.get("version").asInt()).isEqualTo(2);
        JsonNode versions = http.get(s.applicant(), "/api/v1/grant-applications/" + app + "/versions")
                .expect(200)
                .body();
        assertThat(versions).hasSize(3);
        assertThat(versions.get(1).get("event").asString()).isEqualTo("RETURNED");
        assertThat(versions.get(0).get("snapshot").asString())
                .contains("共同体建设方案")
                .doesNotContain("修订");

        // review: the applicant's own colleague and a conflicted expert are refused
        http.post(admin, "/api/v1/grant-applications/" + app + "/review", null).expect(200);
        Api.User colleague = reviewerUser(s.orgId());
        http.post(admin, "/api/v1/grant-applications/" + app + "/assignments", Map.of("reviewerUserId", colleague.id()))
                .expect(409);
        Api.User r1 = reviewerUser(null);
        Api.User r2 = reviewerUser(null);
        Api.User conflicted = reviewerUser(null);
        String t1 = api.token(r1.username(), Api.PASSWORD);
        String t2 = api.token(r2.username(), Api.PASSWORD);
        String tc = api.token(conflicted.username(), Api.PASSWORD);
        long ac = http.post(
                        admin,
                        "/api/v1/grant-applications/" + app + "/assignments",
                        Map.of("reviewerUserId", conflicted.id()))
                .expect(201)
                .id();
        http.post(tc, "/api/v1/review-assignments/" + ac + "/conflict", Map.of("reason", "曾任该企业顾问"))
                .expect(200);
        http.post(
                        admin,
                        "/api/v1/grant-applications/" + app + "/assignments",
                        Map.of("reviewerUserId", conflicted.id()))
                .expect(409);
        long a1 = http.post(
                        admin, "/api/v1/grant-applications/" + app + "/assignments", Map.of("reviewerUserId", r1.id()))
                .expect(201)
                .id();
        long a2 = http.post(
                        admin, "/api/v1/grant-applications/" + app + "/assignments", Map.of("reviewerUserId", r2.id()))
                .expect(201)
                .id();
        // the reviewer's sheet hides the blinded fields
        JsonNode sheet =
                http.get(t1, "/api/v1/review-assignments/" + a1).expect(200).body();
        assertThat(sheet.get("application").get("applicantName").asString()).isEqualTo("***");
        assertThat(sheet.get("application").get("contactPhone").asString()).isEqualTo("***");
        assertThat(sheet.get("application").get("title").asString()).contains("修订");
        http.get(t2, "/api/v1/review-assignments/" + a1).expect(404);
        // nor can the reviewer read the unblinded versions
        http.get(t1, "/api/v1/grant-applications/" + app + "/versions").expect(404);
        assertThat(http.get(t1, "/api/v1/grant-applications/" + app)
                        .expect(200)
                        .body()
                        .get("applicantName")
                        .asString())
                .isEqualTo("***");
        // deciding before any review is in is refused
        http.post(admin, "/api/v1/grant-applications/" + app + "/decision", Map.of("approvedAmount", 2000000))
                .expect(409);
        http.post(
                        t1,
                        "/api/v1/review-assignments/" + a1 + "/scores",
                        Map.of(
                                "scores",
                                Map.of(s.criteria().get(0), 11, s.criteria().get(1), 8)))
                .expect(400);
        http.post(
                        t1,
                        "/api/v1/review-assignments/" + a1 + "/scores",
                        Map.of(
                                "scores",
                                Map.of(s.criteria().get(0), 9, s.criteria().get(1), 8),
                                "comment",
                                "好"))
                .expect(200);
        http.post(
                        t2,
                        "/api/v1/review-assignments/" + a2 + "/scores",
                        Map.of(
                                "scores",
                                Map.of(s.criteria().get(0), 7, s.criteria().get(1), 6)))
                .expect(200);
        http.post(
                        t2,
                        "/api/v1/review-assignments/" + a2 + "/scores",
                        Map.of(
                                "scores",
                                Map.of(s.criteria().get(0), 7, s.criteria().get(1), 6)))
                .expect(409);
        // running score: 60 × 8/10 + 40 × 7/10 = 76
        JsonNode ranking = http.get(admin, "/api/v1/grant-programmes/" + s.programmeId() + "/ranking?stage=1")
                .expect(200)
                .body();
        assertThat(dec(ranking.get(0).get("score"))).isEqualByComparingTo("76.00");
        assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);

        // decision: 1,600,000 in two tranches, the second after year 1 scores ≥ 60
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("approvedAmount", new BigDecimal("1600000"));
        decision.put("conditions", "县财政按 1:0.5 配套");
        decision.put(
                "targets",
                List.of(
                        Map.of("indicator", "RND_SPEND", "year", 1, "targetValue", 1000000, "weight", 50),
                        Map.of("indicator", "INCUBATED_FIRMS", "year", 1, "targetValue", 4, "weight", 30),
                        Map.of("indicator", "TALENTS", "year", 1, "targetValue", 10, "weight", 20)));
        decision.put(
                "tranches",
                List.of(
                        Map.of("amount", 800000, "dueOn", "2026-03-01"),
                        Map.of("amount", 800000, "dueOn", "2027-03-01", "conditionYear", 1, "conditionMinScore", 60)));
        JsonNode award = http.post(admin, "/api/v1/grant-applications/" + app + "/decision", decision)
                .expect(201)
                .body();
        long grant = award.get("id").asLong();
        assertThat(dec(award.get("countyAmount"))).isEqualByComparingTo("800000");
        assertThat(http.get(admin, "/api/v1/grant-applications/" + app)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
        assertYear(s.fundId(), "1600000", "0", "3400000");

        JsonNode view =
                http.get(s.applicant(), "/api/v1/grants/" + grant).expect(200).body();
        long tranche1 = view.get("tranches").get(0).get("id").asLong();
        long tranche2 = view.get("tranches").get(1).get("id").asLong();
        assertThat(dec(view.get("tranches").get(1).get("countyAmount"))).isEqualByComparingTo("400000");

        // tranche 1: scheduled → approved → paid
        http.post(admin, "/api/v1/grant-payments/" + tranche1 + "/pay", null).expect(409);
        http.post(admin, "/api/v1/grant-payments/" + tranche1 + "/approve", null)
                .expect(200);
        http.post(admin, "/api/v1/grant-payments/" + tranche1 + "/return", Map.of("reason", "账户信息有误"))
                .expect(200);
        http.post(admin, "/api/v1/grant-payments/" + tranche1 + "/approve", null)
                .expect(200);
        JsonNode paid = http.post(admin, "/api/v1/grant-payments/" + tranche1 + "/pay", null)
                .expect(200)
                .body();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertYear(s.fundId(), "800000", "800000", "3400000");
        // tranche 2 waits for the assessment
        http.post(admin, "/api/v1/grant-payments/" + tranche2 + "/approve", null)
                .expect(409);

        // year-1 assessment: R&D 900,000 of 1,000,000 (45), firms 4 of 4 (30), talents 5 of 10 (10) = 85
        Map<String, Object> actuals = new LinkedHashMap<>();
        for (JsonNode t : view.get("targets")) {
            String indicator = t.get("indicator").asString();
            actuals.put(
                    t.get("id").asString(),
                    switch (indicator) {
                        case "RND_SPEND" -> 900000;
                        case "INCUBATED_FIRMS" -> 4;
                        default -> 5;
                    });
        }
        JsonNode assessment = http.post(
                        admin, "/api/v1/grants/" + grant + "/assessments", Map.of("year", 1, "actuals", actuals))
                .expect(201)
                .body();
        assertThat(dec(assessment.get("score"))).isEqualByComparingTo("85.00");
        assertThat(assessment.get("outcome").asString()).isEqualTo("PAY_NEXT");
        assertThat(dec(assessment.get("cityPayable"))).isEqualByComparingTo("800000");
        assertThat(dec(assessment.get("countyPayable"))).isEqualByComparingTo("400000");
        assertThat(assessment.get("lines")).hasSize(3);
        http.post(admin, "/api/v1/grants/" + grant + "/assessments", Map.of("year", 1, "actuals", actuals))
                .expect(409);

        // tranche 2
        http.post(admin, "/api/v1/grant-payments/" + tranche2 + "/approve", null)
                .expect(200);
        http.post(admin, "/api/v1/grant-payments/" + tranche2 + "/pay", null).expect(200);
        assertYear(s.fundId(), "0", "1600000", "3400000");

        // closing needs the approved final report
        http.post(admin, "/api/v1/grants/" + grant + "/close", null).expect(409);
        http.post(s.applicant(), "/api/v1/grants/" + grant + "/final-report", Map.of("report", "三年目标全部完成"))
                .expect(200);
        http.post(admin, "/api/v1/grants/" + grant + "/final-report/approve", null)
                .expect(200);
        JsonNode closed = http.post(admin, "/api/v1/grants/" + grant + "/close", null)
                .expect(200)
                .body();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        // the payments list sums the tranches; the audit chain is intact
        JsonNode payments = http.get(admin, "/api/v1/grant-payments?grantId=" + grant + "&status=PAID")
                .body();
        assertThat(dec(payments.get("sum"))).isEqualByComparingTo("1600000");
        assertThat(audit.verify().intact()).isTrue();
    }

    void assertYear(long fund, String committed, String paid, String available) throws Exception {
        JsonNode y = http.get(admin, "/api/v1/special-fund?fundId=" + fund)
                .expect(200)
                .body()
                .get("years")
                .get(0);
        assertThat(dec(y.get("committed"))).as("committed").isEqualByComparingTo(committed);
        assertThat(dec(y.get("paid"))).as("paid").isEqualByComparingTo(paid);
        assertThat(dec(y.get("available"))).as("available").isEqualByComparingTo(available);
    }

    @Test
    void aWeakAssessmentReducesWithholdsOrClawsBack() throws Exception {
        Setup s = setUpProgramme("5000000", true);
        long grant = approved(s, "1000000");
        JsonNode view = http.get(admin, "/api/v1/grants/" + grant).body();
        long t1 = view.get("tranches").get(0).get("id").asLong();
        http.post(admin, "/api/v1/grant-payments/" + t1 + "/approve", null).expect(200);
        http.post(admin, "/api/v1/grant-payments/" + t1 + "/pay", null).expect(200);
        // score 30 < 40: claw back 50% of the 500,000 paid, cancel tranche 2
        Map<String, Object> actuals = new LinkedHashMap<>();
        for (JsonNode t : view.get("targets")) {
            actuals.put(t.get("id").asString(), t.get("indicator").asString().equals("INCUBATED_FIRMS") ? 3 : 0);
        }
        JsonNode a = http.post(admin, "/api/v1/grants/" + grant + "/assessments", Map.of("year", 1, "actuals", actuals))
                .expect(201)
                .body();
        assertThat(dec(a.get("score"))).isEqualByComparingTo("30.00");
        assertThat(a.get("outcome").asString()).isEqualTo("CLAW_BACK");
        assertThat(dec(a.get("clawedBack"))).isEqualByComparingTo("250000");
        JsonNode after = http.get(admin, "/api/v1/grants/" + grant).body();
        assertThat(after.get("tranches").get(1).get("status").asString()).isEqualTo("CANCELLED");
        assertYear(s.fundId(), "0", "250000", "4750000");
    }

    @Test
    void aReducedOutcomePaysPartOfTheNextTrancheAndReleasesTheRest() throws Exception {
        Setup s = setUpProgramme("5000000", true);
        long grant = approved(s, "1000000");
        JsonNode view = http.get(admin, "/api/v1/grants/" + grant).body();
        Map<String, Object> actuals = new LinkedHashMap<>();
        // default targets: R&D 1,000,000 (50), firms 3 (30), talents 5 (20); 700,000 / 3 / 0 → 35 + 30 + 0 = 65
        for (JsonNode t : view.get("targets")) {
            actuals.put(
                    t.get("id").asString(),
                    switch (t.get("indicator").asString()) {
                        case "RND_SPEND" -> 700000;
                        case "INCUBATED_FIRMS" -> 3;
                        default -> 0;
                    });
        }
        JsonNode a = http.post(admin, "/api/v1/grants/" + grant + "/assessments", Map.of("year", 1, "actuals", actuals))
                .expect(201)
                .body();
        assertThat(a.get("outcome").asString()).isEqualTo("PAY_REDUCED");
        assertThat(dec(a.get("cityPayable"))).isEqualByComparingTo("400000");
        assertThat(dec(a.get("countyPayable"))).isEqualByComparingTo("200000");
        assertYear(s.fundId(), "900000", "0", "4100000");
    }

    long approved(Setup s, String amount) throws Exception {
        long app = submittedApplication(s);
        http.post(admin, "/api/v1/grant-applications/" + app + "/review", null).expect(200);
        Api.User r = reviewerUser(null);
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
        return http.post(
                        admin,
                        "/api/v1/grant-applications/" + app + "/decision",
                        Map.of("approvedAmount", new BigDecimal(amount)))
                .expect(201)
                .id();
    }

    @Test
    void aSeriousIntegrityRecordBlocksTheReviewWhereTheProgrammeSaysSo() throws Exception {
        Setup s = setUpProgramme("5000000", true);
        long app = submittedApplication(s);
        http.post(
                        admin,
                        "/api/v1/integrity-records",
                        Map.of("organisationId", s.orgId(), "severity", "SERIOUS", "description", "项目申报材料造假"))
                .expect(201);
        var r = http.post(admin, "/api/v1/grant-applications/" + app + "/review", null)
                .expect(409);
        assertThat(r.body().get("detail").asString()).contains("科研失信");
        Setup lenient = setUpProgramme("5000000", false);
        http.post(
                        admin,
                        "/api/v1/integrity-records",
                        Map.of("organisationId", lenient.orgId(), "severity", "SERIOUS", "description", "论文抄袭"))
                .expect(201);
        long other = submittedApplication(lenient);
        http.post(admin, "/api/v1/grant-applications/" + other + "/review", null)
                .expect(200);
        Api.User rev = reviewerUser(null);
        long as = http.post(
                        admin,
                        "/api/v1/grant-applications/" + other + "/assignments",
                        Map.of("reviewerUserId", rev.id()))
                .expect(201)
                .id();
        // shown to the panel
        JsonNode sheet = http.get(api.token(rev.username(), Api.PASSWORD), "/api/v1/review-assignments/" + as)
                .body();
        assertThat(sheet.get("integrity").get(0).get("description").asString()).isEqualTo("论文抄袭");
    }

    @Test
    void aDecisionTheFundCannotCarryIsA409AndChangesNothing() throws Exception {
        Setup s = setUpProgramme("1500000", true);
        long app = submittedApplication(s);
        http.post(admin, "/api/v1/grant-applications/" + app + "/review", null).expect(200);
        Api.User r = reviewerUser(null);
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
        var refused = http.post(
                        admin, "/api/v1/grant-applications/" + app + "/decision", Map.of("approvedAmount", 1600000))
                .expect(409);
        assertThat(dec(refused.body().get("available"))).isEqualByComparingTo("1500000");
        assertThat(http.get(admin, "/api/v1/grant-applications/" + app)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("IN_REVIEW");
        assertYear(s.fundId(), "0", "0", "1500000");
        // a programme allocation (envelope) carries the grant without counting it twice
        http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(s.fundId(), 2026, "PROGRAMME", s.programmeId(), "1400000"))
                .expect(201);
        http.post(admin, "/api/v1/grant-applications/" + app + "/decision", Map.of("approvedAmount", 1200000))
                .expect(201);
        assertYear(s.fundId(), "1400000", "0", "100000");
    }

    @Test
    void othersCannotSeeOrEditAnApplication() throws Exception {
        Setup s = setUpProgramme("5000000", true);
        long app = submittedApplication(s);
        Setup other = setUpProgramme("5000000", true);
        http.get(other.applicant(), "/api/v1/grant-applications/" + app).expect(404);
        http.put(other.applicant(), "/api/v1/grant-applications/" + app + "/draft", Map.of("title", "x"))
                .expect(404);
        // a submitted application is not edited until it is returned
        http.put(s.applicant(), "/api/v1/grant-applications/" + app + "/draft", Map.of("title", "x"))
                .expect(409);
        var list = http.get(other.applicant(), "/api/v1/grant-applications?programmeId=" + s.programmeId())
                .body();
        assertThat(list.get("totalElements").asLong()).isZero();
    }
}
