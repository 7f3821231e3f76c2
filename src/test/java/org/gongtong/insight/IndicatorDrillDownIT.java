package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.platform.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key test of the dashboards: every {@link Indicator} bean in the application (so also those
 * of modules merged later) equals its drill-down list — totalElements for a count, sum for an
 * amount — for the city and for one county, through the real API as the administrator; and each
 * has a name and a definition in its module's bundle, in both languages.
 */
@IntegrationTest
class IndicatorDrillDownIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    @Autowired
    Messages messages;

    @Test
    void everyFigureEqualsItsDrillDownForTheCityAndACounty() throws Exception {
        Api api = new Api(mvc, json);
        InsightData.seed(api);
        String token = api.adminToken();
        Map<String, Indicator> beans = context.getBeansOfType(Indicator.class);
        List<String> ids = beans.values().stream().map(Indicator::id).toList();
        assertThat(ids)
                .doesNotHaveDuplicates()
                .contains(
                        "registry.organisations",
                        "registry.organisations.ENTERPRISE",
                        "cultivation.techSmes",
                        "cultivation.hnte",
                        "capital.parentCommitments",
                        "capital.subFundCapital",
                        "capital.localReinvestment",
                        "capital.poolBalance",
                        "capital.claimsPaid",
                        "capital.claimsWaiting");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        int nonZeroInCounty = 0;
        for (IndicatorScope scope : List.of(IndicatorScope.CITY, IndicatorScope.county(InsightData.COUNTY))) {
            for (Indicator i : beans.values()) {
                if (!i.covers(scope)) {
                    continue;
                }
                problems.addAll(DrillDownCheck.check(i, scope, path -> api.getJson(path, token)));
                checked++;
                if (!scope.isCity() && i.value(scope).compareTo(BigDecimal.ZERO) != 0) {
                    nonZeroInCounty++;
                }
                // the page behind the figure opens for the administrator
                mvc.perform(Api.bearer(get(i.page(scope)), token)).andExpect(status().isOk());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(2 * beans.size() - 1);
        // the seeded rows make the test meaningful: figures of each module on main are not all zero
        assertThat(nonZeroInCounty).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyIndicatorHasANameAndADefinitionInBothLanguages() {
        for (Indicator i : context.getBeansOfType(Indicator.class).values()) {
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                for (String part : List.of("name", "definition")) {
                    String key = "indicator." + i.id() + "." + part;
                    assertThat(messages.get(l, key)).as(key + " in " + l).isNotEqualTo(key);
                }
            }
            assertThat(i.id()).matches("[a-z]+\\.[A-Za-z0-9_.-]+");
        }
    }
}
