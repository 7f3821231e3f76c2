package org.gongtong.cultivation;

import static org.gongtong.cultivation.Ratios.atLeast;
import static org.gongtong.cultivation.Ratios.nz;
import static org.gongtong.cultivation.Ratios.pct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gongtong.cultivation.HnteResult.Condition;
import org.gongtong.cultivation.HnteResult.Gap;
import org.gongtong.cultivation.HnteResult.Verdict;

/**
 * High-tech enterprise recognition readiness (国科发火〔2016〕32号, 工作指引), RULES.md §1. Pure: no
 * Spring; ratios compared exactly by cross-multiplying BigDecimals. Where experts score within a
 * band the result carries the band's range; gaps come from re-evaluating the input with one
 * concrete change applied, so caps and interactions are counted exactly.
 */
public final class HnteRules {

    public static final int PASS_SCORE = 71;
    public static final int MIN_DAYS_REGISTERED = 365;
    static final BigDecimal SALES_SMALL = new BigDecimal("50000000");
    static final BigDecimal SALES_MEDIUM = new BigDecimal("200000000");
    static final BigDecimal TECH_STAFF_MIN = new BigDecimal("0.10");
    static final BigDecimal DOMESTIC_MIN = new BigDecimal("0.60");
    static final BigDecimal HITECH_MIN = new BigDecimal("0.60");

    static final String[] GROWTH_BANDS = {"A", "B", "C", "D", "E", "F"};
    private static final BigDecimal[] GROWTH_AT_LEAST = {pct("35"), pct("25"), pct("15"), pct("5")};
    private static final PointRange[] GROWTH_POINTS = {
        new PointRange(9, 10),
        new PointRange(7, 8),
        new PointRange(5, 6),
        new PointRange(3, 4),
        new PointRange(1, 2),
        PointRange.ZERO
    };
    private static final int[] TRANSFORMATION_AT_LEAST = {5, 4, 3, 2, 1};
    private static final PointRange[] TRANSFORMATION_POINTS = {
        new PointRange(25, 30),
        new PointRange(19, 24),
        new PointRange(13, 18),
        new PointRange(7, 12),
        new PointRange(1, 6),
        PointRange.ZERO
    };
    private static final PointRange[] IP_COUNT_POINTS = {
        new PointRange(7, 8), new PointRange(5, 6), new PointRange(3, 4), new PointRange(1, 2), PointRange.ZERO
    };
    private static final PointRange[] EXPERT_POINTS = IP_COUNT_POINTS;

    private HnteRules() {}

    // ---------------------------------------------------------------- input

