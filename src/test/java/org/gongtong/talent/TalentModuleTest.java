package org.gongtong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The talent module's life-cycles: appointments, reports, flags, evaluation, horizontal projects, indicators, edges. */
@IntegrationTest
@RecordApplicationEvents
class TalentModuleTest {

    static final Actor OFFICER = new Actor(0, "officer", "市科技局", Role.CITY_OFFICER, null, null);

    @Autowired
    TalentService talent;

    @Autowired
    Registry registry;

    @Autowired
    TestClock clock;

    @Autowired
    List<Indicator> indicators;

    @Autowired
    List<CollaborationEdges> edges;

    @Autowired
    ApplicationEvents events;

    long university;
    long firm;

    @BeforeEach
    void orgs() {
        university = registry.register(OrganisationForm.of(Api.unique("大学"), "UNIVERSITY", null, "371502", null), false)
                .id();
        firm = registry.register(
                        OrganisationForm.of(Api.unique("企业"), "ENTERPRISE", null, "371526", "NEW_MATERIALS"), false)
                .id();
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    TalentService.AppointmentForm form(String programme, String person, LocalDate start, LocalDate end) {
        return new TalentService.AppointmentForm(
                programme,
                person,
                university,
                firm,
                start.toString(),
                end.toString(),
                "指导研发",
                "两项专利",
                "高分子材料 改性",
                null,
                null,
                null,
                true,
                3);
    }

    @Test
    void appointmentsAreValidatedAndScoped() {
        LocalDate today = talent.today();
        assertThatThrownBy(() -> talent.appoint(
                        new TalentService.AppointmentForm(
                                "NOPE", "", null, firm, "x", null, null, null, null, null, null, null, null, null),
                        OFFICER))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(4));
        // a dual-mentor appointment names the student
        assertThatThrownBy(() -> talent.appoint(form("DUAL_MENTOR", "王导师", today, today.plusYears(1)), OFFICER))
                .isInstanceOf(ValidationException.class);
        Actor stranger = new Actor(9, "s", "s", Role.ENTERPRISE_USER, firm + 100000, null);
        assertThatThrownBy(() -> talent.appoint(form("COMMISSIONER", "李特派", today, today.plusYears(1)), stranger))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        Actor hostUser = new Actor(9, "h", "h", Role.ENTERPRISE_USER, firm, null);
        Appointment a = talent.appoint(form("TECH_VICE_PRESIDENT", "赵副总", today, today.plusYears(2)), hostUser);
        assertThat(a.status()).isEqualTo("ACTIVE");
        assertThat(a.paidPartTime()).isTrue();
        assertThat(a.industry()).isEqualTo("NEW_MATERIALS");
    }

