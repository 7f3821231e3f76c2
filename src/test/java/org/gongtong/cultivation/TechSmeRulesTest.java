package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TechSmeRulesTest {

    static TechSmeInput input(
            String employees,
            String techStaff,
            String sales,
            String assets,
            String cost,
            String rnd,
            int classI,
            int classII) {
        return new TechSmeInput(
                new BigDecimal(employees),
                new BigDecimal(techStaff),
                new BigDecimal(sales),
                new BigDecimal(assets),
                new BigDecimal(cost),
                new BigDecimal(rnd),
                classI,
                classII,
                false,
                false,
                false,
                false,
                false,
                false);
    }

    static TechSmeResult eval(TechSmeInput in) {
        assertThat(TechSmeRules.check(in)).isEmpty();
        return TechSmeRules.evaluate(in, RuleSettings.DEFAULTS);
    }

    @ParameterizedTest(name = "{1} of 100 staff → {2} points")
    @CsvSource({
        "100, 30, 20",
        "100, 29.99, 16",
        "100, 25, 16",
        "100, 24.99, 12",
        "100, 20, 12",
        "100, 19.99, 8",
        "100, 15, 8",
        "100, 14.99, 4",
        "100, 10, 4",
        "100, 9.99, 0",
        "100, 0, 0",
        "3, 0.9, 20",
        "3, 0.89, 16"
    })
    void staffPartAtAndJustBelowEachEdge(String employees, String staff, int points) {
        TechSmeResult r = eval(input(employees, staff, "1000000", "1000000", "1000000", "0", 0, 0));
        assertThat(r.parts().techStaff()).isEqualTo(points);
    }

    @ParameterizedTest(name = "R&D {0} of 1,000,000 sales → {1}")
    @CsvSource({
        "60000, 50",
        "59999.99, 40",
        "50000, 40",
        "49999.99, 30",
        "40000, 30",
        "39999.99, 20",
        "30000, 20",
        "29999.99, 10",
        "20000, 10",
        "19999.99, 0"
    })
    void rndBySalesAtAndJustBelowEachEdge(String rnd, int points) {
        // total cost so large that the cost ratio scores nothing
        TechSmeResult r = eval(input("100", "30", "1000000", "1000000", "1000000000", rnd, 0, 0));
        assertThat(r.parts().rnd()).isEqualTo(points);
    }

    @ParameterizedTest(name = "R&D {0} of 1,000,000 cost → {1}")
    @CsvSource({
        "300000, 50",
        "299999.99, 40",
        "250000, 40",
        "249999.99, 30",
        "200000, 30",
        "199999.99, 20",
        "150000, 20",
        "149999.99, 10",
        "100000, 10",
        "99999.99, 0"
    })
    void rndByCostAtAndJustBelowEachEdge(String rnd, int points) {
        // no sales at all: only the cost ratio can score
        TechSmeResult r = eval(input("100", "30", "0", "1000000", "1000000", rnd, 0, 0));
        assertThat(r.parts().rnd()).isEqualTo(points);
        assertThat(r.ratios().rndToSales()).isNull();
    }

    @Test
    void theBetterOfTheTwoRndRatiosCounts() {
        // 6% of sales (50) against 10% of cost (10)
        TechSmeResult r = eval(input("100", "30", "1000000", "1000000", "600000", "60000", 0, 0));
        assertThat(r.parts().rnd()).isEqualTo(50);
        // 2% of sales (10) against 30% of cost (50)
        r = eval(input("100", "30", "10000000", "1000000", "666666.66", "200000", 0, 0));
        assertThat(r.parts().rnd()).isEqualTo(50);
    }

    @ParameterizedTest(name = "class I {0}, class II {1} → {2}")
    @CsvSource({"1, 0, 30", "2, 7, 30", "0, 5, 24", "0, 4, 24", "0, 3, 18", "0, 2, 12", "0, 1, 6", "0, 0, 0"})
    void ipPart(int classI, int classII, int points) {
        assertThat(eval(input("100", "30", "0", "0", "0", "0", classI, classII))
                        .parts()
                        .ip())
                .isEqualTo(points);
    }

    @Test
    void passesAtExactlySixtyByScore() {
        // staff 4 + R&D 50 + IP 6 = 60
        TechSmeResult r = eval(input("100", "10", "1000000", "1000000", "1000000000", "60000", 0, 1));
        assertThat(r.score()).isEqualTo(60);
        assertThat(r.eligible()).isTrue();
        assertThat(r.qualifiedBy()).isEqualTo("SCORE");
        assertThat(codes(r)).contains("TSME_SCORE_PASS", "TSME_ELIGIBLE_SCORE");
        // one class-II IP fewer: 54
        r = eval(input("100", "10", "1000000", "1000000", "1000000000", "60000", 0, 0));
        assertThat(r.score()).isEqualTo(54);
        assertThat(r.eligible()).isFalse();
        assertThat(codes(r)).contains("TSME_SCORE_BELOW", "TSME_NOT_ELIGIBLE");
    }

    @Test
    void staffVetoDespiteAScoreOfSixtyOrMore() {
        TechSmeResult r = eval(input("100", "9.99", "1000000", "1000000", "1000000000", "60000", 1, 0));
        assertThat(r.score()).isEqualTo(80);
        assertThat(r.parts().techStaff()).isZero();
        assertThat(r.eligible()).isFalse();
        assertThat(r.qualifiedBy()).isNull();
        assertThat(codes(r)).contains("TSME_STAFF_VETO", "TSME_NOT_ELIGIBLE");
    }

    @Test
    void directQualificationNeedsNoScoreButKeepsItComputed() {
        TechSmeInput low = input("100", "0", "1000000", "1000000", "1000000", "0", 0, 0);
        for (int route = 0; route < 4; route++) {
            TechSmeInput in = new TechSmeInput(
                    low.employees(),
                    low.techStaff(),
                    low.salesRevenue(),
                    low.totalAssets(),
                    low.totalCostAndExpense(),
                    low.rndExpense(),
                    0,
                    0,
                    false,
                    false,
                    route == 0,
                    route == 1,
                    route == 2,
                    route == 3);
            TechSmeResult r = eval(in);
            assertThat(r.eligible()).isTrue();
            assertThat(r.qualifiedBy()).isEqualTo("DIRECT");
            assertThat(r.score()).isZero();
            assertThat(codes(r)).contains("TSME_ELIGIBLE_DIRECT");
        }
    }

    @ParameterizedTest(name = "employees {0}, sales {1}, assets {2} → eligible {3}")
    @CsvSource({
        "500, 200000000, 200000000, true",
        "500.01, 200000000, 200000000, false",
        "500, 200000000.01, 200000000, false",
        "500, 200000000, 200000000.01, false"
    })
    void sizeLimitsVetoEvenADirectRoute(String employees, String sales, String assets, boolean eligible) {
        TechSmeInput in = new TechSmeInput(
                new BigDecimal(employees),
                new BigDecimal("200"),
                new BigDecimal(sales),
                new BigDecimal(assets),
                new BigDecimal(sales),
                new BigDecimal("20000000"),
                1,
                0,
                false,
                false,
                true,
                false,
                false,
                false);
        TechSmeResult r = eval(in);
        assertThat(r.eligible()).isEqualTo(eligible);
        assertThat(r.score()).isEqualTo(20 + 50 + 30);
        if (!eligible) {
            assertThat(codes(r)).contains("TSME_VETO_OVERRIDES");
        }
    }

    @Test
    void prohibitedProductsAndViolationsVeto() {
        TechSmeInput good = input("100", "30", "1000000", "1000000", "1000000", "60000", 1, 0);
        TechSmeInput prohibited = new TechSmeInput(
                good.employees(),
                good.techStaff(),
                good.salesRevenue(),
                good.totalAssets(),
                good.totalCostAndExpense(),
                good.rndExpense(),
                1,
                0,
                true,
                false,
                false,
                false,
                false,
                false);
        TechSmeInput violation = new TechSmeInput(
                good.employees(),
                good.techStaff(),
                good.salesRevenue(),
                good.totalAssets(),
                good.totalCostAndExpense(),
                good.rndExpense(),
                1,
                0,
                false,
                true,
                false,
                false,
                false,
                false);
        assertThat(eval(good).eligible()).isTrue();
        assertThat(eval(prohibited).eligible()).isFalse();
        assertThat(codes(eval(prohibited))).contains("TSME_PROHIBITED");
        assertThat(eval(violation).eligible()).isFalse();
        assertThat(codes(eval(violation))).contains("TSME_VIOLATION");
    }

    @Test
    void rejectsImpossibleInputNamingTheField() {
        TechSmeInput in = new TechSmeInput(
                BigDecimal.TEN,
                new BigDecimal("11"),
                new BigDecimal("-1"),
                null,
                BigDecimal.ONE,
                BigDecimal.ONE,
                -1,
                0,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(TechSmeRules.check(in))
                .extracting(InputError::field)
                .containsExactlyInAnyOrder("salesRevenue", "totalAssets", "ipClassI", "techStaff");
        assertThat(TechSmeRules.check(input("0", "0", "0", "0", "0", "0", 0, 0)))
                .extracting(InputError::field)
                .containsExactly("employees");
    }

    @Test
    void recordsTheRuleVersion() {
        assertThat(eval(input("100", "30", "0", "0", "0", "0", 0, 0)).ruleVersion())
                .isEqualTo("TSME-2017-115.r1");
    }

    static java.util.List<String> codes(TechSmeResult r) {
        return r.reasons().stream().map(Explanation::code).toList();
    }
}