    /** Rejected fields (JSON paths such as {@code sales[2]}), empty when the input can be evaluated. */
    public static List<InputError> check(HnteInput in) {
        List<InputError> e = new ArrayList<>();
        if (in == null) {
            e.add(new InputError("registrationDate", "cultivation.input.required"));
            return e;
        }
        if (in.registrationDate() == null) {
            e.add(new InputError("registrationDate", "cultivation.input.required"));
        }
        if (in.applicationDate() == null) {
            e.add(new InputError("applicationDate", "cultivation.input.required"));
        } else if (in.registrationDate() != null && in.applicationDate().isBefore(in.registrationDate())) {
            e.add(new InputError("applicationDate", "cultivation.input.beforeRegistration"));
        }
        required(e, "ownsCoreIp", in.ownsCoreIp());
        required(e, "inKeyField", in.inKeyField());
        required(e, "majorIncident", in.majorIncident());
        TechSmeRules.positive(e, "employees", in.employees());
        TechSmeRules.nonNegative(e, "techStaff", in.techStaff());
        if (in.employees() != null && in.techStaff() != null && in.techStaff().compareTo(in.employees()) > 0) {
            e.add(new InputError("techStaff", "cultivation.input.techStaffAboveEmployees"));
        }
        years(e, "sales", in.sales(), false);
        years(e, "netAssets", in.netAssets(), true);
        years(e, "rndTotal", in.rndTotal(), false);
        years(e, "rndDomestic", in.rndDomestic(), false);
        if (e.stream().noneMatch(x -> x.field().startsWith("sales") || x.field().startsWith("rnd"))) {
            for (int i = 0; i < 3; i++) {
                BigDecimal s = in.sales().get(i);
                BigDecimal r = in.rndTotal().get(i);
                BigDecimal d = in.rndDomestic().get(i);
                if ((s == null) != (r == null)) {
                    e.add(new InputError("rndTotal[" + i + "]", "cultivation.input.sameYearsAsSales"));
                } else if ((r == null) != (d == null)) {
                    e.add(new InputError("rndDomestic[" + i + "]", "cultivation.input.sameYearsAsSales"));
                } else if (r != null && d.compareTo(r) > 0) {
                    e.add(new InputError("rndDomestic[" + i + "]", "cultivation.input.domesticAboveTotal"));
                }
            }
        }
        TechSmeRules.nonNegative(e, "totalIncomeLastYear", in.totalIncomeLastYear());
        TechSmeRules.nonNegative(e, "hitechRevenueLastYear", in.hitechRevenueLastYear());
        if (in.totalIncomeLastYear() != null
                && in.hitechRevenueLastYear() != null
                && in.hitechRevenueLastYear().compareTo(in.totalIncomeLastYear()) > 0) {
            e.add(new InputError("hitechRevenueLastYear", "cultivation.input.hitechAboveIncome"));
        }
        TechSmeRules.count(e, "ipClassI", in.ipClassI());
        TechSmeRules.count(e, "ipClassII", in.ipClassII());
        if (Boolean.TRUE.equals(in.ownsCoreIp())
                && in.ipClassI() != null
                && in.ipClassII() != null
                && in.ipClassI() + in.ipClassII() == 0) {
            e.add(new InputError("ownsCoreIp", "cultivation.input.coreIpWithoutIp"));
        }
        if (in.standardsBonus() != null && (in.standardsBonus() < 0 || in.standardsBonus() > 2)) {
            e.add(new InputError("standardsBonus", "cultivation.input.between", 0, 2));
        }
        TechSmeRules.count(e, "transformations3y", in.transformations3y());
        if (in.yearsOperating() != null && in.yearsOperating() < 1) {
            e.add(new InputError("yearsOperating", "cultivation.input.positive"));
        }
        expertBand(e, "advancementBand", in.advancementBand());
        expertBand(e, "coreSupportBand", in.coreSupportBand());
        if (in.management() != null && (in.management() < 0 || in.management() > 20)) {
            e.add(new InputError("management", "cultivation.input.between", 0, 20));
        }
        return e;
    }

    private static void required(List<InputError> e, String field, Object v) {
        if (v == null) {
            e.add(new InputError(field, "cultivation.input.required"));
        }
    }

    /** Three yearly values, the latest present, missing years only before the first operated one. */
    private static void years(List<InputError> e, String field, List<BigDecimal> v, boolean mayBeNegative) {
        if (v == null) {
            e.add(new InputError(field, "cultivation.input.required"));
            return;
        }
        if (v.size() != 3) {
            e.add(new InputError(field, "cultivation.input.threeYears"));
            return;
        }
        if (v.get(2) == null) {
            e.add(new InputError(field + "[2]", "cultivation.input.latestYearRequired"));
        }
        boolean seen = false;
        for (int i = 0; i < 3; i++) {
            BigDecimal x = v.get(i);
            if (x == null && seen) {
                e.add(new InputError(field + "[" + i + "]", "cultivation.input.yearGap"));
            }
            if (x != null) {
                seen = true;
                if (!mayBeNegative && x.signum() < 0) {
                    e.add(new InputError(field + "[" + i + "]", "cultivation.input.nonNegative"));
                }
            }
        }
    }

    private static void expertBand(List<InputError> e, String field, String band) {
        if (band != null
                && !band.isBlank()
                && !band.strip().toUpperCase(Locale.ROOT).matches("[A-E]")) {
            e.add(new InputError(field, "cultivation.input.expertBand"));
        }
    }

    // ---------------------------------------------------------------- evaluation

