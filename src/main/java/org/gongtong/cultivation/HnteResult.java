package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A high-tech-enterprise readiness result: the hard conditions with value against threshold, the
 * bands of the official tables (letters A…F), the attainable points per indicator and in total,
 * the verdict and the gaps (cheapest first) that would lift it.
 */
public record HnteResult(
        List<Condition> conditions,
        Growth growth,
        Bands bands,
        Points points,
        PointRange total,
        Verdict verdict,
        List<Gap> gaps,
        List<Explanation> explanations,
        String ruleVersion) {

    public enum Verdict {
        MEETS,
        POSSIBLE,
        NOT_YET
    }

    /** A hard condition. value/threshold: a number (ratios as decimals), a day count or a yes/no. */
    public record Condition(String id, boolean met, Object value, Object threshold, Explanation explanation) {}

    /** Growth rates as decimals (0.35 = 35%), null when the rule gives no rate; bands A…F. */
    public record Growth(BigDecimal netAssetRate, String netAssetBand, BigDecimal salesRate, String salesBand) {}

    public record Bands(String ipCount, String transformation) {}

    public record Points(PointRange ip, PointRange transformation, PointRange management, PointRange growth) {}

    /**
     * A change that would lift the result. {@code required}: a hard condition that must be met
     * whatever the score; {@code points}: what it adds to the total (min and max of the range).
     */
    public record Gap(String id, boolean required, PointRange points, int cost, Explanation explanation) {}
}
