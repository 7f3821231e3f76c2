package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of a tech-SME evaluation. {@code score} and {@code parts} are always computed, even
 * when an eligibility condition fails; {@code reasons} name every condition that failed or decided.
 */
public record TechSmeResult(
        boolean eligible,
        String qualifiedBy,
        int score,
        Parts parts,
        Measured ratios,
        List<Explanation> reasons,
        String ruleVersion) {

    public record Parts(int techStaff, int rnd, int ip) {}

    /** The ratios the parts were scored on, as decimals rounded to 4 places (null when undefined). */
    public record Measured(BigDecimal techStaff, BigDecimal rndToSales, BigDecimal rndToCost) {}
}