    /** Evaluates a checked input (see {@link #check}), gaps included. */
    public static HnteResult evaluate(HnteInput in, RuleSettings settings) {
        HnteResult base = score(in, settings);
        List<Gap> gaps = new ArrayList<>(requiredGaps(in, base));
        gaps.addAll(pointGaps(in, base, settings));
        return new HnteResult(
                base.conditions(),
                base.growth(),
                base.bands(),
                base.points(),
                base.total(),
                base.verdict(),
                List.copyOf(gaps),
                base.explanations(),
                base.ruleVersion());
    }

    /** Everything but the gaps. */
    static HnteResult score(HnteInput in, RuleSettings settings) {
        List<Explanation> why = new ArrayList<>();
        List<Condition> conditions = conditions(in, why);

        // IP (30): expert parts, count band, acquisition, standards bonus, capped at 30
        int classI = in.ipClassI();
        int classII = in.ipClassII();
        boolean anyIp = classI + classII > 0;
        int countBand = classI >= 1 ? 0 : classII >= 5 ? 1 : classII >= 3 ? 2 : classII >= 1 ? 3 : 4;
        String ipBand = GROWTH_BANDS[countBand];
        PointRange count = IP_COUNT_POINTS[countBand];
        why.add(Explanation.of("HNTE_IP_COUNT", classI, classII, ipBand, range(count)));
        PointRange advancement = expert(in.advancementBand(), anyIp);
        PointRange support = expert(in.coreSupportBand(), anyIp);
        why.add(
                anyIp
                        ? Explanation.of("HNTE_IP_EXPERT", range(advancement), range(support))
                        : Explanation.of("HNTE_IP_EXPERT_NONE"));
        PointRange acquisition;
        if (!anyIp) {
            acquisition = PointRange.ZERO;
            why.add(Explanation.of("HNTE_IP_ACQUISITION_NONE"));
        } else if (Boolean.TRUE.equals(in.ownRndIp())) {
            acquisition = new PointRange(1, 6);
            why.add(Explanation.of("HNTE_IP_ACQUISITION_OWN", range(acquisition)));
        } else {
            acquisition = new PointRange(1, 3);
            why.add(Explanation.of("HNTE_IP_ACQUISITION_TRANSFER", range(acquisition)));
        }
        int bonus = in.standardsBonus() == null ? 0 : in.standardsBonus();
        if (bonus > 0) {
            why.add(Explanation.of("HNTE_IP_STANDARDS", bonus));
        }
        PointRange ipRaw =
                advancement.plus(support).plus(count).plus(acquisition).plus(new PointRange(bonus, bonus));
        PointRange ip = ipRaw.cap(30);
        if (!ip.equals(ipRaw)) {
            why.add(Explanation.of("HNTE_IP_CAPPED", range(ipRaw), range(ip)));
        }

        // transformation (30): yearly average over the last 3 years, actual years if younger
        int years = operatedYears(in);
        int transformations = in.transformations3y();
        int tBand = TRANSFORMATION_AT_LEAST.length;
        for (int i = 0; i < TRANSFORMATION_AT_LEAST.length; i++) {
            if (transformations >= TRANSFORMATION_AT_LEAST[i] * years) {
                tBand = i;
                break;
            }
        }
        PointRange transformation = TRANSFORMATION_POINTS[tBand];
        why.add(Explanation.of(
                "HNTE_TRANSFORMATION",
                transformations,
                years,
                BigDecimal.valueOf(transformations)
                        .divide(BigDecimal.valueOf(years), 2, RoundingMode.HALF_UP)
                        .toPlainString(),
                GROWTH_BANDS[tBand],
                range(transformation)));

        // R&D organisation and management (20): expert judgement
        PointRange management =
                in.management() == null ? new PointRange(0, 20) : new PointRange(in.management(), in.management());
        why.add(
                in.management() == null
                        ? Explanation.of("HNTE_MANAGEMENT_RANGE")
                        : Explanation.of("HNTE_MANAGEMENT_GIVEN", in.management()));

        // growth (20)
        Rate netAssets = growth("@cultivation.label.netAssets", in.netAssets(), settings, why);
        Rate sales = growth("@cultivation.label.sales", in.sales(), settings, why);
        PointRange growth = netAssets.points().plus(sales.points());

        PointRange total = ip.plus(transformation).plus(management).plus(growth);
        boolean allMet = conditions.stream().allMatch(Condition::met);
        Verdict verdict;
        if (allMet && total.min() >= PASS_SCORE) {
            verdict = Verdict.MEETS;
        } else if (allMet && total.max() >= PASS_SCORE) {
            verdict = Verdict.POSSIBLE;
        } else {
            verdict = Verdict.NOT_YET;
        }
        long failed = conditions.stream().filter(c -> !c.met()).count();
        String verdictCode =
                verdict == Verdict.NOT_YET && allMet ? "HNTE_VERDICT_NOT_YET_SCORE" : "HNTE_VERDICT_" + verdict;
        why.add(Explanation.of(verdictCode, total.min(), total.max(), PASS_SCORE, failed));
        return new HnteResult(
                List.copyOf(conditions),
                new HnteResult.Growth(netAssets.display(), netAssets.band(), sales.display(), sales.band()),
                new HnteResult.Bands(ipBand, GROWTH_BANDS[tBand]),
                new HnteResult.Points(ip, transformation, management, growth),
                total,
                verdict,
                List.of(),
                List.copyOf(why),
                settings.hnteVersion());
    }

