package org.gongtong.network;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gongtong.identity.Actor;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The network's figures on the dashboards (families PLAN and RESEARCH) and its organisation-to-
 * organisation relations. Each value comes from the same criteria as the list its drill-down names.
 */
@Configuration(proxyBeanMethods = false)
class NetworkIndicators {

    /** An indicator whose value and drill-down are both built from one list filter. */
    record Figure(
            String id,
            Family family,
            Measure measure,
            Unit unit,
            Function<String, BigDecimal> valueFor,
            String api,
            String pagePath)
            implements Indicator {

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return valueFor.apply(scope.county());
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return withCounty(api, scope);
        }

        @Override
        public String page(IndicatorScope scope) {
            return withCounty(pagePath, scope);
        }

        private static String withCounty(String path, IndicatorScope scope) {
            if (scope.isCity()) {
                return path;
            }
            return path + (path.contains("?") ? "&" : "?") + "county=" + scope.county();
        }
    }

    private static Figure communities(String what, CommunityService s, CommunityService.Filter f, String query) {
        return new Figure(
                "network.communities." + what,
                Indicator.Family.PLAN,
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                county -> BigDecimal.valueOf(s.count(f, county)),
                "/api/v1/communities?" + query,
                "/communities?" + query);
    }

    @Bean
    Indicator communitiesPreparing(CommunityService s) {
        return communities(
                "preparing", s, new CommunityService.Filter(null, "PREPARING", null, null, null), "status=PREPARING");
    }

    @Bean
    Indicator communitiesRegistered(CommunityService s) {
        return communities(
                "registered",
                s,
                new CommunityService.Filter(null, "REGISTERED", null, null, null),
                "status=REGISTERED");
    }

    @Bean
    Indicator communitiesOverdue(CommunityService s) {
        return communities("overdue", s, new CommunityService.Filter(null, null, null, null, true), "overdue=true");
    }

    private static Figure institutions(String what, InstitutionService s, String status) {
        String query = status == null ? "" : "status=" + status;
        return new Figure(
                "network.institutions." + what,
                Indicator.Family.RESEARCH,
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                county -> BigDecimal.valueOf(
                        s.count(new InstitutionService.Filter(null, null, null, status, county, null), Actor.SYSTEM)),
                "/api/v1/institutions" + (query.isEmpty() ? "" : "?" + query),
                "/institutions" + (query.isEmpty() ? "" : "?" + query));
    }

    @Bean
    Indicator institutionsAll(InstitutionService s) {
        return institutions("all", s, null);
    }

    @Bean
    Indicator institutionsOperating(InstitutionService s) {
        return institutions("operating", s, "OPERATING");
    }

    @Bean
    Indicator institutionsBuilding(InstitutionService s) {
        return institutions("building", s, "BUILDING");
    }

    @Bean
    Indicator institutionsWarned(InstitutionService s) {
        return institutions("warned", s, "WARNED");
    }

    private static Figure figure(String measure, InstitutionService s) {
        return new Figure(
                "network.institutions." + measure,
                Indicator.Family.RESEARCH,
                Indicator.Measure.SUM,
                Indicator.Unit.YUAN,
                county -> s.sumFigure(measure, null, county),
                "/api/v1/institutions/figures?measure=" + measure,
                "/institutions");
    }

    @Bean
    Indicator institutionsRndSpend(InstitutionService s) {
        return figure("rndSpend", s);
    }

    @Bean
    Indicator institutionsContractRevenue(InstitutionService s) {
        return figure("contractRevenue", s);
    }

    /** Community memberships (lead ↔ member) and institution partnerships (institution ↔ partner). */
    @Bean
    CollaborationEdges networkEdges(Communities communities, Institutions institutions) {
        return (from, to) -> {
            List<CollaborationEdges.Edge> edges = new ArrayList<>();
            for (Object[] m : communities.memberships()) {
                LocalDate on = (LocalDate) m[2];
                if ((from == null || !on.isBefore(from)) && (to == null || !on.isAfter(to))) {
                    edges.add(new CollaborationEdges.Edge((Long) m[0], (Long) m[1], "MEMBERSHIP", null, on));
                }
            }
            if (from == null && to == null) {
                for (long[] p : institutions.partnerships()) {
                    edges.add(new CollaborationEdges.Edge(p[0], p[1], "PARTNERSHIP", null, null));
                }
            }
            return edges;
        };
    }
}
