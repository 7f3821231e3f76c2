package org.gongtong.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * INSTRUMENTS and INCUBATION indicators, each value from the same criteria as its drill-down list,
 * and the service-order edges of the collaboration graph. County = the owner's (instruments,
 * bookings) or the incubatee's county. Also the grant indicator these records answer (ADR 0070).
 */
@Configuration(proxyBeanMethods = false)
class ServicesIndicators {

    /** Incubated firms: graduated and exited firms count for the period they were in. */
    @Bean
    PerformanceMeasure incubatedFirmsMeasure(Incubators incubators, Messages messages) {
        return PerformanceMeasure.of(IndicatorKind.INCUBATED_FIRMS, (organisation, from, to) -> {
            long firms = incubators.firmsIncubatedBy(organisation, from, to);
            return Optional.of(new PerformanceMeasure.Reading(
                    BigDecimal.valueOf(firms),
                    messages.get("services.measure.incubatedFirms", from, to.minusDays(1), firms)));
        });
    }

    @Bean
    Indicator servicesInstruments(InstrumentService s) {
        return new Figure(
                "services.instruments",
                Indicator.Family.INSTRUMENTS,
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                scope -> BigDecimal.valueOf(s.count(scope.county(), null)),
                "/api/v1/instruments",
                "/instruments",
                null);
    }

    @Bean
    Indicator servicesInstrumentsMustShare(InstrumentService s) {
        return new Figure(
                "services.instruments.must-share",
                Indicator.Family.INSTRUMENTS,
                Indicator.Measure.COUNT,
                Indicator.Unit.ITEMS,
                scope -> BigDecimal.valueOf(s.count(scope.county(), true)),
                "/api/v1/instruments",
                "/instruments",
                "mustShare=true");
    }

    @Bean
    Indicator servicesBookedHours(InstrumentService s) {
        return new Figure(
                "services.bookings.booked-hours",
                Indicator.Family.INSTRUMENTS,
                Indicator.Measure.SUM,
                Indicator.Unit.HOURS,
                scope -> s.indicator("BOOKED", scope.county()),
                "/api/v1/bookings",
                "/instruments/utilisation",
                "measure=BOOKED");
    }

    @Bean
    Indicator servicesUsedHours(InstrumentService s) {
        return new Figure(
                "services.bookings.used-hours",
                Indicator.Family.INSTRUMENTS,
                Indicator.Measure.SUM,
                Indicator.Unit.HOURS,
                scope -> s.indicator("USED", scope.county()),
                "/api/v1/bookings",
                "/instruments/utilisation",
                "measure=USED");
    }

    @Bean
    Indicator servicesIncome(InstrumentService s) {
        return new Figure(
                "services.bookings.income",
                Indicator.Family.INSTRUMENTS,
                Indicator.Measure.SUM,
                Indicator.Unit.YUAN,
                scope -> s.indicator("CHARGED", scope.county()),
                "/api/v1/bookings",
                "/instruments/utilisation",
                "measure=CHARGED");
    }

    @Bean
    Indicator servicesIncubatees(IncubatorService s) {
        return new Figure(
                "services.incubatees",
                Indicator.Family.INCUBATION,
                Indicator.Measure.COUNT,
                Indicator.Unit.ORGANISATIONS,
                scope -> BigDecimal.valueOf(s.count("INCUBATING", scope.county())),
                "/api/v1/incubatees",
                "/incubators",
                "status=INCUBATING");
    }

    @Bean
    Indicator servicesIncubateesGraduated(IncubatorService s) {
        return new Figure(
                "services.incubatees.graduated",
                Indicator.Family.INCUBATION,
                Indicator.Measure.COUNT,
                Indicator.Unit.ORGANISATIONS,
                scope -> BigDecimal.valueOf(s.count("GRADUATED", scope.county())),
                "/api/v1/incubatees",
                "/incubators",
                "status=GRADUATED");
    }

    @Bean
    CollaborationEdges servicesOrderEdges(AgencyService agencies) {
        return (from, to) -> agencies
                .pairs(
                        from == null
                                ? null
                                : from.atStartOfDay(InstrumentService.ZONE).toInstant(),
                        to == null
                                ? null
                                : to.plusDays(1)
                                        .atStartOfDay(InstrumentService.ZONE)
                                        .toInstant())
                .stream()
                .map(p -> new CollaborationEdges.Edge(
                        (Long) p[0], (Long) p[1], "CONTRACT", (BigDecimal) p[2], (LocalDate) p[3]))
                .toList();
    }

    record Figure(
            String id,
            Family family,
            Measure measure,
            Unit unit,
            Function<IndicatorScope, BigDecimal> figure,
            String api,
            String pagePath,
            String filter)
            implements Indicator {

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return figure.apply(scope);
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return api + query(scope);
        }

        @Override
        public String page(IndicatorScope scope) {
            return pagePath + query(scope);
        }

        private String query(IndicatorScope scope) {
            List<String> q = new ArrayList<>();
            if (filter != null) {
                q.add(filter);
            }
            if (!scope.isCity()) {
                q.add("county=" + scope.county());
            }
            return q.isEmpty() ? "" : "?" + String.join("&", q);
        }
    }
}