    private static List<Condition> conditions(HnteInput in, List<Explanation> why) {
        List<Condition> list = new ArrayList<>();
        long days = ChronoUnit.DAYS.between(in.registrationDate(), in.applicationDate());
        boolean registered = days >= MIN_DAYS_REGISTERED;
        list.add(new Condition(
                "REGISTERED_365_DAYS",
                registered,
                days,
                MIN_DAYS_REGISTERED,
                Explanation.of("COND_REGISTERED_365_DAYS", days, MIN_DAYS_REGISTERED, met(registered))));
        boolean coreIp = in.ownsCoreIp();
        list.add(new Condition("CORE_IP", coreIp, coreIp, true, Explanation.of("COND_CORE_IP_" + coreIp)));
        boolean keyField = in.inKeyField();
        list.add(new Condition("KEY_FIELD", keyField, keyField, true, Explanation.of("COND_KEY_FIELD_" + keyField)));

        boolean staff = atLeast(in.techStaff(), in.employees(), TECH_STAFF_MIN);
        BigDecimal staffRatio = Ratios.ratio(in.techStaff(), in.employees());
        list.add(new Condition(
                "TECH_STAFF_RATIO",
                staff,
                staffRatio,
                TECH_STAFF_MIN,
                Explanation.of(
                        "COND_TECH_STAFF_RATIO",
                        Ratios.percent(staffRatio),
                        Ratios.percentThreshold(TECH_STAFF_MIN),
                        met(staff))));

        BigDecimal sumSales = BigDecimal.ZERO;
        BigDecimal sumRnd = BigDecimal.ZERO;
        BigDecimal sumDomestic = BigDecimal.ZERO;
        int window = 0;
        for (int i = 0; i < 3; i++) {
            if (in.sales().get(i) != null) {
                window++;
                sumSales = sumSales.add(in.sales().get(i));
                sumRnd = sumRnd.add(nz(in.rndTotal().get(i)));
                sumDomestic = sumDomestic.add(nz(in.rndDomestic().get(i)));
            }
        }
        BigDecimal latestSales = in.sales().get(2);
        BigDecimal rndThreshold = rndThreshold(latestSales);
        boolean rnd = sumSales.signum() > 0 && atLeast(sumRnd, sumSales, rndThreshold);
        BigDecimal rndRatio = Ratios.ratio(sumRnd, sumSales);
        why.add(Explanation.of(
                "HNTE_RND_THRESHOLD_" + rndBand(latestSales),
                Ratios.yuan(latestSales),
                Ratios.percentThreshold(rndThreshold)));
        list.add(new Condition(
                "RND_RATIO",
                rnd,
                rndRatio,
                rndThreshold,
                Explanation.of(
                        "COND_RND_RATIO",
                        window,
                        Ratios.yuan(sumRnd),
                        Ratios.yuan(sumSales),
                        Ratios.percent(rndRatio),
                        Ratios.percentThreshold(rndThreshold),
                        met(rnd))));

        boolean domestic = sumRnd.signum() > 0 && atLeast(sumDomestic, sumRnd, DOMESTIC_MIN);
        BigDecimal domesticRatio = Ratios.ratio(sumDomestic, sumRnd);
        list.add(new Condition(
                "RND_DOMESTIC_RATIO",
                domestic,
                domesticRatio,
                DOMESTIC_MIN,
                Explanation.of(
                        "COND_RND_DOMESTIC_RATIO",
                        Ratios.percent(domesticRatio),
                        Ratios.percentThreshold(DOMESTIC_MIN),
                        met(domestic))));

        boolean hitech = in.totalIncomeLastYear().signum() > 0
                && atLeast(in.hitechRevenueLastYear(), in.totalIncomeLastYear(), HITECH_MIN);
        BigDecimal hitechRatio = Ratios.ratio(in.hitechRevenueLastYear(), in.totalIncomeLastYear());
        list.add(new Condition(
                "HITECH_REVENUE_RATIO",
                hitech,
                hitechRatio,
                HITECH_MIN,
                Explanation.of(
                        "COND_HITECH_REVENUE_RATIO",
                        Ratios.percent(hitechRatio),
                        Ratios.percentThreshold(HITECH_MIN),
                        met(hitech))));

        boolean incident = in.majorIncident();
        list.add(new Condition(
                "NO_MAJOR_INCIDENT",
                !incident,
                incident,
                false,
                Explanation.of("COND_NO_MAJOR_INCIDENT_" + !incident)));
        return list;
    }

