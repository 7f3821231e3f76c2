package org.gongtong.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.insight.CollaborationEdges;
import org.gongtong.insight.Indicator;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.Sql;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The services module's life-cycles: incubation, agency orders, the cells' database guarantee, indicators, edges. */
@IntegrationTest
class ServicesModuleTest {

    static final Actor OFFICER = new Actor(0, "officer", "市科技局", Role.CITY_OFFICER, null, null);

    @Autowired
    IncubatorService incubators;

    @Autowired
    AgencyService agencies;

    @Autowired
    InstrumentService instruments;

    @Autowired
    Registry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<Indicator> indicators;

    @Autowired
    List<CollaborationEdges> edges;

    long operator;
    long firm;
    long firm2;

    @BeforeEach
    void orgs() {
        operator = org("SERVICE", "371502");
        firm = org("ENTERPRISE", "371524");
        firm2 = org("ENTERPRISE", "371524");
    }

    long org(String kind, String county) {
        return registry.register(OrganisationForm.of(Api.unique("机构"), kind, null, county, "NEW_MATERIALS"), false)
                .id();
    }

    static Map<String, Integer> scores(int team) {
        return Map.of("TEAM", team, "TECHNOLOGY", 20, "MARKET", 15, "INDUSTRY_FIT", 10, "FUNDING", 5);
    }

