package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyMatchTest {

    static final YearFigures FIGURES = new YearFigures(
            2025,
            new BigDecimal("100"),
            new BigDecimal("25"),
            new BigDecimal("40000000"),
            new BigDecimal("30000000"),
            new BigDecimal("15000000"),
            new BigDecimal("35000000"),
            new BigDecimal("1200000"),
            new BigDecimal("1200000"),
            new BigDecimal("41000000"),
            new BigDecimal("30000000"),
            0,
            3,
            2,
            true,
            true,
            true,
            false,
            false,
            false,
            0);

    static final Map<String, Object> FACTS =
            PolicyMatch.facts("ENTERPRISE", "ZONE-HTZ", "NEW_MATERIALS", Stage.TECH_SME, FIGURES);

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "kind|eq|ENTERPRISE|true",
                "kind|ne|ENTERPRISE|false",
                "county|in|371502, ZONE-HTZ|true",
                "stage|in|RECOGNISED,RENEWAL_APPLIED|false",
                "rndToSales|>=|0.03|true",
                "rndToSales|>|0.03|false",
                "techStaffRatio|>=|0.25|true",
                "techStaffRatio|<|0.25|false",
                "ipClassII|=|3|true",
                "salesRevenue|<=|40000000|true",
                "salesRevenue|<|40000000|false"
            })
    void operators(String field, String op, String value, boolean expected) {
        PolicyCondition c = new PolicyCondition(field, op, value);
        assertThat(c.problem()).isNull();
        assertThat(c.test(FACTS.get(field))).isEqualTo(expected);
    }

    @Test
    void qualifiesNearlyOrFar() {
        Policy p = new Policy(
                1L,
                "t",
                "i",
                null,
                null,
                null,
                "b",
                List.of(
                        new PolicyCondition("kind", "eq", "ENTERPRISE"),
                        new PolicyCondition("ipClassII", ">=", "4"),
                        new PolicyCondition("county", "eq", "ZONE-HTZ")),
                true,
                0);
        PolicyMatch m = PolicyMatch.check(p, FACTS);
        assertThat(m.qualifies()).isFalse();
        assertThat(m.nearly()).isTrue();
        assertThat(m.unmet()).singleElement().satisfies(u -> {
            assertThat(u.condition().field()).isEqualTo("ipClassII");
            assertThat(u.actual()).isEqualTo("3");
        });
        // without figures a figure condition is never met, and says so (actual null)
        PolicyMatch none =
                PolicyMatch.check(p, PolicyMatch.facts("ENTERPRISE", "ZONE-HTZ", null, Stage.CANDIDATE, null));
        assertThat(none.unmet())
                .singleElement()
                .satisfies(u -> assertThat(u.actual()).isNull());
    }

    @Test
    void rejectsMalformedConditions() {
        assertThat(new PolicyCondition("kind", ">=", "1").problem()).isEqualTo("cultivation.policy.badOperator");
        assertThat(new PolicyCondition("salary", "=", "1").problem()).isEqualTo("cultivation.policy.badField");
        assertThat(new PolicyCondition("employees", ">=", "many").problem()).isEqualTo("cultivation.input.wrongType");
        assertThat(new PolicyCondition("employees", ">=", " ").problem()).isEqualTo("cultivation.input.required");
    }
}
