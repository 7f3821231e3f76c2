package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checker of {@code IndicatorDrillDownIT} catches a figure that disagrees with its list. */
class DrillDownCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Fixed(Measure measure, BigDecimal value, String path) implements Indicator {
        public String id() {
            return "test.fixed";
        }

        public Family family() {
            return Family.PLAN;
        }

        public Unit unit() {
            return Unit.ITEMS;
        }

        public BigDecimal value(IndicatorScope scope) {
            return value;
        }

        public String drillDown(IndicatorScope scope) {
            return path;
        }

        public String page(IndicatorScope scope) {
            return "/x";
        }
    }

    private static JsonNode page(long total, String sum) {
        return JSON.readTree("{\"content\":[],\"totalElements\":" + total + ",\"page\":0,\"size\":1"
                + (sum == null ? "" : ",\"sum\":" + sum) + "}");
    }

    @Test
    void aCountThatMatchesPasses() throws Exception {
        var i = new Fixed(Indicator.Measure.COUNT, BigDecimal.valueOf(7), "/api/v1/things");
        assertThat(DrillDownCheck.check(i, IndicatorScope.CITY, p -> page(7, null)))
                .isEmpty();
    }

    @Test
    void aCountThatDisagreesIsCaught() throws Exception {
        var i = new Fixed(Indicator.Measure.COUNT, BigDecimal.valueOf(7), "/api/v1/things");
        assertThat(DrillDownCheck.check(i, IndicatorScope.CITY, p -> page(6, null)))
                .singleElement()
                .asString()
                .contains("test.fixed", "totalElements 6");
    }

    @Test
    void aSumThatDisagreesOrIsMissingIsCaught() throws Exception {
        var i = new Fixed(Indicator.Measure.SUM, new BigDecimal("100.00"), "/api/v1/money");
        assertThat(DrillDownCheck.check(i, IndicatorScope.CITY, p -> page(3, "100.0")))
                .isEmpty();
        assertThat(DrillDownCheck.check(i, IndicatorScope.CITY, p -> page(3, "100.01")))
                .hasSize(1);
        assertThat(DrillDownCheck.check(i, IndicatorScope.CITY, p -> page(3, null)))
                .hasSize(1);
    }

    @Test
    void aCountyFigureMustFilterItsDrillDownByTheCounty() throws Exception {
        var i = new Fixed(Indicator.Measure.COUNT, BigDecimal.ONE, "/api/v1/things");
        assertThat(DrillDownCheck.check(i, IndicatorScope.county("371502"), p -> page(1, null)))
                .singleElement()
                .asString()
                .contains("county");
    }

    @Test
    void theDrillDownIsAskedForOneRowOnly() throws Exception {
        var i = new Fixed(Indicator.Measure.COUNT, BigDecimal.ONE, "/api/v1/things?kind=A");
        StringBuilder asked = new StringBuilder();
        DrillDownCheck.check(i, IndicatorScope.CITY, p -> {
            asked.append(p);
            return page(1, null);
        });
        assertThat(asked).hasToString("/api/v1/things?kind=A&size=1");
    }
}
