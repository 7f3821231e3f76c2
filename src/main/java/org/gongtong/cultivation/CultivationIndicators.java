package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.util.List;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.insight.Paths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cultivation's dashboard figures: firms per stage of the 小升高 pipeline, high-tech enterprises
 * (certificate in force) and registered tech SMEs. Each is one {@link PipelineCriteria}, used for
 * the value and for the drill-down list.
 */
@Configuration(proxyBeanMethods = false)
class CultivationIndicators {

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
