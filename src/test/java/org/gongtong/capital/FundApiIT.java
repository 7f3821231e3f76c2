package org.gongtong.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FundApiIT {

    @LocalServerPort
    int port;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.admin();
    }

    private long fund(String token, String kind, Long parent, String size, Long manager) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("基金"));
        body.put("kind", kind);
        body.put("parentFundId", parent);
        body.put("size", new BigDecimal(size));
        body.put("vintage", 2024);
        body.put("managerId", manager);
        Api.Response r = api.post(token, "/api/v1/funds", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private Api.Response flow(long fund, String date, String type, String amount) {
        return api.post(
                admin,
                "/api/v1/funds/" + fund + "/cash-flows",
                Map.of("date", date, "type", type, "amount", new BigDecimal(amount)));
    }

    @Test
    void theExcelExampleThroughTheApi() {
        long id = fund(admin, "VENTURE", null, "100000", null);
        assertThat(flow(id, "2008-01-01", "CALL", "10000").status()).isEqualTo(201);
        assertThat(flow(id, "2008-03-01", "DISTRIBUTION", "2750").status()).isEqualTo(201);
        assertThat(flow(id, "2008-10-30", "DISTRIBUTION", "4250").status()).isEqualTo(201);
        assertThat(flow(id, "2009-02-15", "DISTRIBUTION", "3250").status()).isEqualTo(201);
        // the last inflow as a NAV at its date: the same XIRR
        assertThat(api.post(admin, "/api/v1/funds/" + id + "/valuations", Map.of("date", "2009-04-01", "nav", 2750))
                        .status())
                .isEqualTo(201);
        JsonNode m = api.get(admin, "/api/v1/funds/" + id + "/metrics?asOf=2009-12-31")
                .body();
        assertThat(m.get("paidIn").decimalValue()).isEqualByComparingTo("10000");
        assertThat(m.get("distributed").decimalValue()).isEqualByComparingTo("10250");
        assertThat(m.get("nav").decimalValue()).isEqualByComparingTo("2750");
        assertThat(m.get("dpi").decimalValue()).isEqualByComparingTo("1.025");
        assertThat(m.get("rvpi").decimalValue()).isEqualByComparingTo("0.275");
        assertThat(m.get("tvpi").decimalValue()).isEqualByComparingTo("1.3");
        assertThat(m.get("irr").doubleValue()).isCloseTo(0.373362535, within(1e-8));
        assertThat(m.get("unfunded").decimalValue()).isEqualByComparingTo("90000");

        // before the first valuation and distributions: only the call, so no sign change and no IRR
        JsonNode early = api.get(admin, "/api/v1/funds/" + id + "/metrics?asOf=2008-01-15")
                .body();
        assertThat(early.get("irr").isNull()).isTrue();
        assertThat(early.get("irrReasonCode").asString()).isEqualTo("NO_SIGN_CHANGE");
        assertThat(early.get("irrReason").asString()).isNotBlank();
        assertThat(early.get("nav").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void callsAreAllocatedToInvestorsByCommitmentToTheCent() {
        long id = fund(admin, "ANGEL", null, "3000000", null);
        for (String lp : List.of("甲", "乙", "丙")) {
            Api.Response c = api.post(
                    admin, "/api/v1/funds/" + id + "/commitments", Map.of("investorName", lp, "amount", 1000000));
            assertThat(c.status()).as(c.raw()).isEqualTo(201);
        }
        Api.Response call = api.post(
                admin,
                "/api/v1/funds/" + id + "/cash-flows",
                Map.of(
                        "date",
                        "2024-05-01",
                        "type",
                        "CALL",
                        "amount",
                        100,
                        "breakdown",
                        Map.of("investment", 90, "fees", 7, "expenses", 3)));
        assertThat(call.status()).as(call.raw()).isEqualTo(201);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode s : call.body().get("shares")) {
            sum = sum.add(s.get("amount").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("100");
        assertThat(call.body().get("shares").get(0).get("amount").decimalValue())
                .isEqualByComparingTo("33.34");
        JsonNode statements =
                api.get(admin, "/api/v1/funds/" + id + "/investors").body();
        assertThat(statements.get(0).get("paidIn").decimalValue()).isEqualByComparingTo("33.34");
        assertThat(statements.get(0).get("unfunded").decimalValue()).isEqualByComparingTo("999966.66");
        assertThat(statements.get(2).get("paidIn").decimalValue()).isEqualByComparingTo("33.33");
        // a call beyond the unfunded commitments is refused
        Api.Response over = flow(id, "2024-06-01", "CALL", "2999901");
        assertThat(over.status()).isEqualTo(409);
        // a breakdown that does not add up names the field
        Api.Response bad = api.post(
                admin,
                "/api/v1/funds/" + id + "/cash-flows",
                Map.of("date", "2024-05-01", "type", "CALL", "amount", 100, "breakdown", Map.of("fees", 7)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("breakdown");
    }

    @Test
    void validationNamesTheFieldsAndUnknownFundsAre404() {
        Api.Response r = api.post(admin, "/api/v1/funds", Map.of("kind", "NOPE", "size", -5));
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = r.body()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).contains("name", "kind", "size", "vintage");
        Api.Response sub =
                api.post(admin, "/api/v1/funds", Map.of("name", "x", "kind", "SUB", "size", 10, "vintage", 2024));
        assertThat(sub.status()).isEqualTo(400);
        assertThat(sub.raw()).contains("parentFundId");
        Api.Response flow = api.post(
                admin,
                "/api/v1/funds/" + fund(admin, "VENTURE", null, "10", null) + "/cash-flows",
                Map.of("date", "2024-13-01", "type", "LOAN", "amount", 0));
        assertThat(flow.status()).isEqualTo(400);
        assertThat(flow.raw()).contains("\"date\"", "\"type\"", "\"amount\"");
        // a call written with the investors' sign is the same call; a negative distribution is refused
        long signed = fund(admin, "VENTURE", null, "100", null);
        Api.Response negativeCall = flow(signed, "2024-01-01", "CALL", "-40");
        assertThat(negativeCall.status()).isEqualTo(201);
        assertThat(negativeCall.body().get("amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(flow(signed, "2024-02-01", "DISTRIBUTION", "-1").status()).isEqualTo(400);
        assertThat(api.get(admin, "/api/v1/funds/" + signed + "/metrics?asOf=2024-12-31")
                        .body()
                        .get("paidIn")
                        .decimalValue())
                .isEqualByComparingTo("40");
        assertThat(api.get(admin, "/api/v1/funds/999999999/metrics").status()).isEqualTo(404);
        assertThat(api.post(admin, "/api/v1/funds/999999999/valuations", Map.of("date", "2024-01-01", "nav", 1))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(admin, "/api/v1/funds/1/metrics?asOf=yesterday").status())
                .isIn(400, 404);
        assertThat(api.get(null, "/api/v1/funds").status()).isEqualTo(401);
    }

    @Test
    void parentAndSubFundsGiveLeverageReinvestmentComplianceAndLookThrough() {
        long manager = api.organisation(admin, "FINANCE", Api.unique("母基金管理公司"));
        long parent = fund(admin, "PARENT", null, "100000000", manager);
        long sub = fund(admin, "SUB", parent, "50000000", null);
        // parent commits 20 of 50 million and is the largest investor: a breach
        assertThat(api.post(
                                admin,
                                "/api/v1/funds/" + sub + "/commitments",
                                Map.of("investorFundId", parent, "amount", 20000000))
                        .status())
                .isEqualTo(201);
        api.post(admin, "/api/v1/funds/" + sub + "/commitments", Map.of("investorName", "社会资本甲", "amount", 15000000));
        api.post(admin, "/api/v1/funds/" + sub + "/commitments", Map.of("investorName", "社会资本乙", "amount", 15000000));
        long company = api.organisation(admin, "ENTERPRISE", Api.unique("被投企业"));
        Api.Response inv = api.post(
                admin,
                "/api/v1/funds/" + sub + "/investments",
                Map.of("organisationId", company, "date", "2024-03-01", "type", "INITIAL", "amount", 10000000));
        assertThat(inv.status()).as(inv.raw()).isEqualTo(201);
        assertThat(inv.body().get("localTarget").asBoolean()).isTrue();

        JsonNode m = api.get(admin, "/api/v1/funds/" + sub + "/metrics?asOf=2024-12-31")
                .body();
        assertThat(m.get("leverage").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(m.get("compliance").get("parentShare").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(m.get("reinvestment").get("required").decimalValue()).isEqualByComparingTo("30000000");
        assertThat(m.get("reinvestment").get("achieved").decimalValue()).isEqualByComparingTo("10000000");
        List<String> codes = m.get("breaches")
                .valueStream()
                .map(b -> b.get("code").asString())
                .toList();
        assertThat(codes).contains("SHARE_ABOVE_MAX", "PARENT_LARGEST", "REINVESTMENT_SHORT");

        JsonNode pm = api.get(admin, "/api/v1/funds/" + parent + "/metrics?asOf=2024-12-31")
                .body();
        assertThat(pm.get("leverage").decimalValue()).isEqualByComparingTo("2.5");

        assertThat(api.post(
                                admin,
                                "/api/v1/funds/" + sub + "/cash-flows",
                                Map.of("date", "2024-02-01", "type", "CALL", "amount", 10000000))
                        .status())
                .isEqualTo(201);
        api.post(admin, "/api/v1/funds/" + sub + "/valuations", Map.of("date", "2024-12-31", "nav", 12000000));
        JsonNode rollup = api.get(admin, "/api/v1/funds/" + parent + "/rollup?asOf=2024-12-31")
                .body();
        assertThat(rollup.get("paidIn").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(rollup.get("tvpi").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(rollup.get("subFunds")).hasSize(1);
        assertThat(rollup.get("irr").doubleValue()).isGreaterThan(0.2);

        JsonNode look = api.get(admin, "/api/v1/funds/" + parent + "/look-through?asOf=2024-12-31")
                .body();
        assertThat(look.get(0).get("organisationId").asLong()).isEqualTo(company);
        assertThat(look.get(0).get("exposure").decimalValue()).isEqualByComparingTo("4000000");

        List<Long> flagged = api.get(admin, "/api/v1/funds/compliance?asOf=2024-12-31")
                .body()
                .valueStream()
                .map(x -> x.get("fundId").asLong())
                .toList();
        assertThat(flagged).contains(sub);
    }

    @Test
    void financeUsersSeeOnlyTheirOwnFunds() {
        long mine = api.organisation(admin, "FINANCE", Api.unique("创投甲"));
        long theirs = api.organisation(admin, "FINANCE", Api.unique("创投乙"));
        String me = api.user(admin, "FINANCE_USER", mine);
        long own = fund(me, "VENTURE", null, "1000000", null);
        long other = fund(admin, "VENTURE", null, "1000000", theirs);
        assertThat(api.get(me, "/api/v1/funds/" + own).body().get("managerId").asLong())
                .isEqualTo(mine);
        assertThat(api.get(me, "/api/v1/funds/" + other).status()).isEqualTo(404);
        List<Long> listed = api.get(me, "/api/v1/funds")
                .body()
                .valueStream()
                .map(f -> f.get("id").asLong())
                .toList();
        assertThat(listed).contains(own).doesNotContain(other);
        Map<String, Object> foreign = new HashMap<>(Map.of("name", "x", "kind", "ANGEL", "size", 1, "vintage", 2024));
        foreign.put("managerId", theirs);
        assertThat(api.post(me, "/api/v1/funds", foreign).status()).isEqualTo(403);
        String officer = api.user(admin, "CITY_OFFICER", mine);
        assertThat(api.get(officer, "/api/v1/funds/" + other).status()).isEqualTo(200);
        long firm = api.organisation(admin, "ENTERPRISE", Api.unique("企业"));
        String enterprise = api.user(admin, "ENTERPRISE_USER", firm);
        assertThat(api.get(enterprise, "/api/v1/funds").status()).isEqualTo(403);
    }

    @Test
    void theDemoParentFundIsManagedByTheInstituteCompany() {
        JsonNode parents = api.get(admin, "/api/v1/funds?kind=PARENT").body();
        JsonNode demo = parents.valueStream()
                .filter(f -> f.get("name").asString().equals("聊城产研院创新创业发展母基金"))
                .findFirst()
                .orElseThrow();
        assertThat(demo.get("demo").asBoolean()).isTrue();
        assertThat(demo.get("managerName").asString()).isEqualTo("聊城产业技术研究院有限公司");
        assertThat(demo.get("size").decimalValue()).isEqualByComparingTo("100000000");
        JsonNode m = api.get(admin, "/api/v1/funds/" + demo.get("id").asLong() + "/metrics?asOf=2026-01-01")
                .body();
        // sub-funds of 150 million on the parent's 35 million
        assertThat(m.get("leverage").decimalValue()).isEqualByComparingTo("4.285714");
        assertThat(m.get("reinvestment").get("met").asBoolean()).isTrue();
    }

    @Test
    void settingsAreReadableAndOnlyAdministratorsChangeThem() {
        JsonNode all = api.get(admin, "/api/v1/capital/settings").body();
        assertThat(all.get("fund.parentShareMax").asString()).isEqualTo("0.30");
        assertThat(api.send(admin, "PUT", "/api/v1/capital/settings/fund.parentShareMax", Map.of("value", "abc"))
                        .status())
                .isEqualTo(400);
        assertThat(api.send(admin, "PUT", "/api/v1/capital/settings/nope", Map.of("value", "1"))
                        .status())
                .isEqualTo(404);
        assertThat(api.send(admin, "PUT", "/api/v1/capital/settings/fund.parentShareMax", Map.of("value", "0.30"))
                        .status())
                .isEqualTo(200);
        String finance = api.user(admin, "FINANCE_USER", api.organisation(admin, "FINANCE", Api.unique("机构")));
        assertThat(api.send(finance, "PUT", "/api/v1/capital/settings/fund.parentShareMax", Map.of("value", "0.5"))
                        .status())
                .isEqualTo(403);
    }
}
