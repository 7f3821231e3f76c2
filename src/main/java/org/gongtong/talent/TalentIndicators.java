package org.gongtong.talent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TALENT indicators (appointments per programme), the appointment edges of the collaboration graph and
 * the grant indicator appointments answer (ADR 0070).
 */
@Configuration(proxyBeanMethods = false)
class TalentIndicators {

    /** Talents: the people appointed to the grantee in the period, each once. */
    @Bean
    PerformanceMeasure talentsMeasure(Appointments appointments, Messages messages) {
        return PerformanceMeasure.of(IndicatorKind.TALENTS, (organisation, from, to) -> {
            long people = appointments.peopleAppointedTo(organisation, from, to);
            return Optional.of(new PerformanceMeasure.Reading(
                    BigDecimal.valueOf(people), messages.get("talent.measure.talents", from, to.minusDays(1), people)));
        });
    }

    @Bean
    Indicator talentAppointments(TalentService talent) {
        return new AppointmentCount(talent, null);
    }

    @Bean
    Indicator talentIndustryProfessors(TalentService talent) {
        return new AppointmentCount(talent, Programme.INDUSTRY_PROFESSOR);
    }

    @Bean
    Indicator talentDualMentors(TalentService talent) {
        return new AppointmentCount(talent, Programme.DUAL_MENTOR);
    }

    @Bean
    Indicator talentCommissioners(TalentService talent) {
        return new AppointmentCount(talent, Programme.COMMISSIONER);
    }

    @Bean
    Indicator talentTechVicePresidents(TalentService talent) {
        return new AppointmentCount(talent, Programme.TECH_VICE_PRESIDENT);
    }

    @Bean
    CollaborationEdges talentEdges(TalentService talent) {
        return (from, to) -> talent.pairs(from, to).stream()
                .map(p -> new CollaborationEdges.Edge(
                        (Long) p[0], (Long) p[1], "APPOINTMENT", null, (java.time.LocalDate) p[2]))
                .toList();
    }

    /** Appointments (all, or of one programme) whose host organisation is in the scope's county. */
    record AppointmentCount(TalentService talent, Programme programme) implements Indicator {

        @Override
        public String id() {
            return programme == null
                    ? "talent.appointments"
                    : "talent.appointments."
                            + programme
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '-');
        }

        @Override
        public Family family() {
            return Family.TALENT;
        }

        @Override
        public Measure measure() {
            return Measure.COUNT;
        }

        @Override
        public Unit unit() {
            return Unit.ITEMS;
        }

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return BigDecimal.valueOf(talent.count(programme == null ? null : programme.name(), scope.county()));
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return "/api/v1/talent/appointments" + query(scope);
        }

        @Override
        public String page(IndicatorScope scope) {
            return "/talent" + query(scope);
        }

        private String query(IndicatorScope scope) {
            List<String> q = new java.util.ArrayList<>();
            if (programme != null) {
                q.add("programme=" + programme.name());
            }
            if (!scope.isCity()) {
                q.add("county=" + scope.county());
            }
            return q.isEmpty() ? "" : "?" + String.join("&", q);
        }
    }
}
