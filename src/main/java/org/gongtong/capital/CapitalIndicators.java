package org.gongtong.capital;

import java.math.BigDecimal;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.insight.Paths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Capital's dashboard figures (family MONEY), each a sum over one {@link FigureCriteria}: parent
 * fund commitments to sub-funds, capital raised by the sub-funds (the leverage of the parent's
 * money), sub-funds' local re-investment, the pool balance, claims paid and claims waiting.
 */
@Configuration(proxyBeanMethods = false)
class CapitalIndicators {

    record MoneySum(CapitalFigures figures, String what, FigureCriteria criteria) implements Indicator {

        @Override
        public String id() {
            return "capital." + what;
        }

        @Override
        public Family family() {
            return Family.MONEY;
        }

        @Override
        public Measure measure() {
            return Measure.SUM;
        }

        @Override
        public Unit unit() {
            return Unit.YUAN;
        }

        @Override
        public boolean covers(IndicatorScope scope) {
            return scope.isCity() || criteria.source() != FigureCriteria.Source.POOL_LEDGER;
        }

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return figures.sum(criteria.withCounty(scope.county()));
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return path("/api/v1/capital/figures", scope);
        }

        @Override
        public String page(IndicatorScope scope) {
            return path("/capital/figures", scope);
        }

        private String path(String base, IndicatorScope scope) {
            FigureCriteria c = criteria.withCounty(scope.county());
            return Paths.of(
                    base,
                    "source",
                    c.source().name(),
                    "fundKind",
                    c.fundKind() == null ? null : c.fundKind().name(),
                    "investorKind",
                    c.investorKind() == null ? null : c.investorKind().name(),
                    "local",
                    c.local(),
                    "county",
                    c.county());
        }
    }

    @Bean
    Indicator capitalParentCommitments(CapitalFigures f) {
        return new MoneySum(
                f,
                "parentCommitments",
                new FigureCriteria(FigureCriteria.Source.COMMITMENTS, FundKind.SUB, FundKind.PARENT, null, null));
    }

    @Bean
    Indicator capitalSubFundCapital(CapitalFigures f) {
        return new MoneySum(
                f,
                "subFundCapital",
                new FigureCriteria(FigureCriteria.Source.COMMITMENTS, FundKind.SUB, null, null, null));
    }

    @Bean
    Indicator capitalLocalReinvestment(CapitalFigures f) {
        return new MoneySum(
                f,
                "localReinvestment",
                new FigureCriteria(FigureCriteria.Source.INVESTMENTS, FundKind.SUB, null, true, null));
    }

    @Bean
    Indicator capitalPoolBalance(CapitalFigures f) {
        return new MoneySum(
                f, "poolBalance", new FigureCriteria(FigureCriteria.Source.POOL_LEDGER, null, null, null, null));
    }

    @Bean
    Indicator capitalClaimsPaid(CapitalFigures f) {
        return new MoneySum(
                f, "claimsPaid", new FigureCriteria(FigureCriteria.Source.CLAIMS_PAID, null, null, null, null));
    }

    @Bean
    Indicator capitalClaimsWaiting(CapitalFigures f) {
        return new MoneySum(
                f, "claimsWaiting", new FigureCriteria(FigureCriteria.Source.CLAIMS_WAITING, null, null, null, null));
    }
}
