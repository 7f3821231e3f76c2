package org.gongtong.registry;

import java.math.BigDecimal;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.insight.Paths;
import org.gongtong.platform.PageRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's dashboard figures: organisations in total and per element (kind), for the city
 * or one county. Value and drill-down are the same {@link OrganisationCriteria} through the same
 * search the list API runs, so they cannot disagree.
 */
@Configuration(proxyBeanMethods = false)
class RegistryIndicators {

    /** Organisations matching the criteria of a kind (null: every kind) in the scope. */
    record OrganisationCount(Registry registry, OrganisationKind kind) implements Indicator {

        @Override
        public String id() {
            return kind == null ? "registry.organisations" : "registry.organisations." + kind.name();
        }

        @Override
        public Family family() {
            return Family.PLAN;
        }

        @Override
        public Measure measure() {
            return Measure.COUNT;
        }

        @Override
        public Unit unit() {
            return Unit.ORGANISATIONS;
        }

        OrganisationCriteria criteria(IndicatorScope scope) {
            return new OrganisationCriteria(null, kind, scope.county(), null, null);
        }

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return BigDecimal.valueOf(
                    registry.search(criteria(scope), PageRequest.of(0, 1)).totalElements());
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return path("/api/v1/organisations", scope);
        }

        @Override
        public String page(IndicatorScope scope) {
            return path("/organisations", scope);
        }

        private String path(String base, IndicatorScope scope) {
            OrganisationCriteria c = criteria(scope);
            return Paths.of(base, "kind", c.kind() == null ? null : c.kind().name(), "county", c.county());
        }
    }

    @Bean
    Indicator registryOrganisations(Registry r) {
        return new OrganisationCount(r, null);
    }

    @Bean
    Indicator registryGovernment(Registry r) {
        return new OrganisationCount(r, OrganisationKind.GOVERNMENT);
    }

    @Bean
    Indicator registryEnterprises(Registry r) {
        return new OrganisationCount(r, OrganisationKind.ENTERPRISE);
    }

    @Bean
    Indicator registryUniversities(Registry r) {
        return new OrganisationCount(r, OrganisationKind.UNIVERSITY);
    }

    @Bean
    Indicator registryResearch(Registry r) {
        return new OrganisationCount(r, OrganisationKind.RESEARCH);
    }

    @Bean
    Indicator registryFinance(Registry r) {
        return new OrganisationCount(r, OrganisationKind.FINANCE);
    }

    @Bean
    Indicator registryServices(Registry r) {
        return new OrganisationCount(r, OrganisationKind.SERVICE);
    }

    @Bean
    Indicator registryUsers(Registry r) {
        return new OrganisationCount(r, OrganisationKind.USER);
    }
}
