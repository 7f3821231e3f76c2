package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The indicator API, its scopes and who may see them; snapshots; the collaboration graph with real edges. */
@IntegrationTest
class InsightApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Api api() {
        return new Api(mvc, json);
    }

    @Test
    void indicatorsForTheCityAndACountyWithNameDefinitionAndDrillDown() throws Exception {
        Api api = api();
        String admin = api.adminToken();
        JsonNode city = api.getJson("/api/v1/indicators?scope=city", admin);
        assertThat(city.size()).isGreaterThan(10);
        JsonNode first = city.get(0);
        for (String field : List.of("id", "name", "value", "unit", "definition", "drillDown")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        JsonNode ids = city.findValue("id");
        assertThat(ids).isNotNull();
        JsonNode county = api.getJson("/api/v1/indicators?scope=county&county=" + InsightData.COUNTY, admin);
        // the pool balance is city-wide only
        assertThat(county.size()).isEqualTo(city.size() - 1);
        county.forEach(f -> assertThat(f.get("drillDown").asString()).contains("county=" + InsightData.COUNTY));
        // names in English when asked
        JsonNode en = api.read(
                mvc.perform(Api.bearer(get("/api/v1/indicators"), admin).header("Accept-Language", "en"))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(en.toString()).contains("Registered organisations");
        // bad requests
        mvc.perform(Api.bearer(get("/api/v1/indicators?scope=county"), admin)).andExpect(status().isBadRequest());
        mvc.perform(Api.bearer(get("/api/v1/indicators?scope=county&county=NOWHERE"), admin))
                .andExpect(status().isBadRequest());
        mvc.perform(Api.bearer(get("/api/v1/indicators?scope=planet"), admin)).andExpect(status().isBadRequest());
    }

    @Test
    void aCountyOfficerSeesOnlyItsOwnCounty() throws Exception {
        Api api = api();
        Api.User officer = api.createUser("COUNTY_OFFICER", api.createOrganisation("GOVERNMENT", "371521"), "371521");
        String t = api.token(officer.username(), Api.PASSWORD);
        assertThat(api.getJson("/api/v1/indicators?scope=county&county=371521", t)
                        .size())
                .isGreaterThan(5);
        mvc.perform(Api.bearer(get("/api/v1/indicators?scope=county&county=371502"), t))
                .andExpect(status().isForbidden());
        mvc.perform(Api.bearer(get("/api/v1/indicators?scope=city"), t)).andExpect(status().isForbidden());
        // its drill-downs are its county's; another county's list is refused
        mvc.perform(Api.bearer(get("/api/v1/cultivation/records?county=371521"), t))
                .andExpect(status().isOk());
        mvc.perform(Api.bearer(get("/api/v1/cultivation/records?county=371502"), t))
                .andExpect(status().isForbidden());
        mvc.perform(Api.bearer(get("/api/v1/capital/figures?source=CLAIMS_PAID&county=371502"), t))
                .andExpect(status().isForbidden());
        // an enterprise user sees no dashboard at all
        long firm = api.createOrganisation("ENTERPRISE", "371502");
        Api.User user = api.createUser("ENTERPRISE_USER", firm, null);
        String u = api.token(user.username(), Api.PASSWORD);
        mvc.perform(Api.bearer(get("/api/v1/indicators"), u)).andExpect(status().isForbidden());
        mvc.perform(Api.bearer(get("/api/v1/insight/graph"), u)).andExpect(status().isForbidden());
        mvc.perform(Api.bearer(get("/api/v1/cultivation/records"), u)).andExpect(status().isForbidden());
    }

    @Test
    void snapshotsKeepTheMonthsValueAndItsDefinitionVersion() throws Exception {
        Api api = api();
        String admin = api.adminToken();
        String county = "371524";
        long before = count(api, admin, county);
        // a snapshot two months ago, then new rows, then this month's
        clock.advance(Duration.ofDays(-62));
        JsonNode taken = api.read(mvc.perform(Api.bearer(post("/api/v1/indicators/snapshots"), admin))
                .andExpect(status().isOk())
                .andReturn());
        String earlier = taken.get("period").asString();
        clock.reset();
        api.createOrganisation("ENTERPRISE", county);
        api.createOrganisation("ENTERPRISE", county);
        assertThat(count(api, admin, county)).isEqualTo(before + 2);
        mvc.perform(Api.bearer(post("/api/v1/indicators/snapshots"), admin)).andExpect(status().isOk());
        JsonNode trends =
                api.getJson("/api/v1/indicators/trends?scope=county&county=" + county + "&from=" + earlier, admin);
        JsonNode series = trends.get("registry.organisations.ENTERPRISE");
        assertThat(series.size()).isGreaterThanOrEqualTo(2);
        assertThat(series.get(0).get("period").asString()).isEqualTo(earlier);
        assertThat(new BigDecimal(series.get(0).get("value").asString()))
                .isEqualByComparingTo(BigDecimal.valueOf(before));
        assertThat(new BigDecimal(series.get(series.size() - 1).get("value").asString()))
                .isEqualByComparingTo(BigDecimal.valueOf(before + 2));
        assertThat(series.get(0).get("definitionVersion").asString()).hasSize(12);
        // editing rows later never changes a month already taken: add one more, the earlier month stays
        api.createOrganisation("ENTERPRISE", county);
        JsonNode again =
                api.getJson("/api/v1/indicators/trends?scope=county&county=" + county + "&from=" + earlier, admin);
        assertThat(new BigDecimal(again.get("registry.organisations.ENTERPRISE")
                        .get(0)
                        .get("value")
                        .asString()))
                .isEqualByComparingTo(BigDecimal.valueOf(before));
        // only administrators take snapshots
        Api.User officer = api.createUser("CITY_OFFICER", api.createOrganisation("GOVERNMENT", "371502"), null);
        mvc.perform(Api.bearer(post("/api/v1/indicators/snapshots"), api.token(officer.username(), Api.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private long count(Api api, String admin, String county) throws Exception {
        for (JsonNode f : api.getJson("/api/v1/indicators?scope=county&county=" + county, admin)) {
            if (f.get("id").asString().equals("registry.organisations.ENTERPRISE")) {
                return new BigDecimal(f.get("value").asString()).longValue();
            }
        }
        throw new AssertionError("no enterprise count");
    }

    @Test
    void theGraphJoinsAFirmToAnotherThroughItsFundManagerAndFindsTheShortestPath() throws Exception {
        Api api = api();
        String admin = api.adminToken();
        InsightData.Seeded s = InsightData.seed(api);
        // a second firm the same sub-fund invests in: firm A - manager - firm B
        long other = api.createOrganisation("ENTERPRISE", "371521");
        api.mvc()
                .perform(api.asAdmin(Api.jsonBody(
                        post("/api/v1/funds/" + s.subFund() + "/investments"),
                        api.write(Map.of(
                                "organisationId", other, "date", "2026-04-01", "type", "INITIAL", "amount", 1000000)))))
                .andExpect(status().isCreated());
        JsonNode path = api.getJson("/api/v1/insight/graph/path?from=" + s.enterprise() + "&to=" + other, admin);
        List<Long> ids =
                path.get("path").valueStream().map(n -> n.get("id").asLong()).toList();
        assertThat(ids).containsExactly(s.enterprise(), s.manager(), other);
        assertThat(path.get("links").size()).isEqualTo(2);
        assertThat(path.get("path").get(1).get("kind").asString()).isEqualTo("FINANCE");
        // the graph shows the merged relations with their amounts
        JsonNode graph = api.getJson("/api/v1/insight/graph", admin);
        assertThat(graph.get("links")
                        .valueStream()
                        .filter(l -> l.get("kind").asString().equals("INVESTMENT")
                                && l.get("target").asLong() == other)
                        .map(l -> new BigDecimal(l.get("amount").asString()).stripTrailingZeros())
                        .toList())
                .containsExactly(new BigDecimal("1E+6"));
        // a period before the second investment: no path any more
        JsonNode before = api.getJson(
                "/api/v1/insight/graph/path?from=" + s.enterprise() + "&to=" + other + "&until=2026-03-15", admin);
        assertThat(before.get("path").size()).isZero();
        // an industry filter keeps relations with at least one end in the industry
        JsonNode inIndustry = api.getJson("/api/v1/insight/graph?industry=NEW_MATERIALS", admin);
        assertThat(inIndustry.get("links").size()).isPositive();
        JsonNode none = api.getJson("/api/v1/insight/graph?industry=NO_SUCH", admin);
        assertThat(none.get("links").size()).isZero();
    }
}