    /** R&D ÷ sales threshold by the latest year's sales: ≤ 50 M → 5%, ≤ 200 M → 4%, above → 3%. */
    public static BigDecimal rndThreshold(BigDecimal latestSales) {
        return switch (rndBand(latestSales)) {
            case "SMALL" -> new BigDecimal("0.05");
            case "MEDIUM" -> new BigDecimal("0.04");
            default -> new BigDecimal("0.03");
        };
    }

    private static String rndBand(BigDecimal latestSales) {
        if (latestSales.compareTo(SALES_SMALL) <= 0) {
            return "SMALL";
        }
        return latestSales.compareTo(SALES_MEDIUM) <= 0 ? "MEDIUM" : "LARGE";
    }

    static int operatedYears(HnteInput in) {
        if (in.yearsOperating() != null) {
            return Math.min(3, in.yearsOperating());
        }
        int n = (int) in.sales().stream().filter(java.util.Objects::nonNull).count();
        return Math.max(1, n);
    }

    private static PointRange expert(String band, boolean anyIp) {
        if (!anyIp) {
            return PointRange.ZERO;
        }
        if (band == null || band.isBlank()) {
            return new PointRange(0, 8);
        }
        return EXPERT_POINTS[band.strip().toUpperCase(Locale.ROOT).charAt(0) - 'A'];
    }

    /** A growth rate: its display value (4 places, null when the rule gives none), band and points. */
    record Rate(BigDecimal display, String band, PointRange points) {}

