package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.identity.TestActors;
import org.gongtong.market.ContractType;
import org.gongtong.market.TechContracts;
import org.gongtong.services.IncubatorService;
import org.gongtong.talent.TalentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment sheet starts from the platform's records: the grantee's contracts (as seller, registered
 * in the grant year), the firms in its incubators, the people appointed to it and its annual R&D figures.
 * Records of other organisations and the grantee's purchases do not count; an indicator without records
 * is offered empty, not as zero.
 */
@IntegrationTest
class PerformanceReadingsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TechContracts contracts;

    @Autowired
    IncubatorService incubators;

    @Autowired
    TalentService talent;

    @Autowired
    TestClock clock;

    Api api;
    GrantsHttp http;
    String admin;
    GrantsFixture fixture;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        http = new GrantsHttp(api);
        admin = api.adminToken();
        fixture = new GrantsFixture(api, http, admin);
    }

    private static Map<String, Object> target(String indicator, int value, int weight) {
        return Map.of("indicator", indicator, "year", 1, "targetValue", value, "weight", weight);
    }

    private Map<String, JsonNode> readings(long grant) throws Exception {
        Map<String, JsonNode> byIndicator = new HashMap<>();
        for (JsonNode r : http.get(admin, "/api/v1/grants/" + grant + "/readings?year=1")
                .expect(200)
                .body()) {
            byIndicator.put(r.get("indicator").asString(), r);
        }
        return byIndicator;
    }

    private static BigDecimal value(JsonNode reading) {
        return new BigDecimal(reading.get("reading").get("value").asString());
    }

    @Test
    void theSheetOffersWhatTheRecordsSayAboutTheGrantee() throws Exception {
        GrantsFixture.Setup s = fixture.programme("3000000");
        long grant = fixture.approved(
                s,
                "1000000",
                List.of(
                        target("CONTRACT_REVENUE", 400000, 30),
                        target("RESULTS_TRANSFERRED", 2, 20),
                        target("INCUBATED_FIRMS", 2, 20),
                        target("TALENTS", 3, 10),
                        target("RND_SPEND", 1000000, 20)));
        long grantee = s.orgId();
        LocalDate decided = LocalDate.parse(http.get(admin, "/api/v1/grants/" + grant)
                .expect(200)
                .body()
                .get("award")
                .get("decidedOn")
                .asString());

        // nothing recorded yet: counts read zero, the R&D spend (annual figures) reads nothing
        Map<String, JsonNode> before = readings(grant);
        assertThat(before).hasSize(5);
        assertThat(value(before.get("CONTRACT_REVENUE"))).isEqualByComparingTo("0");
        assertThat(value(before.get("TALENTS"))).isEqualByComparingTo("0");
        assertThat(before.get("RND_SPEND").get("reading").isNull()).isTrue();
        assertThat(before.get("RND_SPEND").get("from").asString()).isEqualTo(decided.toString());
        assertThat(before.get("RND_SPEND").get("to").asString())
                .isEqualTo(decided.plusYears(1).toString());

        Actor officer = TestActors.actor(Role.ADMIN, null, null);
        long buyer = api.createOrganisation("ENTERPRISE", "371502");
        long otherOperator = api.createOrganisation("SERVICE", "371502");
        // contracts: two sold by the grantee (one a transfer), one it bought, one between others
        contracts.register(
                new TechContracts.Registration(
                        null, grantee, buyer, ContractType.TRANSFER, "专利转让", new BigDecimal("300000.00"), decided),
                officer);
        contracts.register(
                new TechContracts.Registration(
                        null, grantee, buyer, ContractType.DEVELOPMENT, "联合开发", new BigDecimal("150000.50"), decided),
                officer);
        contracts.register(
                new TechContracts.Registration(
                        null, buyer, grantee, ContractType.LICENCE, "许可使用", new BigDecimal("90000.00"), decided),
                officer);
        contracts.register(
                new TechContracts.Registration(
                        null, buyer, otherOperator, ContractType.TRANSFER, "他人转让", new BigDecimal("70000.00"), decided),
                officer);
        // incubators: two firms in the grantee's, one in someone else's
        Map<String, Integer> pass =
                Map.of("TEAM", 20, "TECHNOLOGY", 20, "MARKET", 15, "INDUSTRY_FIT", 10, "FUNDING", 5);
        long own = incubators
                .create(new IncubatorService.IncubatorForm(Api.unique("孵化器"), grantee, null, null, null), officer)
                .id();
        long others = incubators
                .create(new IncubatorService.IncubatorForm(Api.unique("孵化器"), otherOperator, null, null, null), officer)
                .id();
        for (int i = 0; i < 2; i++) {
            incubators.admit(
                    own,
                    new IncubatorService.IntakeForm(
                            api.createOrganisation("ENTERPRISE", "371502"), null, decided.toString(), null, pass),
                    officer);
        }
        incubators.admit(
                others,
                new IncubatorService.IntakeForm(
                        api.createOrganisation("ENTERPRISE", "371502"), null, decided.toString(), null, pass),
                officer);
        // appointments to the grantee: 王教授 twice (counted once), 李博士; one to another organisation
        long university = api.createOrganisation("UNIVERSITY", null);
        for (String[] a : new String[][] {
            {"COMMISSIONER", "王教授", "host"},
            {"TECH_VICE_PRESIDENT", "王教授", "host"},
            {"COMMISSIONER", "李博士", "host"},
            {"COMMISSIONER", "赵工", "other"}
        }) {
            talent.appoint(
                    new TalentService.AppointmentForm(
                            a[0],
                            a[1],
                            university,
                            a[2].equals("host") ? grantee : buyer,
                            decided.toString(),
                            decided.plusMonths(6).toString(),
                            "技术攻关",
                            null,
                            null,
                            null,
                            null,
                            null,
                            false,
                            3),
                    officer);
        }
        // two years on, the annual figures of the fiscal year with the most days of the grant year can be
        // filed (a year's figures are filed after it ends); another year's do not count
        clock.advance(java.time.Duration.ofDays(730));
        admin = api.token("admin", Api.ADMIN_PASSWORD); // the tokens of two years ago have expired
        LocalDate nextJan1 = LocalDate.of(decided.getYear() + 1, 1, 1);
        int fiscal =
                ChronoUnit.DAYS.between(nextJan1, decided.plusYears(1)) >= ChronoUnit.DAYS.between(decided, nextJan1)
                        ? decided.getYear() + 1
                        : decided.getYear();
        http.put(admin, "/api/v1/cultivation/enterprises/" + grantee + "/figures/" + fiscal, Map.of("rndTotal", 820000))
                .expect(200);
        http.put(
                        admin,
                        "/api/v1/cultivation/enterprises/" + grantee + "/figures/"
                                + (fiscal == decided.getYear() ? fiscal + 1 : fiscal - 1),
                        Map.of("rndTotal", 5))
                .expect(200);

        Map<String, JsonNode> after = readings(grant);
        assertThat(value(after.get("CONTRACT_REVENUE"))).isEqualByComparingTo("450000.50");
        assertThat(after.get("CONTRACT_REVENUE").get("reading").get("basis").asString())
                .contains("技术合同 2 份");
        assertThat(value(after.get("RESULTS_TRANSFERRED"))).isEqualByComparingTo("1");
        assertThat(value(after.get("INCUBATED_FIRMS"))).isEqualByComparingTo("2");
        assertThat(value(after.get("TALENTS"))).isEqualByComparingTo("2");
        assertThat(value(after.get("RND_SPEND"))).isEqualByComparingTo("820000");
        assertThat(after.get("RND_SPEND").get("reading").get("basis").asString())
                .contains(fiscal + " 年度");

        // the officer's sheet is filled in from them; the grantee reads the grant but not the readings
        String page = mvc.perform(Api.bearer(get("/grants/awards/" + grant), admin))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long revenueTarget = after.get("CONTRACT_REVENUE").get("targetId").asLong();
        assertThat(page)
                .contains("id=\"actual-" + revenueTarget + "\"")
                .contains("value=\"450000.50\"")
                .contains("平台记录：");
        http.get(api.token(s.applicantUser().username(), Api.PASSWORD), "/api/v1/grants/" + grant + "/readings?year=1")
                .expect(403);
    }
}
