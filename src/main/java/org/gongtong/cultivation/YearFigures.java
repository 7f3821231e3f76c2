package org.gongtong.cultivation;

import java.math.BigDecimal;

/**
 * One fiscal year of an enterprise's figures: staff as annual averages, money in yuan, IP held at
 * the year's end, results transformed during the year, and the yes/no facts the rules ask for
 * (null counts as no).
 */
public record YearFigures(
        Integer fiscalYear,
        BigDecimal employees,
        BigDecimal techStaff,
        BigDecimal salesRevenue,
        BigDecimal totalAssets,
        BigDecimal netAssets,
        BigDecimal totalCostAndExpense,
        BigDecimal rndTotal,
        BigDecimal rndDomestic,
        BigDecimal totalIncome,
        BigDecimal hitechRevenue,
        Integer ipClassI,
        Integer ipClassII,
        Integer transformations,
        Boolean ownsCoreIp,
        Boolean inKeyField,
        Boolean ownRndIp,
        Boolean majorIncident,
        Boolean prohibitedProducts,
        Boolean seriousViolation,
        Integer version) {}
