package org.gongtong.cultivation;

import static org.gongtong.cultivation.Ratios.atLeast;
import static org.gongtong.cultivation.Ratios.pct;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Technology-based SME evaluation (科技型中小企业评价, 国科发政〔2017〕115号), RULES.md §2. Pure: no
 * Spring, no database; every ratio compared exactly in BigDecimal by cross-multiplication.
 */
public final class TechSmeRules {

    public static final BigDecimal MAX_EMPLOYEES = new BigDecimal("500");
    public static final BigDecimal MAX_SALES = new BigDecimal("200000000");
    public static final BigDecimal MAX_ASSETS = new BigDecimal("200000000");
    public static final int PASS_SCORE = 60;

    private static final BigDecimal[] STAFF = {pct("30"), pct("25"), pct("20"), pct("15"), pct("10")};
    private static final int[] STAFF_POINTS = {20, 16, 12, 8, 4};
    private static final BigDecimal[] RND_SALES = {pct("6"), pct("5"), pct("4"), pct("3"), pct("2")};
    private static final BigDecimal[] RND_COST = {pct("30"), pct("25"), pct("20"), pct("15"), pct("10")};
    private static final int[] RND_POINTS = {50, 40, 30, 20, 10};

    private TechSmeRules() {}

    /** Rejected fields, empty when the input can be evaluated. */
    public static List<InputError> check(TechSmeInput in) {
        List<InputError> errors = new ArrayList<>();
        if (in == null) {
            errors.add(new InputError("employees", "cultivation.input.required"));
            return errors;
        }
        positive(errors, "employees", in.employees());
        nonNegative(errors, "techStaff", in.techStaff());
        nonNegative(errors, "salesRevenue", in.salesRevenue());
        nonNegative(errors, "totalAssets", in.totalAssets());
        nonNegative(errors, "totalCostAndExpense", in.totalCostAndExpense());
        nonNegative(errors, "rndExpense", in.rndExpense());
        count(errors, "ipClassI", in.ipClassI());
        count(errors, "ipClassII", in.ipClassII());
        if (in.employees() != null && in.techStaff() != null && in.techStaff().compareTo(in.employees()) > 0) {
            errors.add(new InputError("techStaff", "cultivation.input.techStaffAboveEmployees"));
        }
        return errors;
    }

