package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.identity.Role;
import org.gongtong.insight.internal.Catalogue;
import org.gongtong.insight.internal.Graph;
import org.gongtong.insight.internal.Snapshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Insight on its own (plus platform): it depends on no business module — figures and edges come
 * from whatever beans implement its contracts, here two test beans.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class InsightModuleTest {

    static final Actor ADMIN = new Actor(1, "admin", "admin", Role.ADMIN, null, null);

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    OrganisationDirectory directory;

    @MockitoBean
    OrganisationNodes nodes;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Snapshots snapshots;

    @Autowired
    Graph graph;

    @TestConfiguration
    static class Contributions {

        @Bean
        Indicator fixedIndicator() {
            return new Indicator() {
                public String id() {
                    return "test.fixed";
                }

                public Family family() {
                    return Family.MARKET;
                }

                public Measure measure() {
                    return Measure.COUNT;
                }

                public Unit unit() {
                    return Unit.ITEMS;
                }

                public BigDecimal value(IndicatorScope scope) {
                    return scope.isCity() ? BigDecimal.TEN : BigDecimal.ONE;
                }

                public String drillDown(IndicatorScope scope) {
                    return Paths.of("/api/v1/test", "county", scope.county());
                }

                public String page(IndicatorScope scope) {
                    return Paths.of("/test", "county", scope.county());
                }
            };
        }

        @Bean
        CollaborationEdges testEdges() {
            return (from, to) -> List.of(
                    new CollaborationEdges.Edge(1, 2, "CONTRACT", new BigDecimal("5.00"), LocalDate.of(2026, 1, 1)),
                    new CollaborationEdges.Edge(2, 1, "CONTRACT", new BigDecimal("7.00"), LocalDate.of(2026, 2, 1)),
                    new CollaborationEdges.Edge(2, 3, "BROKERAGE", null, LocalDate.of(2026, 3, 1)));
        }
    }

    @Test
    void figuresComeFromTheContributedBeans() {
        assertThat(catalogue.figures(IndicatorScope.CITY)).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo(BigDecimal.TEN);
            assertThat(f.drillDown()).isEqualTo("/api/v1/test");
            assertThat(f.definitionVersion()).hasSize(12);
        });
        assertThat(catalogue.figures(IndicatorScope.county("371502")).get(0).drillDown())
                .isEqualTo("/api/v1/test?county=371502");
    }

    @Test
    void aSnapshotCoversTheCityAndEveryCountyAndIsAudited() {
        given(directory.counties())
                .willReturn(List.of(
                        new OrganisationDirectory.CountyRef("371502", "东昌府区"),
                        new OrganisationDirectory.CountyRef("371521", "阳谷县")));
        assertThat(snapshots.takeNow(ADMIN)).isEqualTo(3);
        YearMonth m = snapshots.thisMonth();
        assertThat(snapshots.byScope("test.fixed", m))
                .containsEntry("CITY", new BigDecimal("10.00"))
                .containsEntry("371521", new BigDecimal("1.00"));
        verify(audit).record(eq("INSIGHT_SNAPSHOT"), eq("insight_snapshot"), eq(m.toString()), any(), any());
    }

    @Test
    void theGraphMergesEdgesPerPairAndKind() {
        given(nodes.nodes(any()))
                .willAnswer(inv -> ((Collection<Long>) inv.getArgument(0))
                        .stream()
                                .map(id -> new OrganisationNodes.Node(
                                        id, "机构" + id, "ENTERPRISE", "371502", "NEW_MATERIALS"))
                                .toList());
        Graph.View g = graph.graph(ADMIN, null, null, null);
        assertThat(g.links()).hasSize(2);
        assertThat(g.links().get(0).count()).isEqualTo(2);
        assertThat(g.links().get(0).amount()).isEqualByComparingTo("12.00");
        assertThat(graph.path(ADMIN, 1, 3, null, null, null).path())
                .extracting(OrganisationNodes.Node::id)
                .containsExactly(1L, 2L, 3L);
    }
}
