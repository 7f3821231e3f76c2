package org.gongtong.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongtong.Api.bearer;
import static org.gongtong.Api.jsonBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Booking rules through the API: overlap, touching slots, time zones, maintenance, training, approval, races. */
@IntegrationTest
class InstrumentBookingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    InstrumentService service;

    Api api;
    long owner;
    long userOrg;
    Api.User user;
    String userToken;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        owner = api.createOrganisation("UNIVERSITY", "371502");
        userOrg = api.createOrganisation("ENTERPRISE", "371525");
        user = api.createUser("ENTERPRISE_USER", userOrg, null);
        userToken = api.token(user.username(), Api.PASSWORD);
        admin = api.adminToken();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record R(int status, JsonNode body) {}

    R call(String token, String method, String url, Object body) throws Exception {
        var req = method.equals("GET") ? get(url) : post(url);
        if (body != null) {
            req = jsonBody(req, api.write(body));
        }
        MvcResult r = mvc.perform(bearer(req, token)).andReturn();
        String text = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new R(
                r.getResponse().getStatus(),
                text.isBlank() || !text.trim().startsWith("{") && !text.trim().startsWith("[")
                        ? null
                        : json.readTree(text));
    }

    long instrument(Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("仪器"));
        body.put("ownerId", owner);
        body.put("value", new BigDecimal("800000"));
        body.put("priceInternal", new BigDecimal("100"));
        body.put("pricePartner", new BigDecimal("150"));
        body.put("priceExternal", new BigDecimal("200"));
        body.put("slotMinutes", 30);
        body.putAll(extra);
        R r = call(admin, "POST", "/api/v1/instruments", body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** One figure of an instrument's row in the utilisation report of {@code month}. */
    BigDecimal utilisation(long instrument, String month, String field) throws Exception {
        R report = call(admin, "GET", "/api/v1/instruments/utilisation?month=" + month + "&ownerId=" + owner, null);
        assertThat(report.status()).isEqualTo(200);
        for (JsonNode r : report.body().get("instruments")) {
            if (r.get("instrumentId").asLong() == instrument) {
                return new BigDecimal(r.get(field).asString());
            }
        }
        throw new AssertionError("no row for instrument " + instrument + " in " + report.body());
    }

    R book(String token, long instrument, String start, String end) throws Exception {
        return call(
                token,
                "POST",
                "/api/v1/instruments/" + instrument + "/bookings",
                Map.of("start", start, "end", end, "purpose", "测试"));
    }

    @Test
    void createsWithMustShareFromTheValue() throws Exception {
        R small = call(
                admin,
                "POST",
                "/api/v1/instruments",
                Map.of("name", Api.unique("小仪器"), "ownerId", owner, "value", new BigDecimal("499999.99")));
        assertThat(small.status()).isEqualTo(201);
        assertThat(small.body().get("id").asLong()).isPositive();
        assertThat(small.body().get("mustShare").asBoolean()).isFalse();
        R big = call(
                admin,
                "POST",
                "/api/v1/instruments",
                Map.of("name", Api.unique("大仪器"), "ownerId", owner, "value", 500000));
        assertThat(big.body().get("mustShare").asBoolean()).isTrue();
        R bad = call(admin, "POST", "/api/v1/instruments", Map.of("name", "x"));
        assertThat(bad.status()).isEqualTo(400);
        // a user of another organisation cannot add the owner's instrument
        R stranger = call(
                userToken,
                "POST",
                "/api/v1/instruments",
                Map.of("name", Api.unique("仪器"), "ownerId", owner, "value", 1));
        assertThat(stranger.status()).isEqualTo(403);
    }

    @Test
    void touchingSlotsAreAllowedOverlapIsRefusedNamingTheBooking() throws Exception {
        long id = instrument(Map.of());
        R first = book(userToken, id, "2027-03-01T09:00:00+08:00", "2027-03-01T10:00:00+08:00");
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
        long firstId = first.body().get("id").asLong();
        assertThat(first.body().get("tier").asString()).isEqualTo("EXTERNAL");
        // touching at either end: allowed (same instant written in another offset too)
        assertThat(book(admin, id, "2027-03-01T02:00:00Z", "2027-03-01T02:30:00Z")
                        .status())
                .isEqualTo(201);
        assertThat(book(admin, id, "2027-03-01T08:00:00+08:00", "2027-03-01T09:00:00+08:00")
                        .status())
                .isEqualTo(201);
        // overlap (inside it): refused, naming the booking
        R clash = book(admin, id, "2027-03-01T09:30:00+08:00", "2027-03-01T10:00:00+08:00");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().get("conflictingBookingId").asLong()).isEqualTo(firstId);
        assertThat(clash.body().get("detail").asString()).contains(String.valueOf(firstId));
        // overlapping two bookings: refused too
        assertThat(book(admin, id, "2027-03-01T08:30:00+08:00", "2027-03-01T09:30:00+08:00")
                        .status())
                .isEqualTo(409);
        // off the 30-minute grid: refused
        assertThat(book(admin, id, "2027-03-01T11:15:00+08:00", "2027-03-01T12:00:00+08:00")
                        .status())
                .isEqualTo(400);
        // cancelling frees the time
        assertThat(call(userToken, "POST", "/api/v1/bookings/" + firstId + "/cancel", null)
                        .status())
                .isEqualTo(200);
        assertThat(book(admin, id, "2027-03-01T09:00:00+08:00", "2027-03-01T10:00:00+08:00")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void dayBoundariesAreShanghaiDays() throws Exception {
        long id = instrument(Map.of("maxHours", 4));
        // 23:00 on 1 Dec to 01:00 on 2 Dec, Beijing time = 15:00–17:00 UTC on 1 Dec
        R night = book(userToken, id, "2027-12-01T23:00:00+08:00", "2027-12-02T01:00:00+08:00");
        assertThat(night.status()).isEqualTo(201);
        assertThat(night.body().get("start").asString()).isEqualTo("2027-12-01T15:00:00Z");
        R second = call(admin, "GET", "/api/v1/instruments/" + id + "/bookings?from=2027-12-02&to=2027-12-02", null);
        assertThat(second.body()).hasSize(1);
        R first = call(admin, "GET", "/api/v1/instruments/" + id + "/bookings?from=2027-12-01&to=2027-12-01", null);
        assertThat(first.body()).hasSize(1);
        // the UTC day 2 Dec begins at 08:00 Beijing time: nothing of the night booking is in Beijing's 3 Dec
        R third = call(admin, "GET", "/api/v1/instruments/" + id + "/bookings?from=2027-12-03&to=2027-12-03", null);
        assertThat(third.body()).isEmpty();
        // a booking given in UTC that is the same Beijing midnight slot clashes
        assertThat(book(admin, id, "2027-12-01T16:00:00Z", "2027-12-01T16:30:00Z")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void maintenanceUntilADayAndMaintenanceWindowsAreRefused() throws Exception {
        long id = instrument(Map.of());
        R st = call(
                admin,
                "POST",
                "/api/v1/instruments/" + id + "/status",
                Map.of("status", "MAINTENANCE", "until", "2027-04-01"));
        assertThat(st.status()).isEqualTo(200);
        // the status is kept as a window from now to the end of 1 April: March 2027 has no open hour left
        assertThat(utilisation(id, "2027-03", "maintenanceHours")).isEqualByComparingTo("248.00");
        assertThat(utilisation(id, "2027-03", "availableHours")).isEqualByComparingTo("0.00");
        // the last half hour of 1 April in Beijing is still under maintenance
        assertThat(book(userToken, id, "2027-04-01T23:30:00+08:00", "2027-04-02T00:00:00+08:00")
                        .status())
                .isEqualTo(409);
        // midnight of 2 April, Beijing time (= 16:00 UTC on 1 April): in service again
        assertThat(book(userToken, id, "2027-04-01T16:00:00Z", "2027-04-01T16:30:00Z")
                        .status())
                .isEqualTo(201);
        call(admin, "POST", "/api/v1/instruments/" + id + "/status", Map.of("status", "AVAILABLE"));
        // back in service now: the status window ends here, March 2027 is open again
        assertThat(utilisation(id, "2027-03", "maintenanceHours")).isEqualByComparingTo("0.00");
        assertThat(utilisation(id, "2027-03", "availableHours")).isEqualByComparingTo("248.00");
        R m = call(
                admin,
                "POST",
                "/api/v1/instruments/" + id + "/maintenance",
                Map.of("start", "2027-04-10T08:00:00+08:00", "end", "2027-04-10T12:00:00+08:00", "reason", "校准"));
        assertThat(m.status()).isEqualTo(201);
        R refused = book(admin, id, "2027-04-10T11:30:00+08:00", "2027-04-10T12:30:00+08:00");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("maintenanceId").asLong())
                .isEqualTo(m.body().get("id").asLong());
        assertThat(book(admin, id, "2027-04-10T12:00:00+08:00", "2027-04-10T12:30:00+08:00")
                        .status())
                .isEqualTo(201);
        // the four-hour window leaves April 30 × 8 − 4 open hours (the default 8 a day)
        assertThat(utilisation(id, "2027-04", "maintenanceHours")).isEqualByComparingTo("4.00");
        assertThat(utilisation(id, "2027-04", "availableHours")).isEqualByComparingTo("236.00");
        call(admin, "POST", "/api/v1/instruments/" + id + "/status", Map.of("status", "RETIRED"));
        assertThat(book(admin, id, "2027-05-10T12:00:00+08:00", "2027-05-10T12:30:00+08:00")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void onlyTrainedUsersBookUnlessAManagerBooksForThem() throws Exception {
        long id = instrument(Map.of("trainingRequired", true));
        assertThat(book(userToken, id, "2027-05-01T09:00:00+08:00", "2027-05-01T10:00:00+08:00")
                        .status())
                .isEqualTo(403);
        // someone else cannot book for the user
        Api.User other = api.createUser("ENTERPRISE_USER", userOrg, null);
        R forOther = call(
                api.token(other.username(), Api.PASSWORD),
                "POST",
                "/api/v1/instruments/" + id + "/bookings",
                Map.of("start", "2027-05-01T09:00:00+08:00", "end", "2027-05-01T10:00:00+08:00", "userId", user.id()));
        assertThat(forOther.status()).isEqualTo(403);
        // an administrator books for the untrained user
        R byAdmin = call(
                admin,
                "POST",
                "/api/v1/instruments/" + id + "/bookings",
                Map.of("start", "2027-05-01T09:00:00+08:00", "end", "2027-05-01T10:00:00+08:00", "userId", user.id()));
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.body().get("userId").asLong()).isEqualTo(user.id());
        // once trained, the user books alone
        assertThat(call(admin, "POST", "/api/v1/instruments/" + id + "/trainings", Map.of("userId", user.id()))
                        .status())
                .isEqualTo(204);
        assertThat(book(userToken, id, "2027-05-02T09:00:00+08:00", "2027-05-02T10:00:00+08:00")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void approvalHoldsTheTimeAndRejectionFreesIt() throws Exception {
        long id = instrument(Map.of("approvalNeeded", true));
        R pending = book(userToken, id, "2027-06-01T09:00:00+08:00", "2027-06-01T10:00:00+08:00");
        assertThat(pending.body().get("status").asString()).isEqualTo("PENDING");
        long bid = pending.body().get("id").asLong();
        // a pending booking holds its time
        assertThat(book(admin, id, "2027-06-01T09:00:00+08:00", "2027-06-01T09:30:00+08:00")
                        .status())
                .isEqualTo(409);
        // the user cannot approve their own booking
        assertThat(call(userToken, "POST", "/api/v1/bookings/" + bid + "/approve", Map.of("approved", true))
                        .status())
                .isEqualTo(403);
        R rejected = call(admin, "POST", "/api/v1/bookings/" + bid + "/approve", Map.of("approved", false));
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        // rejected twice: an illegal transition
        assertThat(call(admin, "POST", "/api/v1/bookings/" + bid + "/approve", Map.of("approved", true))
                        .status())
                .isEqualTo(409);
        assertThat(book(admin, id, "2027-06-01T09:00:00+08:00", "2027-06-01T09:30:00+08:00")
                        .status())
                .isEqualTo(201);
        R second = book(userToken, id, "2027-06-02T09:00:00+08:00", "2027-06-02T10:00:00+08:00");
        R ok = call(
                admin,
                "POST",
                "/api/v1/bookings/" + second.body().get("id").asLong() + "/approve",
                Map.of("approved", true));
        assertThat(ok.body().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void usageIsRequiredBeforeTheNextBookingAndChargedByTier() throws Exception {
        long id = instrument(Map.of());
        call(admin, "POST", "/api/v1/instruments/" + id + "/partners", Map.of("organisationId", userOrg));
        R b = book(userToken, id, "2027-07-01T09:00:00+08:00", "2027-07-01T11:00:00+08:00");
        assertThat(b.body().get("tier").asString()).isEqualTo("PARTNER");
        long bid = b.body().get("id").asLong();
        // usage cannot be recorded before the session
        assertThat(call(userToken, "POST", "/api/v1/bookings/" + bid + "/usage", Map.of())
                        .status())
                .isEqualTo(409);
        moveTo("2027-07-01T09:05:00+08:00");
        assertThat(call(userToken, "POST", "/api/v1/bookings/" + bid + "/check-in", null)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("IN_USE");
        moveTo("2027-07-01T12:00:00+08:00");
        // the next booking waits for the usage record
        R blocked = book(userToken, id, "2027-07-02T09:00:00+08:00", "2027-07-02T10:00:00+08:00");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body().get("bookingId").asLong()).isEqualTo(bid);
        R used = call(
                userToken,
                "POST",
                "/api/v1/bookings/" + bid + "/usage",
                Map.of(
                        "actualStart",
                        "2027-07-01T09:05:00+08:00",
                        "actualEnd",
                        "2027-07-01T10:35:00+08:00",
                        "samples",
                        12,
                        "outcome",
                        "完成"));
        assertThat(used.status()).isEqualTo(200);
        assertThat(used.body().get("status").asString()).isEqualTo("COMPLETED");
        // 90 minutes at the partner price 150/h
        assertThat(used.body().get("charge").decimalValue()).isEqualByComparingTo("225.00");
        assertThat(book(userToken, id, "2027-07-02T09:00:00+08:00", "2027-07-02T10:00:00+08:00")
                        .status())
                .isEqualTo(201);
        // the bookings list sums the charges
        R charged = call(admin, "GET", "/api/v1/bookings?measure=CHARGED&instrumentId=" + id, null);
        assertThat(charged.body().get("sum").decimalValue()).isEqualByComparingTo("225.00");
        assertThat(charged.body().get("totalElements").asLong()).isEqualTo(1);
        R used2 = call(admin, "GET", "/api/v1/bookings?measure=USED&instrumentId=" + id, null);
        assertThat(used2.body().get("sum").decimalValue()).isEqualByComparingTo("1.50");
    }

    @Test
    void aBookingNobodyCheckedInToBecomesANoShowAfterTheGrace() throws Exception {
        long id = instrument(Map.of());
        R b = book(userToken, id, "2027-08-01T09:00:00+08:00", "2027-08-01T10:00:00+08:00");
        long bid = b.body().get("id").asLong();
        moveTo("2027-08-01T09:10:00+08:00");
        service.markNoShows();
        assertThat(status(bid)).isEqualTo("CONFIRMED");
        moveTo("2027-08-01T09:16:00+08:00");
        service.markNoShows();
        assertThat(status(bid)).isEqualTo("NO_SHOW");
        // a no-show asks for no usage record: the user may book again
        assertThat(book(userToken, id, "2027-08-02T09:00:00+08:00", "2027-08-02T10:00:00+08:00")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void icsFeedListsTheBookings() throws Exception {
        long id = instrument(Map.of("location", "实验楼, 201"));
        moveTo("2027-09-01T08:00:00+08:00");
        long bid = book(userToken, id, "2027-09-03T09:00:00+08:00", "2027-09-03T10:00:00+08:00")
                .body()
                .get("id")
                .asLong();
        MvcResult r = mvc.perform(bearer(get("/api/v1/instruments/" + id + "/calendar.ics"), userToken))
                .andReturn();
        String ics = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.getResponse().getContentType()).startsWith("text/calendar");
        assertThat(ics)
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("UID:booking-" + bid + "@gongtong")
                .contains("DTSTART:20270903T010000Z")
                .contains("DTEND:20270903T020000Z")
                .contains("LOCATION:实验楼\\, 201");
    }

    @Test
    void fiftyParallelRequestsForOneSlotExactlyOneWins() throws Exception {
        long id = instrument(Map.of());
        String token = admin;
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<R>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                // half of them the same slot, half an overlapping one shifted by 30 minutes
                String start = i % 2 == 0 ? "2027-10-01T09:00:00+08:00" : "2027-10-01T09:30:00+08:00";
                String end = i % 2 == 0 ? "2027-10-01T10:00:00+08:00" : "2027-10-01T10:30:00+08:00";
                Callable<R> task = () -> {
                    go.await();
                    return book(token, id, start, end);
                };
                results.add(pool.submit(task));
            }
            go.countDown();
            int created = 0;
            int conflicts = 0;
            Long winner = null;
            List<Long> named = new ArrayList<>();
            for (Future<R> f : results) {
                R r = f.get();
                if (r.status() == 201) {
                    created++;
                    winner = r.body().get("id").asLong();
                } else {
                    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(409);
                    conflicts++;
                    if (r.body().has("conflictingBookingId")) {
                        named.add(r.body().get("conflictingBookingId").asLong());
                    }
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(conflicts).isEqualTo(n - 1);
            Long w = winner;
            assertThat(named).isNotEmpty().allMatch(x -> x.equals(w));
            R list = call(token, "GET", "/api/v1/instruments/" + id + "/bookings?from=2027-10-01&to=2027-10-01", null);
            assertThat(list.body()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private String status(long bookingId) throws Exception {
        return call(admin, "GET", "/api/v1/bookings/" + bookingId, null)
                .body()
                .get("status")
                .asString();
    }

    private void moveTo(String time) throws Exception {
        Instant target = OffsetDateTime.parse(time).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
        // tokens live 12 hours: sign in again at the new time
        admin = api.token("admin", Api.ADMIN_PASSWORD);
        userToken = api.token(user.username(), Api.PASSWORD);
    }
}
