package org.gongtong.market;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.identity.Actor;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MARKET family of dashboard figures. Each value is the total (or sum) of the very list its
 * drill-down path returns, computed by the same service call with the same filters.
 */
@Configuration(proxyBeanMethods = false)
class MarketIndicators {

    /** Grant indicator (ADR 0070): the contract amounts the grantee sold in the period. */
    @Bean
    PerformanceMeasure contractRevenueMeasure(TechContracts contracts, Messages messages) {
        return PerformanceMeasure.of(IndicatorKind.CONTRACT_REVENUE, (organisation, from, to) -> {
            TechContracts.Sold sold = contracts.soldBy(organisation, from, to, false);
            return Optional.of(new PerformanceMeasure.Reading(
                    sold.amount(),
                    messages.get("market.measure.contractRevenue", from, to.minusDays(1), sold.contracts())));
        });
    }

    /** Grant indicator (ADR 0070): the transfer and licence contracts the grantee sold in the period. */
    @Bean
    PerformanceMeasure resultsTransferredMeasure(TechContracts contracts, Messages messages) {
        return PerformanceMeasure.of(IndicatorKind.RESULTS_TRANSFERRED, (organisation, from, to) -> {
            TechContracts.Sold sold = contracts.soldBy(organisation, from, to, true);
            return Optional.of(new PerformanceMeasure.Reading(
                    BigDecimal.valueOf(sold.contracts()),
                    messages.get("market.measure.resultsTransferred", from, to.minusDays(1), sold.contracts())));
        });
    }

    /** No rows, only the list's total (its COUNT or SUM with the same WHERE). */
    private static final PageRequest ONE = new PageRequest(0, 0);

    record MarketIndicator(
            String id,
            Measure measure,
            Unit unit,
            Function<String, BigDecimal> value,
            Function<String, String> drill,
            Function<String, String> page)
            implements Indicator {

        @Override
        public Family family() {
            return Family.MARKET;
        }

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return value.apply(scope.county());
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return drill.apply(scope.county());
        }

        @Override
        public String page(IndicatorScope scope) {
            return page.apply(scope.county());
        }
    }

    private static String q(String base, String county) {
        if (county == null) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + "county=" + county;
    }

    @Bean
    Indicator marketNeeds(Market market) {
        return new MarketIndicator(
                "market.needs",
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                c -> BigDecimal.valueOf(
                        market.needs(new NeedCriteria(null, null, c, null, null, null, true), Actor.SYSTEM, ONE)
                                .totalElements()),
                c -> q("/api/v1/needs?shared=true", c),
                c -> q("/market/needs?shared=true", c));
    }

    @Bean
    Indicator marketResults(Market market) {
        return new MarketIndicator(
                "market.results",
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                c -> BigDecimal.valueOf(
                        market.results(new ResultCriteria(null, null, c, null, null, null), Actor.SYSTEM, ONE)
                                .totalElements()),
                c -> q("/api/v1/results", c),
                c -> q("/market/results", c));
    }

    @Bean
    Indicator marketMatches(Brokerages brokerages) {
        return new MarketIndicator(
                "market.matches",
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                c -> BigDecimal.valueOf(
                        brokerages.page(c, false, Actor.SYSTEM, ONE).totalElements()),
                c -> q("/api/v1/brokerages", c),
                c -> q("/market/brokerages", c));
    }

    @Bean
    Indicator marketIntroductions(Brokerages brokerages) {
        return new MarketIndicator(
                "market.introductions",
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                c -> BigDecimal.valueOf(
                        brokerages.page(c, true, Actor.SYSTEM, ONE).totalElements()),
                c -> q("/api/v1/brokerages?introduced=true", c),
                c -> q("/market/brokerages?introduced=true", c));
    }

    @Bean
    Indicator marketContracts(TechContracts contracts) {
        return new MarketIndicator(
                "market.contracts",
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                c -> BigDecimal.valueOf(contracts
                        .page(new TechContracts.ContractCriteria(c, null), Actor.SYSTEM, ONE)
                        .totalElements()),
                c -> q("/api/v1/contracts", c),
                c -> q("/market/contracts", c));
    }

    @Bean
    Indicator marketTransactionAmount(TechContracts contracts) {
        return new MarketIndicator(
                "market.transactionAmount",
                Indicator.Measure.SUM,
                Indicator.Unit.YUAN,
                c -> contracts
                        .page(new TechContracts.ContractCriteria(c, "CERTIFIED"), Actor.SYSTEM, ONE)
                        .sum(),
                c -> q("/api/v1/contracts?status=CERTIFIED", c),
                c -> q("/market/contracts?status=CERTIFIED", c));
    }
}
