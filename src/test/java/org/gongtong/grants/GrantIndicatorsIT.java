package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each grants indicator equals its drill-down list (count or sum), for the city and for a county. */
@IntegrationTest
class GrantIndicatorsIT {

    @Autowired
    List<Indicator> indicators;

    @Autowired
    List<CollaborationEdges> edges;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Messages messages;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void valuesEqualTheirDrillDowns() throws Exception {
        Api api = new Api(mvc, json);
        GrantsHttp http = new GrantsHttp(api);
        String admin = api.adminToken();
        GrantsFixture fixture = new GrantsFixture(api, http, admin);
        GrantsFixture.Setup s = fixture.programme("3000000");
        long grant = fixture.approved(s, "500000");
        long tranche = http.get(admin, "/api/v1/grants/" + grant)
                .body()
                .get("tranches")
                .get(0)
                .get("id")
                .asLong();
        http.post(admin, "/api/v1/grant-payments/" + tranche + "/approve", null).expect(200);
        http.post(admin, "/api/v1/grant-payments/" + tranche + "/pay", null).expect(200);

        List<Indicator> ours =
                indicators.stream().filter(i -> i.id().startsWith("grants.")).toList();
        assertThat(ours)
                .extracting(Indicator::id)
                .contains(
                        "grants.fund.budget",
                        "grants.fund.committed",
                        "grants.fund.paid",
                        "grants.fund.available",
                        "grants.applications.approved");
        for (Indicator i : ours) {
            assertThat(i.family()).isEqualTo(Indicator.Family.MONEY);
            assertThat(messages.get("indicator." + i.id() + ".name")).doesNotStartWith("indicator.");
            assertThat(messages.get("indicator." + i.id() + ".definition")).doesNotStartWith("indicator.");
            for (IndicatorScope scope : List.of(IndicatorScope.CITY, IndicatorScope.county("371503"))) {
                BigDecimal value = i.value(scope);
                JsonNode list = http.get(admin, i.drillDown(scope) + "&size=1")
                        .expect(200)
                        .body();
                BigDecimal listed = i.measure() == Indicator.Measure.COUNT
                        ? BigDecimal.valueOf(list.get("totalElements").asLong())
                        : new BigDecimal(list.get("sum").asString());
                assertThat(listed).as(i.id() + " " + scope).isEqualByComparingTo(value);
            }
        }
        // the county's paid figure includes this grantee's tranche
        Indicator paid = ours.stream()
                .filter(i -> i.id().equals("grants.fund.paid"))
                .findFirst()
                .orElseThrow();
        assertThat(paid.value(IndicatorScope.county("371503"))).isGreaterThanOrEqualTo(new BigDecimal("250000"));

        // grants are edges from the fund's owner organisation to the grantee
        long owner = api.createOrganisation("GOVERNMENT", null);
        jdbc.sql("UPDATE special_fund SET owner_org_id = :o WHERE id = :f")
                .param("o", owner)
                .param("f", s.fundId())
                .update();
        List<CollaborationEdges.Edge> all = edges.stream()
                .flatMap(e -> e.edges(LocalDate.now().minusDays(2), null).stream())
                .toList();
        assertThat(all).anySatisfy(e -> {
            assertThat(e.fromOrganisation()).isEqualTo(owner);
            assertThat(e.toOrganisation()).isEqualTo(s.orgId());
            assertThat(e.kind()).isEqualTo("GRANT");
            assertThat(e.amount()).isEqualByComparingTo("500000");
        });
    }
}
