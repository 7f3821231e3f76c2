package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.insight.Paths;
import org.gongtong.platform.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cultivation's dashboard figures: firms per stage of the 小升高 pipeline, high-tech enterprises
 * (certificate in force) and registered tech SMEs. Each is one {@link PipelineCriteria}, used for
 * the value and for the drill-down list.
 */
@Configuration(proxyBeanMethods = false)
class CultivationIndicators {

    /**
     * Grant indicator (ADR 0070): the R&D expenses of the grantee's figures for the fiscal year that
     * overlaps the period most (a grant year rarely starts on 1 January; figures are filed per year).
     * No figures filed for that year read as nothing, not as zero.
     */
    @Bean
    PerformanceMeasure rndSpendMeasure(Figures figures, Messages messages) {
        return PerformanceMeasure.of(IndicatorKind.RND_SPEND, (organisation, from, to) -> {
            int year = fiscalYearOverlapping(from, to);
            return figures.find(organisation, year)
                    .map(YearFigures::rndTotal)
                    .map(v -> new PerformanceMeasure.Reading(
                            v.setScale(2), messages.get("cultivation.measure.rndSpend", String.valueOf(year))));
        });
    }

    /** The calendar year with the most days in {@code [from, to)}; the later one on a tie. */
    static int fiscalYearOverlapping(LocalDate from, LocalDate to) {
        int best = from.getYear();
        long most = -1;
        for (int y = from.getYear(); y <= to.minusDays(1).getYear(); y++) {
            LocalDate start = from.isAfter(LocalDate.of(y, 1, 1)) ? from : LocalDate.of(y, 1, 1);
            LocalDate end = to.isBefore(LocalDate.of(y + 1, 1, 1)) ? to : LocalDate.of(y + 1, 1, 1);
            long days = ChronoUnit.DAYS.between(start, end);
            if (days >= most) {
                most = days;
                best = y;
            }
        }
        return best;
    }

    record PipelineCount(PipelineList list, String what, PipelineCriteria criteria) implements Indicator {

        @Override
        public String id() {
            return "cultivation." + what;
        }

        @Override
        public Family family() {
            return Family.CULTIVATION;
        }

        @Override
        public Measure measure() {
            return Measure.COUNT;
        }

        @Override
        public Unit unit() {
            return Unit.ORGANISATIONS;
        }

        @Override
        public BigDecimal value(IndicatorScope scope) {
            return BigDecimal.valueOf(list.count(criteria.withCounty(scope.county())));
        }

        @Override
        public String drillDown(IndicatorScope scope) {
            return path("/api/v1/cultivation/records", scope);
        }

        @Override
        public String page(IndicatorScope scope) {
            return path("/cultivation/records", scope);
        }

        private String path(String base, IndicatorScope scope) {
            PipelineCriteria c = criteria.withCounty(scope.county());
            return Paths.of(base, "stage", c.stagesParam(), "techSme", c.techSme(), "county", c.county());
        }
    }

    @Bean
    Indicator cultivationTechSmes(PipelineList l) {
        return new PipelineCount(
                l,
                "techSmes",
                new PipelineCriteria(
                        List.of(Stage.TECH_SME, Stage.HNTE_APPLIED, Stage.RECOGNISED, Stage.RENEWAL_APPLIED),
                        true,
                        null));
    }

    @Bean
    Indicator cultivationHnte(PipelineList l) {
        return new PipelineCount(
                l, "hnte", new PipelineCriteria(List.of(Stage.RECOGNISED, Stage.RENEWAL_APPLIED), null, null));
    }

    @Bean
    Indicator cultivationStageTechSme(PipelineList l) {
        return new PipelineCount(l, "stage.TECH_SME", new PipelineCriteria(List.of(Stage.TECH_SME), null, null));
    }

    @Bean
    Indicator cultivationStageHnteApplied(PipelineList l) {
        return new PipelineCount(
                l, "stage.HNTE_APPLIED", new PipelineCriteria(List.of(Stage.HNTE_APPLIED), null, null));
    }

    @Bean
    Indicator cultivationStageRecognised(PipelineList l) {
        return new PipelineCount(l, "stage.RECOGNISED", new PipelineCriteria(List.of(Stage.RECOGNISED), null, null));
    }

    @Bean
    Indicator cultivationStageRenewal(PipelineList l) {
        return new PipelineCount(
                l, "stage.RENEWAL_APPLIED", new PipelineCriteria(List.of(Stage.RENEWAL_APPLIED), null, null));
    }

    @Bean
    Indicator cultivationStageCancelled(PipelineList l) {
        return new PipelineCount(l, "stage.CANCELLED", new PipelineCriteria(List.of(Stage.CANCELLED), null, null));
    }
}