    /** Evaluates a checked input (see {@link #check}). */
    public static TechSmeResult evaluate(TechSmeInput in, RuleSettings settings) {
        List<Explanation> reasons = new ArrayList<>();

        // eligibility: every one must hold, whatever the score or a direct route says
        boolean eligibleSize = true;
        if (in.employees().compareTo(MAX_EMPLOYEES) > 0) {
            eligibleSize = false;
            reasons.add(Explanation.of("TSME_EMPLOYEES_OVER", plain(in.employees()), "500"));
        }
        if (in.salesRevenue().compareTo(MAX_SALES) > 0) {
            eligibleSize = false;
            reasons.add(Explanation.of("TSME_SALES_OVER", Ratios.yuan(in.salesRevenue()), "200000000"));
        }
        if (in.totalAssets().compareTo(MAX_ASSETS) > 0) {
            eligibleSize = false;
            reasons.add(Explanation.of("TSME_ASSETS_OVER", Ratios.yuan(in.totalAssets()), "200000000"));
        }
        if (isTrue(in.prohibitedProducts())) {
            eligibleSize = false;
            reasons.add(Explanation.of("TSME_PROHIBITED"));
        }
        if (isTrue(in.seriousViolation())) {
            eligibleSize = false;
            reasons.add(Explanation.of("TSME_VIOLATION"));
        }

        // the score is always computed, so a firm sees how far it is even when a veto applies
        BigDecimal staffRatio = Ratios.ratio(in.techStaff(), in.employees());
        int staffPoints = 0;
        int staffBand = -1;
        for (int i = 0; i < STAFF.length; i++) {
            if (atLeast(in.techStaff(), in.employees(), STAFF[i])) {
                staffPoints = STAFF_POINTS[i];
                staffBand = i;
                break;
            }
        }
        reasons.add(
                staffBand >= 0
                        ? Explanation.of(
                                "TSME_STAFF_PART",
                                Ratios.percent(staffRatio),
                                Ratios.percentThreshold(STAFF[staffBand]),
                                staffPoints)
                        : Explanation.of("TSME_STAFF_PART_ZERO", Ratios.percent(staffRatio), "10%"));

        BigDecimal salesRatio = Ratios.ratio(in.rndExpense(), in.salesRevenue());
        BigDecimal costRatio = Ratios.ratio(in.rndExpense(), in.totalCostAndExpense());
        int bySales = tier(in.rndExpense(), in.salesRevenue(), RND_SALES);
        int byCost = tier(in.rndExpense(), in.totalCostAndExpense(), RND_COST);
        int rndPoints = Math.max(points(bySales), points(byCost));
        reasons.add(Explanation.of(
                "TSME_RND_PART",
                Ratios.percent(salesRatio),
                Ratios.percent(costRatio),
                points(bySales),
                points(byCost),
                rndPoints));

        int ipPoints;
        int classI = in.ipClassI();
        int classII = in.ipClassII();
        if (classI >= 1) {
            ipPoints = 30;
        } else if (classII >= 4) {
            ipPoints = 24;
        } else {
            ipPoints = 6 * classII;
        }
        reasons.add(Explanation.of("TSME_IP_PART", classI, classII, ipPoints));

        int score = staffPoints + rndPoints + ipPoints;
        boolean scorePasses = score >= PASS_SCORE && staffPoints > 0;
        if (score >= PASS_SCORE && staffPoints == 0) {
            reasons.add(Explanation.of("TSME_STAFF_VETO", score));
        } else if (score >= PASS_SCORE) {
            reasons.add(Explanation.of("TSME_SCORE_PASS", score, PASS_SCORE));
        } else {
            reasons.add(Explanation.of("TSME_SCORE_BELOW", score, PASS_SCORE));
        }

        List<String> direct = new ArrayList<>();
        if (isTrue(in.validHnteCertificate())) {
            direct.add("TSME_DIRECT_HNTE");
        }
        if (isTrue(in.nationalAwardTop3Within5y())) {
            direct.add("TSME_DIRECT_AWARD");
        }
        if (isTrue(in.provincialRndInstitution())) {
            direct.add("TSME_DIRECT_INSTITUTION");
        }
        if (isTrue(in.ledStandardWithin5y())) {
            direct.add("TSME_DIRECT_STANDARD");
        }
        direct.forEach(code -> reasons.add(Explanation.of(code)));

        String qualifiedBy = null;
        if (eligibleSize) {
            // a direct route needs no scoring evidence, so it is named first when both hold
            if (!direct.isEmpty()) {
                qualifiedBy = "DIRECT";
            } else if (scorePasses) {
                qualifiedBy = "SCORE";
            }
        } else if (!direct.isEmpty() || scorePasses) {
            reasons.add(Explanation.of("TSME_VETO_OVERRIDES"));
        }
        boolean eligible = qualifiedBy != null;
        reasons.add(Explanation.of(eligible ? "TSME_ELIGIBLE_" + qualifiedBy : "TSME_NOT_ELIGIBLE"));
        return new TechSmeResult(
                eligible,
                qualifiedBy,
                score,
                new TechSmeResult.Parts(staffPoints, rndPoints, ipPoints),
                new TechSmeResult.Measured(staffRatio, salesRatio, costRatio),
                List.copyOf(reasons),
                settings.techSmeVersion());
    }

    /** Index of the highest tier reached, -1 if none (or the denominator is 0). */
    private static int tier(BigDecimal num, BigDecimal den, BigDecimal[] tiers) {
        if (den.signum() == 0) {
            return -1;
        }
        for (int i = 0; i < tiers.length; i++) {
            if (atLeast(num, den, tiers[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int points(int tier) {
        return tier < 0 ? 0 : RND_POINTS[tier];
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    static void positive(List<InputError> errors, String field, BigDecimal v) {
        if (v == null) {
            errors.add(new InputError(field, "cultivation.input.required"));
        } else if (v.signum() <= 0) {
            errors.add(new InputError(field, "cultivation.input.positive"));
        }
    }

    static void nonNegative(List<InputError> errors, String field, BigDecimal v) {
        if (v == null) {
            errors.add(new InputError(field, "cultivation.input.required"));
        } else if (v.signum() < 0) {
            errors.add(new InputError(field, "cultivation.input.nonNegative"));
        }
    }

    static void count(List<InputError> errors, String field, Integer v) {
        if (v == null) {
            errors.add(new InputError(field, "cultivation.input.required"));
        } else if (v < 0) {
            errors.add(new InputError(field, "cultivation.input.nonNegative"));
        }
    }
}
