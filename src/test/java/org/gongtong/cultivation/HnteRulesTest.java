package org.gongtong.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.gongtong.cultivation.HnteResult.Condition;
import org.gongtong.cultivation.HnteResult.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HnteRulesTest {

    /** A firm that meets every hard condition comfortably. */
    static final HnteInput GOOD = new HnteInput(
            LocalDate.of(2020, 1, 1),
            LocalDate.of(2026, 6, 1),
            true,
            true,
            d("100"),
            d("20"),
            years("30000000", "36000000", "45000000"),
            years("10000000", "12000000", "15000000"),
            years("2000000", "2200000", "2500000"),
            years("2000000", "2200000", "2500000"),
            d("46000000"),
            d("40000000"),
            false,
            1,
            6,
            true,
            0,
            12,
            null,
            null,
            null,
            null);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static List<BigDecimal> years(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    static HnteResult eval(HnteInput in) {
        return eval(in, RuleSettings.DEFAULTS);
    }

    static HnteResult eval(HnteInput in, RuleSettings s) {
        assertThat(HnteRules.check(in)).isEmpty();
        return HnteRules.evaluate(in, s);
    }

    static Condition condition(HnteResult r, String id) {
        return r.conditions().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** A copy of GOOD with some fields replaced (by record component name). */
    static HnteInput with(Object... pairs) {
        var comps = HnteInput.class.getRecordComponents();
        Object[] values = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        try {
            for (int i = 0; i < comps.length; i++) {
                values[i] = comps[i].getAccessor().invoke(GOOD);
                types[i] = comps[i].getType();
            }
            for (int p = 0; p < pairs.length; p += 2) {
                boolean found = false;
                for (int i = 0; i < comps.length; i++) {
                    if (comps[i].getName().equals(pairs[p])) {
                        values[i] = pairs[p + 1];
                        found = true;
                    }
                }
                assertThat(found).as("field %s", pairs[p]).isTrue();
            }
            return HnteInput.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void goodFirmMeetsEveryCondition() {
        HnteResult r = eval(GOOD);
        assertThat(r.conditions()).allMatch(Condition::met);
        assertThat(r.conditions())
                .extracting(Condition::id)
                .containsExactly(
                        "REGISTERED_365_DAYS",
                        "CORE_IP",
                        "KEY_FIELD",
                        "TECH_STAFF_RATIO",
                        "RND_RATIO",
                        "RND_DOMESTIC_RATIO",
                        "HITECH_REVENUE_RATIO",
                        "NO_MAJOR_INCIDENT");
        assertThat(r.ruleVersion()).isEqualTo("HNTE-2016-32.r1");
    }

    @ParameterizedTest(name = "registered {0} days before → {1}")
    @CsvSource({"365, true", "364, false", "1000, true"})
    void registeredAYear(int days, boolean met) {
        HnteResult r = eval(with("applicationDate", GOOD.registrationDate().plusDays(days)));
        assertThat(condition(r, "REGISTERED_365_DAYS").met()).isEqualTo(met);
        assertThat(condition(r, "REGISTERED_365_DAYS").value()).isEqualTo((long) days);
        if (!met) {
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_YET);
            assertThat(r.gaps().get(0).id()).isEqualTo("REGISTERED_365_DAYS");
            assertThat(r.gaps().get(0).explanation().args()).containsExactly("2020-12-31");
        }
    }

    @ParameterizedTest(name = "tech staff {0} of 100 → {1}")
    @CsvSource({"10, true", "9.99, false"})
    void techStaffRatioEdge(String staff, boolean met) {
        HnteResult r = eval(with("techStaff", d(staff)));
        assertThat(condition(r, "TECH_STAFF_RATIO").met()).isEqualTo(met);
        assertThat(condition(r, "TECH_STAFF_RATIO").threshold()).isEqualTo(d("0.10"));
    }

    @Test
    void techStaffGapCountsNewHiresInBothNumbers() {
        // 5 of 100: (5 + x) / (100 + x) ≥ 10% → x = 5.56 → 6
        HnteResult r = eval(with("techStaff", d("5")));
        assertThat(r.gaps().get(0).id()).isEqualTo("TECH_STAFF_RATIO");
        assertThat(r.gaps().get(0).explanation().args()).containsExactly("6");
    }

    @ParameterizedTest(name = "latest sales {0} → R&D threshold {1}")
    @CsvSource({
        "50000000, 0.05",
        "49999999.99, 0.05",
        "50000000.01, 0.04",
        "200000000, 0.04",
        "200000000.01, 0.03",
        "0, 0.05"
    })
    void rndThresholdFollowsTheLatestYearsSalesBand(String latest, String threshold) {
        assertThat(HnteRules.rndThreshold(d(latest))).isEqualByComparingTo(threshold);
        HnteResult r = eval(with(
                "sales", years("30000000", "36000000", latest),
                "rndTotal", years("0", "0", "0"),
                "rndDomestic", years("0", "0", "0")));
        assertThat(condition(r, "RND_RATIO").threshold()).isEqualTo(d(threshold));
    }

    @ParameterizedTest(name = "sales 3×{0}, R&D 3×{1} → {2}")
    @CsvSource({
        // ≤ 50 M: 5%
        "40000000, 2000000, true", "40000000, 1999999.99, false",
        // ≤ 200 M: 4%
        "100000000, 4000000, true", "100000000, 3999999.99, false",
        // above: 3%
        "300000000, 9000000, true", "300000000, 8999999.99, false"
    })
    void rndRatioAtAndJustBelowEachThreshold(String sales, String rnd, boolean met) {
        HnteResult r = eval(with(
                "sales", years(sales, sales, sales),
                "rndTotal", years(rnd, rnd, rnd),
                "rndDomestic", years(rnd, rnd, rnd)));
        assertThat(condition(r, "RND_RATIO").met()).isEqualTo(met);
    }

    @Test
    void youngerFirmUsesOnlyTheYearsOperated() {
        HnteResult r = eval(with(
                "registrationDate", LocalDate.of(2024, 3, 1),
                "sales", years(null, "10000000", "20000000"),
                "netAssets", years(null, "5000000", "6000000"),
                "rndTotal", years(null, "500000", "1000000"),
                "rndDomestic", years(null, "500000", "1000000")));
        // 1.5 M / 30 M = 5% over the two years operated
        assertThat(condition(r, "RND_RATIO").met()).isTrue();
        assertThat(condition(r, "RND_RATIO").value()).isEqualTo(d("0.0500"));
    }

    @ParameterizedTest(name = "domestic {0} of 6,700,000 → {1}")
    @CsvSource({"1520000, true", "1519999.99, false"})
    void domesticRndEdge(String domestic, boolean met) {
        HnteResult r = eval(with("rndDomestic", years("0", domestic, "2500000")));
        assertThat(condition(r, "RND_DOMESTIC_RATIO").met()).isEqualTo(met);
    }

    @ParameterizedTest(name = "high-tech revenue {0} of 46 M → {1}")
    @CsvSource({"27600000, true", "27599999.99, false"})
    void hitechRevenueEdge(String revenue, boolean met) {
        HnteResult r = eval(with("hitechRevenueLastYear", d(revenue)));
        assertThat(condition(r, "HITECH_REVENUE_RATIO").met()).isEqualTo(met);
    }

    @Test
    void coreIpKeyFieldAndIncidentAreHardConditions() {
        assertThat(condition(eval(with("inKeyField", false)), "KEY_FIELD").met())
                .isFalse();
        assertThat(condition(eval(with("ownsCoreIp", false)), "CORE_IP").met()).isFalse();
        HnteResult incident = eval(with("majorIncident", true));
        assertThat(condition(incident, "NO_MAJOR_INCIDENT").met()).isFalse();
        assertThat(incident.verdict()).isEqualTo(Verdict.NOT_YET);
    }

    @ParameterizedTest(name = "class I {0}, class II {1} → band {2} ({3}–{4})")
    @CsvSource({
        "1, 0, A, 7, 8",
        "0, 6, B, 5, 6",
        "0, 5, B, 5, 6",
        "0, 4, C, 3, 4",
        "0, 3, C, 3, 4",
        "0, 2, D, 1, 2",
        "0, 1, D, 1, 2",
        "0, 0, E, 0, 0"
    })
    void ipCountBands(int classI, int classII, String band, int min, int max) {
        HnteResult r = eval(with(
                "ipClassI",
                classI,
                "ipClassII",
                classII,
                "ownsCoreIp",
                classI + classII > 0,
                "advancementBand",
                "E",
                "coreSupportBand",
                "E",
                "ownRndIp",
                false));
        assertThat(r.bands().ipCount()).isEqualTo(band);
        // experts E (0), transfer-only acquisition 1–3 when any IP
        int acqMin = classI + classII > 0 ? 1 : 0;
        int acqMax = classI + classII > 0 ? 3 : 0;
        assertThat(r.points().ip()).isEqualTo(new PointRange(min + acqMin, max + acqMax));
    }

    @Test
    void ipIsCappedAtThirty() {
        HnteResult r = eval(with("advancementBand", "A", "coreSupportBand", "A", "standardsBonus", 2));
        // 7–8 + 7–8 + 7–8 + 1–6 + 2 = 24–32 → 24–30
        assertThat(r.points().ip()).isEqualTo(new PointRange(24, 30));
    }

    @ParameterizedTest(name = "{0} results over {1} years → {2}")
    @CsvSource({
        "15, 3, A",
        "14, 3, B",
        "12, 3, B",
        "11, 3, C",
        "9, 3, C",
        "8, 3, D",
        "6, 3, D",
        "5, 3, E",
        "3, 3, E",
        "2, 3, F",
        "0, 3, F",
        "10, 2, A",
        "9, 2, B",
        "1, 1, E",
        "0, 1, F",
        "15, 7, A"
    })
    void transformationBandsAtAndJustBelowEachEdge(int count, int yearsOperating, String band) {
        HnteResult r = eval(with("transformations3y", count, "yearsOperating", yearsOperating));
        assertThat(r.bands().transformation()).isEqualTo(band);
    }

    @ParameterizedTest(name = "net assets 100, 100, {0} → {1} {2}")
    @CsvSource({
        "170, A, 0.3500", "169.99, B, 0.3500", "150, B, 0.2500", "149.99, C, 0.2500", "130, C, 0.1500",
        "129.99, D, 0.1500", "110, D, 0.0500", "109.99, E, 0.0500", "100.01, E, 0.0001", "100, F, 0.0000",
        "90, F, -0.0500"
    })
    void growthBandsAtAndJustBelowEachEdge(String y3, String band, String rate) {
        HnteResult r = eval(with("netAssets", years("100", "100", y3)));
        assertThat(r.growth().netAssetBand()).isEqualTo(band);
        assertThat(r.growth().netAssetRate()).isEqualByComparingTo(rate);
    }

    @Test
    void exactlyFivePercentFollowsTheSetting() {
        HnteInput five = with("netAssets", years("100", "100", "110"));
        assertThat(eval(five).growth().netAssetBand()).isEqualTo("D");
        assertThat(eval(five).explanations()).extracting(Explanation::code).contains("HNTE_GROWTH_FIVE_EDGE_D");
        HnteResult strict = eval(five, RuleSettings.DEFAULTS.withFivePercentIsBandD(false));
        assertThat(strict.growth().netAssetBand()).isEqualTo("E");
        assertThat(strict.explanations()).extracting(Explanation::code).contains("HNTE_GROWTH_FIVE_EDGE_E");
        // just above 5% is D under both settings
        HnteInput above = with("netAssets", years("100", "100", "110.01"));
        assertThat(eval(above, RuleSettings.DEFAULTS.withFivePercentIsBandD(false))
                        .growth()
                        .netAssetBand())
                .isEqualTo("D");
    }

    @Test
    void growthEdgeCases() {
        // negative rate scores 0
        HnteResult negative = eval(with("sales", years("40000000", "35000000", "30000000")));
        assertThat(negative.growth().salesBand()).isEqualTo("F");
        assertThat(negative.growth().salesRate()).isNegative();
        // y1 = 0 → y3/y2 − 1 = 135/100 − 1 = 35%
        HnteResult y1Zero = eval(with("netAssets", years("0", "100", "135")));
        assertThat(y1Zero.growth().netAssetRate()).isEqualByComparingTo("0.35");
        assertThat(y1Zero.growth().netAssetBand()).isEqualTo("A");
        assertThat(y1Zero.explanations()).extracting(Explanation::code).contains("HNTE_GROWTH_TWO_YEARS_Y1_ZERO");
        // y2 = 0 → 0 points, no rate
        HnteResult y2Zero = eval(with("netAssets", years("100", "0", "200")));
        assertThat(y2Zero.growth().netAssetRate()).isNull();
        assertThat(y2Zero.growth().netAssetBand()).isEqualTo("F");
        assertThat(y2Zero.explanations()).extracting(Explanation::code).contains("HNTE_GROWTH_Y2_ZERO");
        // younger firm, two years: like y1 = 0
        HnteResult twoYears = eval(with(
                "netAssets", years(null, "100", "134.99"),
                "sales", years(null, "36000000", "45000000"),
                "rndTotal", years(null, "2200000", "2500000"),
                "rndDomestic", years(null, "2200000", "2500000")));
        assertThat(twoYears.growth().netAssetBand()).isEqualTo("B");
        assertThat(twoYears.growth().salesRate()).isEqualByComparingTo("0.25");
        assertThat(twoYears.growth().salesBand()).isEqualTo("B");
        assertThat(twoYears.explanations()).extracting(Explanation::code).contains("HNTE_GROWTH_TWO_YEARS_YOUNGER");
        // one year only: no rate
        HnteResult oneYear = eval(with(
                "netAssets", years(null, null, "100"),
                "sales", years(null, null, "45000000"),
                "rndTotal", years(null, null, "2500000"),
                "rndDomestic", years(null, null, "2500000")));
        assertThat(oneYear.growth().netAssetRate()).isNull();
        assertThat(oneYear.points().growth()).isEqualTo(PointRange.ZERO);
        assertThat(oneYear.explanations()).extracting(Explanation::code).contains("HNTE_GROWTH_TOO_YOUNG");
        // negative net assets in a base year: no meaningful rate
        assertThat(eval(with("netAssets", years("-100", "50", "200"))).growth().netAssetBand())
                .isEqualTo("F");
    }

    @Test
    void verdictFollowsTheRangeOfTotals() {
        // judged: IP 7+7+7+1 = 22 at least, transformation 15/3 = 5 a year A 25–30, management 15,
        // growth: net assets ½(1.2 + 1.25) − 1 = 22.5% C 5–6, sales the same: minimum 72
        HnteResult judged =
                eval(with("advancementBand", "A", "coreSupportBand", "A", "management", 15, "transformations3y", 15));
        assertThat(judged.total()).isEqualTo(new PointRange(72, 87));
        assertThat(judged.growth().salesBand()).isEqualTo("C");
        assertThat(judged.total().min()).isGreaterThanOrEqualTo(71);
        assertThat(judged.verdict()).isEqualTo(Verdict.MEETS);
        HnteResult open = eval(GOOD);
        assertThat(open.total().min()).isLessThan(71);
        assertThat(open.total().max()).isGreaterThanOrEqualTo(71);
        assertThat(open.verdict()).isEqualTo(Verdict.POSSIBLE);
        HnteResult hopeless = eval(with(
                "ipClassI",
                0,
                "ipClassII",
                1,
                "transformations3y",
                0,
                "management",
                5,
                "netAssets",
                years("100", "100", "100"),
                "sales",
                years("40000000", "40000000", "40000000")));
        assertThat(hopeless.total().max()).isLessThan(71);
        assertThat(hopeless.verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(hopeless.explanations()).extracting(Explanation::code).contains("HNTE_VERDICT_NOT_YET_SCORE");
    }

    @Test
    void gapsComeCheapestFirstWithThePointsTheyAdd() {
        HnteResult r = eval(with("ipClassI", 0, "ipClassII", 1, "ownRndIp", true));
        assertThat(r.bands().ipCount()).isEqualTo("D");
        HnteResult.Gap first = r.gaps().get(0);
        assertThat(first.id()).isEqualTo("IP_CLASS_II");
        assertThat(first.explanation().args()).containsExactly("2", "D", "C", "2");
        assertThat(first.points()).isEqualTo(new PointRange(2, 2));
        assertThat(r.gaps()).extracting(HnteResult.Gap::cost).isSorted();
        assertThat(r.gaps()).allMatch(g -> !g.required() && g.points().max() > 0);
    }

    @Test
    void rejectsBadInputNamingTheField() {
        HnteInput bad = with(
                "sales", years("1", null, "3"),
                "rndTotal", years("1", "2"),
                "rndDomestic", years("0", "0", "5"),
                "techStaff", d("101"),
                "advancementBand", "G",
                "applicationDate", LocalDate.of(2019, 1, 1));
        assertThat(HnteRules.check(bad))
                .extracting(InputError::field)
                .contains("sales[1]", "rndTotal", "techStaff", "advancementBand", "applicationDate");
    }
}