    @Test
    void missingReportsAndExpiringTermsAreFlaggedAndNotified() {
        LocalDate today = talent.today();
        String person = Api.unique("特派员");
        Appointment a = talent.appoint(form("COMMISSIONER", person, today, today.plusMonths(8)), OFFICER);
        assertThat(a.reportsDue()).isZero();
        assertThat(a.reportsMissing()).isFalse();
        assertThat(a.expiring()).isFalse();
        // four months later one quarterly report is due
        clock.advance(Duration.ofDays(122));
        Appointment later = talent.find(a.id());
        assertThat(later.reportsDue()).isEqualTo(1);
        assertThat(later.reportsMissing()).isTrue();
        assertThat(talent.search(null, null, firm, null, "MISSING_REPORTS", PageRequest.of(0, 20))
                        .content())
                .extracting(Appointment::id)
                .containsExactly(a.id());
        talent.flagDeadlines();
        assertThat(events.stream(NotificationRequested.class)
                        .filter(n -> n.messageCode().equals("talent.notify.reportMissing")
                                && n.args().contains(person)))
                .hasSize(1);
        Report r = talent.report(
                a.id(), new TalentService.ReportForm(today.plusMonths(3).toString(), "完成调研", "一份报告"), OFFICER);
        assertThat(r.periodEnd()).isEqualTo(today.plusMonths(3));
        assertThat(talent.find(a.id()).reportsMissing()).isFalse();
        assertThatThrownBy(() -> talent.report(
                        a.id(), new TalentService.ReportForm(today.plusMonths(3).toString(), "重复", null), OFFICER))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        // within 60 days of the end: expiring
        clock.advance(Duration.ofDays(100));
        Appointment ending = talent.find(a.id());
        assertThat(ending.expiring()).isTrue();
        talent.flagDeadlines();
        assertThat(events.stream(NotificationRequested.class)
                        .filter(n -> n.messageCode().equals("talent.notify.expiring")
                                && n.args().contains(person)))
                .hasSize(2);
        // evaluated, then ended: no more flags, no more reports
        assertThat(talent.evaluate(a.id(), new TalentService.EvaluationForm("good", "按期完成"), OFFICER)
                        .evaluation())
                .isEqualTo("GOOD");
        Appointment ended = talent.end(a.id(), "任期届满", OFFICER);
        assertThat(ended.status()).isEqualTo("ENDED");
        assertThat(ended.expiring()).isFalse();
        assertThatThrownBy(() -> talent.end(a.id(), null, OFFICER)).isInstanceOf(DomainException.class);
        assertThatThrownBy(
                        () -> talent.report(a.id(), new TalentService.ReportForm(today.toString(), "x", null), OFFICER))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void horizontalProjectTotalsCountInTheResearchersRecord() {
        String researcher = Api.unique("研究员");
        LocalDate today = talent.today();
        HorizontalProject p = talent.createProject(
                new TalentService.ProjectForm(
                        "改性工艺开发", "HT-1", researcher, university, firm, today.toString(), new BigDecimal("300000.00")),
                OFFICER);
        talent.createProject(
                new TalentService.ProjectForm(
                        "检测方法", null, researcher, university, firm, today.toString(), new BigDecimal("50000")),
                OFFICER);
        talent.addMilestone(
                p.id(),
                new TalentService.MilestoneForm("小试", today.plusMonths(2).toString(), null),
                OFFICER);
        talent.addReceipt(
                p.id(), new TalentService.ReceiptForm(today.toString(), new BigDecimal("100000"), "首付款"), OFFICER);
        assertThatThrownBy(() -> talent.addReceipt(
                        p.id(),
                        new TalentService.ReceiptForm(today.toString(), new BigDecimal("200000.01"), null),
                        OFFICER))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        talent.appoint(form("INDUSTRY_PROFESSOR", researcher, today, today.plusYears(3)), OFFICER);
        TalentService.ResearcherRecord record = talent.researcher(researcher, null);
        assertThat(record.projectCount()).isEqualTo(2);
        assertThat(record.contractTotal()).isEqualByComparingTo("350000.00");
        assertThat(record.receivedTotal()).isEqualByComparingTo("100000.00");
        assertThat(record.appointments()).hasSize(1);
        assertThat(talent.project(p.id()).milestones()).hasSize(1);
    }

    @Test
    void indicatorsCountWhatTheirDrillDownListsAndEdgesLinkHomeAndHost() {
        LocalDate today = talent.today();
        talent.appoint(form("COMMISSIONER", Api.unique("特派员"), today, today.plusYears(1)), OFFICER);
        Indicator commissioners = indicators.stream()
                .filter(i -> i.id().equals("talent.appointments.commissioner"))
                .findFirst()
                .orElseThrow();
        IndicatorScope county = IndicatorScope.county("371526");
        assertThat(commissioners.value(county).longValue())
                .isEqualTo(talent.search("COMMISSIONER", "371526", null, null, null, PageRequest.of(0, 1))
                        .totalElements())
                .isPositive();
        assertThat(commissioners.drillDown(county))
                .isEqualTo("/api/v1/talent/appointments?programme=COMMISSIONER&county=371526");
        assertThat(edges.stream().flatMap(e -> e.edges(today, today).stream()))
                .anyMatch(e -> e.kind().equals("APPOINTMENT")
                        && e.fromOrganisation() == university
                        && e.toOrganisation() == firm);
    }

    @Test
    void commissionerMatchingUsesTheMarketsEngine() {
        LocalDate today = talent.today();
        Appointment a = talent.appoint(form("COMMISSIONER", Api.unique("特派员"), today, today.plusYears(1)), OFFICER);
        // whatever the index holds, the call goes through the search module's Matching and never fails
        assertThat(talent.needsFor(a.id(), OFFICER, 5)).isNotNull();
    }
}