    /**
     * {@code rate = ½ × (y2/y1 + y3/y2) − 1}; y1 = 0 or not operated → {@code y3/y2 − 1}; y2 = 0 or
     * not operated → no rate, 0 points. The rate is kept as the exact fraction N/D − 1 so every band
     * edge is compared without rounding.
     */
    static Rate growth(String label, List<BigDecimal> y, RuleSettings settings, List<Explanation> why) {
        BigDecimal y1 = y.get(0);
        BigDecimal y2 = y.get(1);
        BigDecimal y3 = y.get(2);
        if (y2 == null) {
            why.add(Explanation.of("HNTE_GROWTH_TOO_YOUNG", label));
            return new Rate(null, "F", PointRange.ZERO);
        }
        if (y2.signum() == 0) {
            why.add(Explanation.of("HNTE_GROWTH_Y2_ZERO", label));
            return new Rate(null, "F", PointRange.ZERO);
        }
        if (y2.signum() < 0 || (y1 != null && y1.signum() < 0)) {
            why.add(Explanation.of("HNTE_GROWTH_NEGATIVE_BASE", label));
            return new Rate(null, "F", PointRange.ZERO);
        }
        BigDecimal n;
        BigDecimal d;
        String code;
        if (y1 == null || y1.signum() == 0) {
            n = y3;
            d = y2;
            code = y1 == null ? "HNTE_GROWTH_TWO_YEARS_YOUNGER" : "HNTE_GROWTH_TWO_YEARS_Y1_ZERO";
        } else {
            n = y2.multiply(y2).add(y1.multiply(y3));
            d = BigDecimal.valueOf(2).multiply(y1).multiply(y2);
            code = "HNTE_GROWTH_THREE_YEARS";
        }
        int band = GROWTH_BANDS.length - 1;
        for (int i = 0; i < GROWTH_AT_LEAST.length; i++) {
            BigDecimal factor = BigDecimal.ONE.add(GROWTH_AT_LEAST[i]);
            int cmp = n.compareTo(d.multiply(factor));
            boolean strictAtFive = i == 3 && !settings.fivePercentIsBandD();
            if (strictAtFive ? cmp > 0 : cmp >= 0) {
                band = i;
                break;
            }
        }
        if (band == GROWTH_BANDS.length - 1 && n.compareTo(d) > 0) {
            band = 4; // E: any positive rate
        }
        BigDecimal rate = n.divide(d, Ratios.MC).subtract(BigDecimal.ONE).setScale(4, RoundingMode.HALF_UP);
        PointRange points = GROWTH_POINTS[band];
        why.add(Explanation.of(
                code, label, fmt(y1), fmt(y2), fmt(y3), Ratios.percent(rate), GROWTH_BANDS[band], range(points)));
        if (n.compareTo(d.multiply(BigDecimal.ONE.add(GROWTH_AT_LEAST[3]))) == 0) {
            why.add(Explanation.of(
                    settings.fivePercentIsBandD() ? "HNTE_GROWTH_FIVE_EDGE_D" : "HNTE_GROWTH_FIVE_EDGE_E", label));
        }
        return new Rate(rate, GROWTH_BANDS[band], points);
    }

    // ---------------------------------------------------------------- gaps

    private static List<Gap> requiredGaps(HnteInput in, HnteResult base) {
        List<Gap> gaps = new ArrayList<>();
        for (Condition c : base.conditions()) {
            if (c.met()) {
                continue;
            }
            Explanation text = switch (c.id()) {
                case "REGISTERED_365_DAYS" ->
                    Explanation.of(
                            "GAP_REGISTERED_365_DAYS", in.registrationDate().plusDays(MIN_DAYS_REGISTERED));
                case "TECH_STAFF_RATIO" -> Explanation.of("GAP_TECH_STAFF_RATIO", staffToHire(in));
                case "RND_RATIO" -> {
                    BigDecimal sales = BigDecimal.ZERO;
                    BigDecimal rnd = BigDecimal.ZERO;
                    for (int i = 0; i < 3; i++) {
                        if (in.sales().get(i) != null) {
                            sales = sales.add(in.sales().get(i));
                            rnd = rnd.add(nz(in.rndTotal().get(i)));
                        }
                    }
                    BigDecimal need = sales.multiply((BigDecimal) c.threshold()).subtract(rnd);
                    yield sales.signum() == 0
                            ? Explanation.of("GAP_RND_RATIO_NO_SALES")
                            : Explanation.of("GAP_RND_RATIO", Ratios.yuan(need), Ratios.percentThreshold((BigDecimal)
                                    c.threshold()));
                }
                case "RND_DOMESTIC_RATIO" -> {
                    BigDecimal total = BigDecimal.ZERO;
                    BigDecimal domestic = BigDecimal.ZERO;
                    for (int i = 0; i < 3; i++) {
                        total = total.add(nz(in.rndTotal().get(i)));
                        domestic = domestic.add(nz(in.rndDomestic().get(i)));
                    }
                    yield total.signum() == 0
                            ? Explanation.of("GAP_RND_DOMESTIC_NONE")
                            : Explanation.of(
                                    "GAP_RND_DOMESTIC_RATIO",
                                    Ratios.yuan(total.multiply(DOMESTIC_MIN).subtract(domestic)));
                }
                case "HITECH_REVENUE_RATIO" ->
                    Explanation.of(
                            "GAP_HITECH_REVENUE_RATIO",
                            Ratios.yuan(in.totalIncomeLastYear()
                                    .multiply(HITECH_MIN)
                                    .subtract(in.hitechRevenueLastYear())));
                default -> Explanation.of("GAP_" + c.id());
            };
            gaps.add(new Gap(c.id(), true, PointRange.ZERO, 0, text));
        }
        return gaps;
    }

