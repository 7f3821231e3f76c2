package org.gongtong.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Role;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.gongtong.notifications.NotificationRequested.Category;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The centre with the rest of the application: a deadline raised by another module (published the
 * way a module does, inside its own transaction) reaches exactly its recipients' inboxes once, and
 * not at all when the raising transaction rolls back; mail failures never lose a notification.
 */
@IntegrationTest
class NotificationsModuleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    NotificationRecords records;

    @Autowired
    Messages messages;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private NotificationRequested deadline(Audience audience, String dedup) {
        return new NotificationRequested(
                "cultivation",
                Category.DEADLINE,
                audience,
                "cultivation.reminder.ANNUAL_REPORT",
                List.of("2026", "2027-05-31"),
                "/cultivation",
                Instant.parse("2027-05-31T00:00:00Z"),
                dedup);
    }

    @Test
    void aDeadlineRaisedByAnotherModuleReachesEveryUserOfTheOrganisationOnce() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", "371502");
        Api.User a = api.createUser("ENTERPRISE_USER", org, null);
        Api.User b = api.createUser("ENTERPRISE_USER", org, null);
        long other = api.createOrganisation("ENTERPRISE", "371502");
        Api.User stranger = api.createUser("ENTERPRISE_USER", other, null);
        String dedup = Api.unique("report-2026");

        // a scheduled job raises the same deadline twice; the second is ignored per recipient
        tx.executeWithoutResult(s -> events.publishEvent(deadline(Audience.organisation(org), dedup)));
        tx.executeWithoutResult(s -> events.publishEvent(deadline(Audience.organisation(org), dedup)));

        String tokenA = api.token(a.username(), Api.PASSWORD);
        JsonNode inbox = api.getJson("/api/v1/notifications?module=cultivation", tokenA);
        assertThat(inbox.get("totalElements").asLong()).isEqualTo(1);
        JsonNode n = inbox.get("content").get(0);
        assertThat(n.get("category").asString()).isEqualTo("DEADLINE");
        assertThat(n.get("link").asString()).isEqualTo("/cultivation");
        assertThat(n.get("mailStatus").asString()).isEqualTo("OFF"); // no SMTP in tests
        assertThat(api.getJson("/api/v1/notifications", api.token(b.username(), Api.PASSWORD))
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.getJson("/api/v1/notifications", api.token(stranger.username(), Api.PASSWORD))
                        .get("totalElements")
                        .asLong())
                .isZero();

        // the header of every page shows the unread count; the inbox page lists it
        String page = mvc.perform(Api.bearer(get("/notifications"), tokenA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("unread-count").contains("/cultivation");

        // mark read: the count drops; a stranger cannot mark it
        long id = n.get("id").asLong();
        mvc.perform(Api.bearer(
                        post("/api/v1/notifications/" + id + "/read"), api.token(stranger.username(), Api.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(Api.bearer(post("/api/v1/notifications/" + id + "/read"), tokenA))
                .andExpect(status().isOk());
        assertThat(api.getJson("/api/v1/notifications/unread-count", tokenA)
                        .get("unread")
                        .asLong())
                .isZero();
    }

    @Test
    void nothingIsStoredWhenTheRaisingTransactionRollsBack() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", "371502");
        Api.User u = api.createUser("ENTERPRISE_USER", org, null);
        tx.executeWithoutResult(s -> {
            events.publishEvent(deadline(Audience.user(u.id()), null));
            s.setRollbackOnly();
        });
        assertThat(api.getJson("/api/v1/notifications", api.token(u.username(), Api.PASSWORD))
                        .get("totalElements")
                        .asLong())
                .isZero();
    }

    @Test
    void rolesInACountyAndFiltersByCategory() throws Exception {
        long org = api.createOrganisation("GOVERNMENT", "371521");
        Api.User officer = api.createUser("COUNTY_OFFICER", org, "371521");
        Api.User elsewhere = api.createUser("COUNTY_OFFICER", org, "371522");
        tx.executeWithoutResult(s -> events.publishEvent(new NotificationRequested(
                "portal",
                Category.TASK,
                Audience.roleInCounty(Role.COUNTY_OFFICER, "371521"),
                "portal.notify.registrationWaiting",
                List.of("测试"),
                "/portal/admin/registrations",
                null,
                null)));
        String token = api.token(officer.username(), Api.PASSWORD);
        assertThat(api.getJson("/api/v1/notifications?category=TASK", token)
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.getJson("/api/v1/notifications?category=RESULT", token)
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(api.getJson("/api/v1/notifications", api.token(elsewhere.username(), Api.PASSWORD))
                        .get("totalElements")
                        .asLong())
                .isZero();
    }

    @Test
    void failedMailIsRetriedThenMarkedFailedAndTheNotificationStays() throws Exception {
        long org = api.createOrganisation("ENTERPRISE", "371502");
        Api.User u = api.createUser("ENTERPRISE_USER", org, null);
        records.saveSettings(new NotificationSettings(u.id(), Digest.IMMEDIATE, "u@example.org"), Instant.now());
        List<String> sent = new ArrayList<>();
        boolean[] down = {true};
        MailOutbox outbox = new MailOutbox(
                records,
                (to, subject, text) -> {
                    if (down[0]) {
                        throw new IllegalStateException("smtp down");
                    }
                    sent.add(to + ": " + subject);
                },
                messages,
                clock);
        NotificationRequested e = deadline(Audience.user(u.id()), Api.unique("mail"));
        tx.executeWithoutResult(s -> records.insert(u.id(), e, outbox.statusFor(u.id()), clock.instant()));

        outbox.deliverDue();
        Notification n = only(u);
        assertThat(n.mailStatus()).isEqualTo("PENDING");
        assertThat(n.mailAttempts()).isEqualTo(1);
        assertThat(n.mailError()).contains("smtp down");

        // not yet due again; after the pause it is retried and sent
        down[0] = false;
        outbox.deliverDue();
        assertThat(sent).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        outbox.deliverDue();
        assertThat(sent)
                .containsExactly("u@example.org: "
                        + messages.get(java.util.Locale.CHINESE, e.messageCode(), "2026", "2027-05-31"));
        assertThat(only(u).mailStatus()).isEqualTo("SENT");

        // a second one that never gets through ends FAILED after the last attempt, still in the inbox
        down[0] = true;
        NotificationRequested f = deadline(Audience.user(u.id()), Api.unique("mail"));
        tx.executeWithoutResult(s -> records.insert(u.id(), f, "PENDING", clock.instant()));
        for (int i = 0; i < MailOutbox.MAX_ATTEMPTS; i++) {
            outbox.deliverDue();
            clock.advance(Duration.ofHours(3));
        }
        var all = records.inbox(u.id(), InboxFilter.all(), PageRequest.of(0, 10));
        assertThat(all.totalElements()).isEqualTo(2);
        assertThat(all.content().get(0).mailStatus()).isEqualTo("FAILED");
        assertThat(all.content().get(0).mailAttempts()).isEqualTo(MailOutbox.MAX_ATTEMPTS);
    }

    private Notification only(Api.User u) {
        var p = records.inbox(u.id(), InboxFilter.all(), PageRequest.of(0, 10));
        assertThat(p.totalElements()).isEqualTo(1);
        return p.content().get(0);
    }
}
