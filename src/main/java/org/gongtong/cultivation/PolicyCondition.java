package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One condition of a policy over platform data: an organisation fact (kind, county, industry,
 * stage) compared with {@code eq}, {@code ne} or {@code in} (comma-separated), or a figure of the
 * latest recorded year compared with {@code >=, >, <=, <, =}.
 */
public record PolicyCondition(String field, String op, String value) {

    public static final Set<String> TEXT_FIELDS = Set.of("kind", "county", "industry", "stage");
    public static final Set<String> NUMBER_FIELDS = Set.of(
            "employees",
            "techStaff",
            "salesRevenue",
            "totalAssets",
            "netAssets",
            "rndTotal",
            "rndDomestic",
            "totalIncome",
            "hitechRevenue",
            "ipClassI",
            "ipClassII",
            "transformations",
            "rndToSales",
            "techStaffRatio");
    public static final Set<String> TEXT_OPS = Set.of("eq", "ne", "in");
    public static final Set<String> NUMBER_OPS = Set.of(">=", ">", "<=", "<", "=");

    /** Null when well-formed, else the message key of what is wrong. */
    public String problem() {
        if (field == null || op == null || value == null || value.isBlank()) {
            return "cultivation.input.required";
        }
        if (TEXT_FIELDS.contains(field)) {
            return TEXT_OPS.contains(op) ? null : "cultivation.policy.badOperator";
        }
        if (NUMBER_FIELDS.contains(field)) {
            if (!NUMBER_OPS.contains(op)) {
                return "cultivation.policy.badOperator";
            }
            try {
                new BigDecimal(value.strip());
                return null;
            } catch (NumberFormatException e) {
                return "cultivation.input.wrongType";
            }
        }
        return "cultivation.policy.badField";
    }

    /** Whether the fact satisfies this condition; null fact (not recorded) never does. */
    public boolean test(Object fact) {
        if (fact == null) {
            return false;
        }
        if (TEXT_FIELDS.contains(field)) {
            String f = fact.toString();
            List<String> values =
                    Arrays.stream(value.split(",")).map(String::strip).toList();
            return switch (op) {
                case "eq" -> f.equals(value.strip());
                case "ne" -> !f.equals(value.strip());
                default -> values.contains(f);
            };
        }
        int cmp = ((BigDecimal) fact).compareTo(new BigDecimal(value.strip()));
        return switch (op) {
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case "<" -> cmp < 0;
            default -> cmp == 0;
        };
    }
}
