package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class SpecialFundApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    Api api;
    GrantsHttp http;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        http = new GrantsHttp(api);
        admin = api.adminToken();
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    @Test
    void theLedgerShowsBudgetCommittedPaidAndAvailablePerYear() throws Exception {
        long fund = http.post(
                        admin, "/api/v1/special-fund", GrantsHttp.fund("50000000", "20000000", "15000000", "15000000"))
                .expect(201)
                .body()
                .get("fundId")
                .asLong();
        long org = api.createOrganisation("RESEARCH", "371503");
        var a = http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2026, "ORGANISATION", org, "3000000.10"))
                .expect(201);
        http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2027, "INSTITUTION", 77, "1000000"))
                .expect(201);
        http.post(
                        admin,
                        "/api/v1/special-fund/allocations/" + a.id() + "/disbursements",
                        Map.of("amount", "1000000.05"))
                .expect(200);

        JsonNode s = http.get(admin, "/api/v1/special-fund?fundId=" + fund)
                .expect(200)
                .body();
        assertThat(dec(s.get("total"))).isEqualByComparingTo("50000000");
        JsonNode y1 = s.get("years").get(0);
        assertThat(y1.get("year").asInt()).isEqualTo(2026);
        assertThat(dec(y1.get("budget"))).isEqualByComparingTo("20000000");
        assertThat(dec(y1.get("committed"))).isEqualByComparingTo("2000000.05");
        assertThat(dec(y1.get("paid"))).isEqualByComparingTo("1000000.05");
        assertThat(dec(y1.get("available"))).isEqualByComparingTo("16999999.90");
        assertThat(dec(s.get("years").get(1).get("available"))).isEqualByComparingTo("14000000");

        // the drill-down lists sum to the same figures
        var committed = http.get(admin, "/api/v1/special-fund/allocations?fundId=" + fund + "&measure=committed")
                .body();
        assertThat(dec(committed.get("sum"))).isEqualByComparingTo("3000000.05");
        assertThat(committed.get("totalElements").asLong()).isEqualTo(2);
        var paid = http.get(admin, "/api/v1/special-fund/allocations?fundId=" + fund + "&measure=paid")
                .body();
        assertThat(dec(paid.get("sum"))).isEqualByComparingTo("1000000.05");
        var county = http.get(admin, "/api/v1/special-fund/allocations?fundId=" + fund + "&county=371503")
                .body();
        assertThat(county.get("totalElements").asLong()).isEqualTo(1);

        // release the unpaid rest: it is available again
        http.post(admin, "/api/v1/special-fund/allocations/" + a.id() + "/release", Map.of())
                .expect(200);
        JsonNode after = http.get(admin, "/api/v1/special-fund?fundId=" + fund)
                .body()
                .get("years")
                .get(0);
        assertThat(dec(after.get("committed"))).isEqualByComparingTo("0");
        assertThat(dec(after.get("available"))).isEqualByComparingTo("18999999.95");
        assertThat(http.get(admin, "/api/v1/special-fund/movements?allocationId=" + a.id())
                        .body()
                        .size())
                .isEqualTo(3);
    }

    @Test
    void anAllocationThatWouldOverspendIsA409WithTheAvailableAmount() throws Exception {
        long fund = http.post(admin, "/api/v1/special-fund", GrantsHttp.fund("1000", "1000"))
                .expect(201)
                .body()
                .get("fundId")
                .asLong();
        http.post(admin, "/api/v1/special-fund/allocations", GrantsHttp.allocation(fund, 2026, "INSTITUTION", 5, "600"))
                .expect(201);
        var r = http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2026, "INSTITUTION", 5, "400.01"))
                .expect(409);
        assertThat(dec(r.body().get("available"))).isEqualByComparingTo("400.00");
        assertThat(r.body().get("detail").asString()).contains("400.00");
        // paying more than committed is refused too
        long alloc = http.get(admin, "/api/v1/special-fund/allocations?fundId=" + fund)
                .body()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
        http.post(admin, "/api/v1/special-fund/allocations/" + alloc + "/disbursements", Map.of("amount", "600.01"))
                .expect(409);
    }

    @Test
    void targetsAreValidated() throws Exception {
        long fund = http.post(admin, "/api/v1/special-fund", GrantsHttp.fund("1000", "1000"))
                .expect(201)
                .body()
                .get("fundId")
                .asLong();
        var r = http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2026, "ORGANISATION", 999999999L, "1"))
                .expect(400);
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("targetId");
        http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2026, "PROGRAMME", 999999999L, "1"))
                .expect(400);
        http.post(admin, "/api/v1/special-fund/allocations", GrantsHttp.allocation(fund, 2031, "INSTITUTION", 1, "1"))
                .expect(400);
        http.post(admin, "/api/v1/special-fund/allocations", GrantsHttp.allocation(fund, 2026, "PERSON", 1, "1"))
                .expect(400);
        http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2026, "INSTITUTION", 1, "0.001"))
                .expect(400);
        // budgets above the total are refused
        http.post(admin, "/api/v1/special-fund", GrantsHttp.fund("100", "60", "60"))
                .expect(400);
    }

    @Test
    void onlyOfficersAllocate() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", null);
        Api.User u = api.createUser("ENTERPRISE_USER", org, null);
        String token = api.token(u.username(), Api.PASSWORD);
        long fund = http.post(admin, "/api/v1/special-fund", GrantsHttp.fund("1000", "1000"))
                .expect(201)
                .body()
                .get("fundId")
                .asLong();
        http.post(
                        token,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2026, "ORGANISATION", org, "1"))
                .expect(403);
        // an enterprise sees only its own allocations
        http.post(
                        admin,
                        "/api/v1/special-fund/allocations",
                        GrantsHttp.allocation(fund, 2026, "ORGANISATION", org, "10"))
                .expect(201);
        http.post(admin, "/api/v1/special-fund/allocations", GrantsHttp.allocation(fund, 2026, "INSTITUTION", 3, "10"))
                .expect(201);
        var own = http.get(token, "/api/v1/special-fund/allocations?fundId=" + fund)
                .expect(200)
                .body();
        assertThat(own.get("totalElements").asLong()).isEqualTo(1);
    }
}