    @Test
    void incubationFromIntakeByRubricToGraduationAndExit() throws Exception {
        Actor op = new Actor(77, "op", "op", Role.SERVICE_USER, operator, null);
        Incubation.Incubator inc = incubators.create(
                new IncubatorService.IncubatorForm(Api.unique("孵化器"), operator, null, null, null), op);
        assertThat(inc.industry()).isEqualTo("NEW_MATERIALS");
        Incubation.Cohort cohort = incubators.addCohort(inc.id(), "第一批", "2026-03-01", op);
        // the rubric: out-of-range scores are refused per criterion, a total below 60 is refused
        assertThatThrownBy(() -> incubators.admit(
                        inc.id(), new IncubatorService.IntakeForm(firm, null, null, null, scores(26)), op))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("scores.TEAM"));
        assertThatThrownBy(() -> incubators.admit(
                        inc.id(), new IncubatorService.IntakeForm(firm, null, null, null, scores(5)), op))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.properties()).containsEntry("score", 55));
        Incubation.Incubatee e = incubators.admit(
                inc.id(), new IncubatorService.IntakeForm(firm, cohort.id(), "2026-03-05", "A101", scores(20)), op);
        assertThat(e.intakeScore()).isEqualTo(70);
        assertThat(e.status()).isEqualTo("INCUBATING");
        assertThatThrownBy(() -> incubators.admit(
                        inc.id(), new IncubatorService.IntakeForm(firm, null, null, null, scores(20)), op))
                .isInstanceOf(DomainException.class);
        Incubation.Incubatee e2 =
                incubators.admit(inc.id(), new IncubatorService.IntakeForm(firm2, null, null, null, scores(25)), op);
        // the firm itself enters its KPIs; a stranger may not
        Actor self = new Actor(78, "f", "f", Role.ENTERPRISE_USER, firm, null);
        incubators.putKpi(
                e.id(),
                "2026-04",
                new IncubatorService.KpiForm(new BigDecimal("100000"), 12, new BigDecimal("20000"), 1, null),
                self);
        assertThatThrownBy(() -> incubators.putKpi(
                        e.id(),
                        "2026-04",
                        new IncubatorService.KpiForm(null, null, null, null, null),
                        new Actor(79, "x", "x", Role.ENTERPRISE_USER, firm2, null)))
                .isInstanceOf(DomainException.class);
        // the figures are the firm's private data: the firm, the operator, the firm's county and the city
        // read them; another firm and another county's officer do not, nor may they export them
        Actor stranger = new Actor(79, "x", "x", Role.ENTERPRISE_USER, firm2, null);
        Actor countyHere = new Actor(82, "c1", "c1", Role.COUNTY_OFFICER, null, "371524");
        Actor countyElsewhere = new Actor(83, "c2", "c2", Role.COUNTY_OFFICER, null, "371502");
        for (Actor reader : List.of(self, op, countyHere, OFFICER)) {
            assertThat(incubators.kpis(e.id(), reader)).as(reader.username()).hasSize(1);
        }
        for (Actor outsider : List.of(stranger, countyElsewhere)) {
            assertThatThrownBy(() -> incubators.kpis(e.id(), outsider))
                    .isInstanceOfSatisfying(
                            DomainException.class, x -> assertThat(x.status()).isEqualTo(HttpStatus.FORBIDDEN));
            assertThatThrownBy(() -> incubators.exportKpis(inc.id(), new ByteArrayOutputStream(), outsider))
                    .isInstanceOfSatisfying(
                            DomainException.class, x -> assertThat(x.status()).isEqualTo(HttpStatus.FORBIDDEN));
        }
        // imported from Excel, then exported
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet();
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("编号");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(e2.id());
            r.createCell(1).setCellValue("2026-04");
            r.createCell(2).setCellValue(50000.5);
            r.createCell(3).setCellValue(6);
            r.createCell(4).setCellValue(8000);
            r.createCell(5).setCellValue(0);
            r.createCell(6).setCellValue(1000000);
            wb.write(xlsx);
        }
        IncubatorService.ImportReport report =
                incubators.importKpis(inc.id(), new ByteArrayInputStream(xlsx.toByteArray()), op);
        assertThat(report.errors()).isEmpty();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(incubators.kpis(e2.id(), op)).singleElement().satisfies(k -> {
            assertThat(k.revenue()).isEqualByComparingTo("50000.50");
            assertThat(k.fundingRaised()).isEqualByComparingTo("1000000");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        incubators.exportKpis(inc.id(), out, op);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
        // graduation; exit needs a reason; no second move
        assertThat(incubators
                        .leave(e.id(), true, new IncubatorService.LeaveForm("2026-10-01", "营收过千万"), op)
                        .status())
                .isEqualTo("GRADUATED");
        assertThatThrownBy(() -> incubators.leave(e.id(), false, new IncubatorService.LeaveForm(null, "x"), op))
                .isInstanceOfSatisfying(
                        DomainException.class, x -> assertThat(x.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> incubators.leave(e2.id(), false, new IncubatorService.LeaveForm(null, null), op))
                .isInstanceOf(DomainException.class);
        assertThat(incubators
                        .leave(e2.id(), false, new IncubatorService.LeaveForm(null, "迁出聊城"), op)
                        .exitReason())
                .isEqualTo("迁出聊城");
        assertThat(incubators.incubator(inc.id()).graduated()).isEqualTo(1);
    }

    @Test
    void ordersMoveOnlyAlongTheirLifeCycleByTheRightSide() {
        Actor agencyUser = new Actor(80, "a", "a", Role.SERVICE_USER, operator, null);
        Actor client = new Actor(81, "c", "c", Role.ENTERPRISE_USER, firm, null);
        ServiceOrders.Agency a = agencies.create(
                new AgencyService.AgencyForm(operator, Api.unique("检测平台"), "TESTING_PLATFORM", null), agencyUser);
        a = agencies.addOffering(
                a.id(),
                new AgencyService.OfferingForm("拉伸试验", "INSPECTION_TESTING", new BigDecimal("800"), null),
                agencyUser);
        long serviceId = a.services().get(0).id();
        ServiceOrders.Order o =
                agencies.request(a.id(), new AgencyService.OrderForm(serviceId, null, "5 组拉伸试验"), client);
        assertThat(o.status()).isEqualTo(ServiceOrders.Status.REQUESTED);
        long id = o.id();
        // the client cannot quote; the agency cannot accept its own quote; no skipping
        assertThatThrownBy(() -> agencies.quote(id, new BigDecimal("4000"), client))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> agencies.start(id, agencyUser))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        agencies.quote(id, new BigDecimal("4000"), agencyUser);
        assertThatThrownBy(() -> agencies.accept(id, agencyUser)).isInstanceOf(DomainException.class);
        agencies.accept(id, client);
        agencies.start(id, agencyUser);
        agencies.addDocument(id, "检测报告.pdf", null, agencyUser);
        assertThatThrownBy(() -> agencies.rate(id, 5, null, client)).isInstanceOf(DomainException.class);
        agencies.deliver(id, "报告已出具", agencyUser);
        assertThatThrownBy(() -> agencies.rate(id, 6, null, client)).isInstanceOf(DomainException.class);
        ServiceOrders.Order rated = agencies.rate(id, 4, "及时", client);
        assertThat(rated.status()).isEqualTo(ServiceOrders.Status.RATED);
        assertThat(rated.documents()).hasSize(1);
        assertThatThrownBy(() -> agencies.rate(id, 5, null, client)).isInstanceOf(DomainException.class);
        ServiceOrders.Order second = agencies.request(a.id(), new AgencyService.OrderForm(null, null, "校准"), client);
        assertThat(agencies.decline(second.id(), "不需要了", client).status()).isEqualTo(ServiceOrders.Status.DECLINED);
        ServiceOrders.Agency page = agencies.agency(a.id());
        assertThat(page.orders()).isEqualTo(1);
        assertThat(page.delivered()).isEqualTo(1);
        assertThat(page.averageRating()).isEqualByComparingTo("4");
        LocalDate today = LocalDate.now();
        assertThat(edges.stream().flatMap(e -> e.edges(today.minusDays(2), today.plusDays(2)).stream()))
                .anyMatch(e -> e.kind().equals("CONTRACT")
                        && e.fromOrganisation() == firm
                        && e.toOrganisation() == operator
                        && e.amount().compareTo(new BigDecimal("4000")) == 0);
    }

    @Test
    void theDatabaseItselfRefusesOverlappingCells() {
        Instrument i = instruments.create(
                new InstrumentService.InstrumentForm(
                        Api.unique("仪器"),
                        operator,
                        null,
                        null,
                        new BigDecimal("10"),
                        15,
                        0,
                        8,
                        false,
                        8,
                        null,
                        null,
                        null,
                        false,
                        null),
                OFFICER);
        Instant t = Instant.parse("2028-01-01T01:00:00Z");
        long b1 = jdbc.sql("SELECT MIN(id) FROM app_user").query(Long.class).single();
        long booking = jdbc.sql("""
                        INSERT INTO booking (instrument_id, user_id, booked_by, starts_at, ends_at, tier, status, created_at)
                        VALUES (:i, :u, 'test', :s, :e, 'EXTERNAL', 'CONFIRMED', :s)""")
                .param("i", i.id())
                .param("u", b1)
                .param("s", Sql.timestamp(t))
                .param("e", Sql.timestamp(t.plusSeconds(1800)))
                .update();
        assertThat(booking).isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM booking WHERE instrument_id = :i")
                .param("i", i.id())
                .query(Long.class)
                .single();
        String insert = "INSERT INTO booking_cell (instrument_id, cell_start, booking_id) VALUES (:i, :c, :b)";
        jdbc.sql(insert)
                .param("i", i.id())
                .param("c", Sql.timestamp(t))
                .param("b", id)
                .update();
        // no application check in the way: the key refuses the same cell
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("i", i.id())
                        .param("c", Sql.timestamp(t))
                        .param("b", id)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // the touching cell is free
        jdbc.sql(insert)
                .param("i", i.id())
                .param("c", Sql.timestamp(t.plusSeconds(900)))
                .param("b", id)
                .update();
        assertThat(BookingCells.cells(t, t.plusSeconds(3600))).hasSize(4);
        assertThat(BookingCells.aligned(t.plusSeconds(60))).isFalse();
    }

    @Test
    void indicatorsEqualTheirDrillDowns() {
        instruments.create(
                new InstrumentService.InstrumentForm(
                        Api.unique("仪器"),
                        firm,
                        null,
                        null,
                        new BigDecimal("600000"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                OFFICER);
        IndicatorScope county = IndicatorScope.county("371524");
        Indicator mustShare = byId("services.instruments.must-share");
        assertThat(mustShare.value(county).longValue())
                .isEqualTo(instruments
                        .search(null, null, "371524", true, null, PageRequest.of(0, 1))
                        .totalElements())
                .isPositive();
        assertThat(mustShare.drillDown(county)).isEqualTo("/api/v1/instruments?mustShare=true&county=371524");
        Indicator income = byId("services.bookings.income");
        assertThat(income.value(IndicatorScope.CITY))
                .isEqualByComparingTo(instruments
                        .search("CHARGED", null, null, null, OFFICER, PageRequest.of(0, 1))
                        .sum());
        Indicator incubating = byId("services.incubatees");
        assertThat(incubating.value(county).longValue())
                .isEqualTo(incubators
                        .incubatees(null, "INCUBATING", "371524", PageRequest.of(0, 1))
                        .totalElements());
        assertThat(indicators.stream().map(Indicator::id))
                .contains(
                        "services.instruments",
                        "services.bookings.booked-hours",
                        "services.bookings.used-hours",
                        "services.incubatees.graduated");
    }

    private Indicator byId(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
