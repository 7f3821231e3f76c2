package org.gongtong.cultivation;

import java.math.BigDecimal;

/**
 * The figures of a tech-SME self-evaluation (国科发政〔2017〕115号). Money in yuan; employees and
 * sci-tech staff as annual averages (may be fractional).
 */
public record TechSmeInput(
        BigDecimal employees,
        BigDecimal techStaff,
        BigDecimal salesRevenue,
        BigDecimal totalAssets,
        BigDecimal totalCostAndExpense,
        BigDecimal rndExpense,
        Integer ipClassI,
        Integer ipClassII,
        Boolean prohibitedProducts,
        Boolean seriousViolation,
        Boolean validHnteCertificate,
        Boolean nationalAwardTop3Within5y,
        Boolean provincialRndInstitution,
        Boolean ledStandardWithin5y) {}