    /** Sci-tech staff to hire (annual average) so that (t + x) ÷ (e + x) ≥ 10%. */
    static long staffToHire(HnteInput in) {
        BigDecimal need = in.employees()
                .multiply(TECH_STAFF_MIN)
                .subtract(in.techStaff())
                .divide(BigDecimal.ONE.subtract(TECH_STAFF_MIN), 0, RoundingMode.CEILING);
        return Math.max(0, need.longValueExact());
    }

    private static List<Gap> pointGaps(HnteInput in, HnteResult base, RuleSettings s) {
        List<Gap> gaps = new ArrayList<>();
        int classI = in.ipClassI();
        int classII = in.ipClassII();
        String ipFrom = base.bands().ipCount();
        if (classI == 0) {
            for (int target : new int[] {1, 3, 5}) {
                if (classII < target) {
                    int more = target - classII;
                    HnteResult sim = score(in.withIp(0, target, true), s);
                    add(
                            gaps,
                            base,
                            sim,
                            "IP_CLASS_II",
                            more * s.costClassIIIp(),
                            "GAP_IP_CLASS_II",
                            more,
                            ipFrom,
                            sim.bands().ipCount());
                }
            }
            HnteResult sim = score(in.withIp(1, classII, true), s);
            add(
                    gaps,
                    base,
                    sim,
                    "IP_CLASS_I",
                    s.costClassIIp(),
                    "GAP_IP_CLASS_I",
                    1,
                    ipFrom,
                    sim.bands().ipCount());
        } else if (!Boolean.TRUE.equals(in.ownRndIp())) {
            HnteResult sim = score(in.withIp(classI, classII + 1, true), s);
            add(gaps, base, sim, "IP_OWN_RND", s.costClassIIIp(), "GAP_IP_OWN_RND", 1, ipFrom, ipFrom);
        }
        int years = operatedYears(in);
        String tFrom = base.bands().transformation();
        for (int i = TRANSFORMATION_AT_LEAST.length - 1; i >= 0; i--) {
            int needed = TRANSFORMATION_AT_LEAST[i] * years;
            if (in.transformations3y() < needed) {
                int more = needed - in.transformations3y();
                HnteResult sim = score(in.withTransformations(needed), s);
                add(
                        gaps,
                        base,
                        sim,
                        "TRANSFORMATION",
                        more * s.costTransformation(),
                        "GAP_TRANSFORMATION",
                        more,
                        years,
                        tFrom,
                        sim.bands().transformation());
            }
        }
        int bonus = in.standardsBonus() == null ? 0 : in.standardsBonus();
        if (bonus < 2) {
            HnteResult sim = score(in.withStandardsBonus(2), s);
            add(gaps, base, sim, "STANDARDS", s.costStandard(), "GAP_STANDARDS", 2 - bonus);
        }
        gaps.sort(Comparator.comparingInt(Gap::cost)
                .thenComparing(g -> -g.points().max())
                .thenComparing(g -> -g.points().min()));
        return gaps;
    }

    private static void add(
            List<Gap> gaps, HnteResult base, HnteResult sim, String id, int cost, String code, Object... args) {
        PointRange delta = sim.total().minus(base.total());
        if (delta.max() <= 0) {
            return;
        }
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = range(delta);
        gaps.add(new Gap(id, false, delta, cost, Explanation.of(code, all)));
    }

    // ---------------------------------------------------------------- formatting

    static String range(PointRange r) {
        return r.min() == r.max() ? String.valueOf(r.min()) : r.min() + "–" + r.max();
    }

    private static String met(boolean met) {
        return met ? "@cultivation.label.met" : "@cultivation.label.unmet";
    }

    private static String fmt(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
