package org.gongtong.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.grants.GrantRecords.ApplicationStatus;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grants module's dashboard figures (family MONEY) and its collaboration edges. Each figure's
 * value comes from the same criteria as the list its drill-down names: fund money from
 * {@link SpecialFund#allocations} and {@link SpecialFund#yearRows}, applications from
 * {@link Grants#applications}.
 */
@Configuration(proxyBeanMethods = false)
class GrantIndicators {

    /** A SUM over allocations or fund years, or a COUNT of applications in one status. */
    record GrantIndicator(
            String id,
            Measure measure,
            Unit unit,
            java.util.function.Function<IndicatorScope, BigDecimal> value,
            java.util.function.Function<IndicatorScope, String> drillDown,
            java.util.function.Function<IndicatorScope, String> page)
            implements Indicator {

        @Override
        public Family family() {
            return Family.MONEY;
        }

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return value.apply(scope);
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return drillDown.apply(scope);
        }

        @Override
        public String page(IndicatorScope scope) {
            return page.apply(scope);
        }
    }

    private static String county(IndicatorScope s, String sep) {
        return s.isCity() ? "" : sep + "county=" + s.county();
    }

    private static Indicator allocationSum(SpecialFund fund, String what) {
        return new GrantIndicator(
                "grants.fund." + what,
                Indicator.Measure.SUM,
                Indicator.Unit.YUAN,
                s -> fund.sum(new SpecialFund.AllocationCriteria(null, null, null, s.county(), what)),
                s -> "/api/v1/special-fund/allocations?measure=" + what + county(s, "&"),
                s -> "/grants/fund/rows?measure=" + what + county(s, "&"));
    }

    private static Indicator yearSum(SpecialFund fund, String what) {
        return new GrantIndicator(
                "grants.fund." + what,
                Indicator.Measure.SUM,
                Indicator.Unit.YUAN,
                s -> fund.yearRows(null, s.county(), what, org.gongtong.platform.PageRequest.of(0, 1))
                        .sum(),
                s -> "/api/v1/special-fund/years?measure=" + what + county(s, "&"),
                s -> "/grants" + county(s, "?"));
    }

    @Bean
    Indicator grantsFundBudget(SpecialFund fund) {
        return yearSum(fund, "budget");
    }

    @Bean
    Indicator grantsFundAvailable(SpecialFund fund) {
        return yearSum(fund, "available");
    }

    @Bean
    Indicator grantsFundCommitted(SpecialFund fund) {
        return allocationSum(fund, "committed");
    }

    @Bean
    Indicator grantsFundPaid(SpecialFund fund) {
        return allocationSum(fund, "paid");
    }

    private static Indicator applications(Grants grants, ApplicationStatus status, String what) {
        return new GrantIndicator(
                "grants.applications." + what,
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                s -> BigDecimal.valueOf(grants.count(new Grants.ApplicationCriteria(null, status, s.county(), null))),
                s -> "/api/v1/grant-applications?status=" + status.name() + county(s, "&"),
                s -> "/grants/applications?status=" + status.name() + county(s, "&"));
    }

    @Bean
    Indicator grantsApplicationsSubmitted(Grants grants) {
        return applications(grants, ApplicationStatus.SUBMITTED, "submitted");
    }

    @Bean
    Indicator grantsApplicationsInReview(Grants grants) {
        return applications(grants, ApplicationStatus.IN_REVIEW, "inReview");
    }

    @Bean
    Indicator grantsApplicationsApproved(Grants grants) {
        return applications(grants, ApplicationStatus.APPROVED, "approved");
    }

    /** Grants as edges: the fund's owner organisation → the grantee, with the approved amount. */
    @Bean
    CollaborationEdges grantEdges(JdbcClient jdbc) {
        return (from, to) -> {
            StringBuilder sql = new StringBuilder("""
                    SELECT f.owner_org_id, w.grantee_org_id, w.amount, w.decided_on FROM grant_award w
                    JOIN grant_programme p ON p.id = w.programme_id JOIN special_fund f ON f.id = p.fund_id
                    WHERE f.owner_org_id IS NOT NULL""");
            if (from != null) {
                sql.append(" AND w.decided_on >= :from");
            }
            if (to != null) {
                sql.append(" AND w.decided_on <= :to");
            }
            var q = jdbc.sql(sql.toString());
            if (from != null) {
                q = q.param("from", from);
            }
            if (to != null) {
                q = q.param("to", to);
            }
            List<CollaborationEdges.Edge> edges = q.query((rs, n) -> new CollaborationEdges.Edge(
                            rs.getLong(1),
                            rs.getLong(2),
                            "GRANT",
                            rs.getBigDecimal(3),
                            rs.getObject(4, LocalDate.class)))
                    .list();
            return edges;
        };
    }
}
