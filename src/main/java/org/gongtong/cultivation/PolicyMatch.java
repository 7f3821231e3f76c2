package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A policy checked against one enterprise's facts: every condition met (qualifies), exactly one
 * unmet (nearly, naming it and the firm's actual value), or further away.
 */
public record PolicyMatch(Policy policy, List<Unmet> unmet) {

    /** An unmet condition with the enterprise's value (null: not recorded). */
    public record Unmet(PolicyCondition condition, String actual) {}

    public boolean qualifies() {
        return unmet.isEmpty();
    }

    public boolean nearly() {
        return unmet.size() == 1;
    }

    /** The facts a policy can ask about: organisation facts and the latest recorded year. */
    public static Map<String, Object> facts(
            String kind, String county, String industry, Stage stage, YearFigures latest) {
        Map<String, Object> f = new java.util.HashMap<>();
        f.put("kind", kind);
        f.put("county", county);
        f.put("industry", industry);
        f.put("stage", stage == null ? null : stage.name());
        if (latest != null) {
            f.put("employees", latest.employees());
            f.put("techStaff", latest.techStaff());
            f.put("salesRevenue", latest.salesRevenue());
            f.put("totalAssets", latest.totalAssets());
            f.put("netAssets", latest.netAssets());
            f.put("rndTotal", latest.rndTotal());
            f.put("rndDomestic", latest.rndDomestic());
            f.put("totalIncome", latest.totalIncome());
            f.put("hitechRevenue", latest.hitechRevenue());
            f.put("ipClassI", number(latest.ipClassI()));
            f.put("ipClassII", number(latest.ipClassII()));
            f.put("transformations", number(latest.transformations()));
            f.put("rndToSales", ratio(latest.rndTotal(), latest.salesRevenue()));
            f.put("techStaffRatio", ratio(latest.techStaff(), latest.employees()));
        }
        return f;
    }

    public static PolicyMatch check(Policy p, Map<String, Object> facts) {
        List<Unmet> unmet = new ArrayList<>();
        for (PolicyCondition c : p.conditions()) {
            Object fact = facts.get(c.field());
            if (!c.test(fact)) {
                unmet.add(new Unmet(
                        c,
                        fact == null
                                ? null
                                : fact instanceof BigDecimal b
                                        ? b.stripTrailingZeros().toPlainString()
                                        : fact.toString()));
            }
        }
        return new PolicyMatch(p, List.copyOf(unmet));
    }

    private static BigDecimal number(Integer v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, 6, RoundingMode.HALF_UP);
    }
}
