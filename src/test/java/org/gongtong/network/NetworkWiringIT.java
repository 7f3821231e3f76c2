package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Actor;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.notifications.NotificationRequested;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Indicators agree with their drill-downs; edges and deadline reminders come from the records. */
@IntegrationTest
class NetworkWiringIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    List<Indicator> indicators;

    @Autowired
    List<CollaborationEdges> edges;

    @Autowired
    CommunityService communities;

    @Autowired
    DeadlineReminders reminders;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void everyNetworkIndicatorEqualsItsDrillDown() throws Exception {
        String admin = api.adminToken();
        List<Indicator> mine =
                indicators.stream().filter(i -> i.id().startsWith("network.")).toList();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(9);
        for (Indicator i : mine) {
            for (IndicatorScope scope : List.of(IndicatorScope.CITY, IndicatorScope.county("ZONE-HTZ"))) {
                JsonNode page = api.getJson(i.drillDown(scope), admin);
                BigDecimal listed = i.measure() == Indicator.Measure.COUNT
                        ? BigDecimal.valueOf(page.get("totalElements").asLong())
                        : page.get("sum").decimalValue();
                assertThat(i.value(scope)).as(i.id() + " " + scope).isEqualByComparingTo(listed);
            }
        }
    }

    @Test
    void membershipsBecomeEdgesAndDeadlinesBecomeReminders() throws Exception {
        long lead = api.createOrganisation("ENTERPRISE", "371522");
        long member = api.createOrganisation("UNIVERSITY", "371522");
        LocalDate today = communities.today();
        var c = communities.create(
                new CommunityService.CommunityForm(
                        Api.unique("提醒共同体"), "371522", null, lead, null, null, today.plusDays(10), null),
                Actor.SYSTEM);
        communities.addMember(c.id(), member, "MEMBER", null, Actor.SYSTEM);
        assertThat(edges.stream().flatMap(e -> e.edges(null, null).stream()))
                .anyMatch(e -> e.fromOrganisation() == lead
                        && e.toOrganisation() == member
                        && e.kind().equals("MEMBERSHIP"));
        List<NotificationRequested> soon = reminders.remind();
        assertThat(soon)
                .filteredOn(n -> n.link().equals("/communities/" + c.id()))
                .extracting(NotificationRequested::messageCode)
                .containsOnly("network.notify.deadlineSoon");
        assertThat(soon)
                .filteredOn(n -> n.link().equals("/communities/" + c.id()))
                .anyMatch(n -> "371522".equals(n.audience().county()));
        clock.advance(Duration.ofDays(12));
        assertThat(reminders.remind())
                .filteredOn(n -> n.link().equals("/communities/" + c.id()))
                .extracting(NotificationRequested::messageCode)
                .containsOnly("network.notify.overdue");
        assertThat(communities.find(c.id(), Actor.SYSTEM).overdue()).isTrue();
        assertThat(Map.of()).isEmpty();
    }
}
