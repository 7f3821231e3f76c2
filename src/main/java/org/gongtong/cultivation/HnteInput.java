package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a high-tech-enterprise readiness check (国科发火〔2016〕32号 and its 工作指引).
 * Yearly lists hold [y1, y2, y3], y3 the latest fiscal year, null for years not operated. Money in
 * yuan; R&D as counted by the guideline (commissioned R&D at 80%, "other" costs capped at 20%).
 *
 * <p>The last three fields are optional expert judgements; left empty, their whole range is used.
 */
public record HnteInput(
        LocalDate registrationDate,
        LocalDate applicationDate,
        Boolean ownsCoreIp,
        Boolean inKeyField,
        BigDecimal employees,
        BigDecimal techStaff,
        List<BigDecimal> sales,
        List<BigDecimal> netAssets,
        List<BigDecimal> rndTotal,
        List<BigDecimal> rndDomestic,
        BigDecimal totalIncomeLastYear,
        BigDecimal hitechRevenueLastYear,
        Boolean majorIncident,
        Integer ipClassI,
        Integer ipClassII,
        Boolean ownRndIp,
        Integer standardsBonus,
        Integer transformations3y,
        Integer yearsOperating,
        String advancementBand,
        String coreSupportBand,
        Integer management) {

    HnteInput withIp(int classI, int classII, boolean ownRnd) {
        return new HnteInput(
                registrationDate,
                applicationDate,
                ownsCoreIp,
                inKeyField,
                employees,
                techStaff,
                sales,
                netAssets,
                rndTotal,
                rndDomestic,
                totalIncomeLastYear,
                hitechRevenueLastYear,
                majorIncident,
                classI,
                classII,
                ownRnd,
                standardsBonus,
                transformations3y,
                yearsOperating,
                advancementBand,
                coreSupportBand,
                management);
    }

    HnteInput withTransformations(int count) {
        return new HnteInput(
                registrationDate,
                applicationDate,
                ownsCoreIp,
                inKeyField,
                employees,
                techStaff,
                sales,
                netAssets,
                rndTotal,
                rndDomestic,
                totalIncomeLastYear,
                hitechRevenueLastYear,
                majorIncident,
                ipClassI,
                ipClassII,
                ownRndIp,
                standardsBonus,
                count,
                yearsOperating,
                advancementBand,
                coreSupportBand,
                management);
    }

    HnteInput withStandardsBonus(int bonus) {
        return new HnteInput(
                registrationDate,
                applicationDate,
                ownsCoreIp,
                inKeyField,
                employees,
                techStaff,
                sales,
                netAssets,
                rndTotal,
                rndDomestic,
                totalIncomeLastYear,
                hitechRevenueLastYear,
                majorIncident,
                ipClassI,
                ipClassII,
                ownRndIp,
                bonus,
                transformations3y,
                yearsOperating,
                advancementBand,
                coreSupportBand,
                management);
    }
}
