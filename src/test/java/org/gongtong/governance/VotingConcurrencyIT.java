package org.gongtong.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongtong.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twelve members change their votes over real HTTP while two closes of the same motion race them.
 * Whatever the interleaving: one close wins, the other is a 409; no vote is taken after the close;
 * the tally frozen on the motion is exactly the members' last accepted choices; every accepted vote
 * has its audit entry and the chain stays intact. Runs on the suite's database (H2, or PostgreSQL
 * with SPRING_DATASOURCE_URL), where the motion's row lock is what serialises the writers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VotingConcurrencyIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] CHOICES = {"FOR", "AGAINST", "ABSTAIN"};
    private static final int MEMBERS = 12;
    private static final int VOTES_EACH = 8;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private String token;

    private HttpResponse<String> send(String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return json.readTree(r.body());
    }

    /** One member's accepted votes, in the order its thread sent them, and how many were refused. */
    private record Ballots(long memberId, List<String> accepted, int refused) {}

    @Test
    void closingWhileMembersVoteFreezesExactlyTheLastAcceptedChoices() throws Exception {
        token = json.readTree(send("/api/v1/auth/token", Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))
                        .body())
                .get("token")
                .asString();
        // a day of its own, so that no other test's council members are in office (and count) on it
        LocalDate day = LocalDate.of(2900 + ThreadLocalRandom.current().nextInt(90), 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(365));
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", Api.unique("理事"));
            m.put("affiliation", "单位");
            m.put("category", i == 0 ? "CHAIR" : "ENTERPRISE");
            m.put("termStart", day.toString());
            m.put("termEnd", day.toString());
            members.add(created(send("/api/v1/council/members", m)).get("id").asLong());
        }
        long meeting = created(send("/api/v1/meetings", Map.of("title", Api.unique("理事会会议"), "heldOn", day.toString())))
                .get("id")
                .asLong();
        HttpRequest attendance = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/meetings/" + meeting + "/attendance"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(members)))
                .build();
        assertThat(HTTP.send(attendance, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        long motion = created(send(
                        "/api/v1/motions", Map.of("meetingId", meeting, "title", Api.unique("议案"), "kind", "OTHER")))
                .get("id")
                .asLong();
        created(send("/api/v1/motions/" + motion + "/open", Map.of()));

        ExecutorService pool = Executors.newFixedThreadPool(MEMBERS + 2);
        CountDownLatch start = new CountDownLatch(1);
        // the closes go out once a third of all votes have been taken, so that they meet votes in flight
        CountDownLatch third = new CountDownLatch(MEMBERS * VOTES_EACH / 3);
        AtomicInteger serverErrors = new AtomicInteger();
        try {
            List<Future<Ballots>> voters = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                long member = members.get(i);
                int offset = i;
                voters.add(pool.submit(() -> {
                    start.await();
                    List<String> accepted = new ArrayList<>();
                    int refused = 0;
                    for (int v = 0; v < VOTES_EACH; v++) {
                        String choice = CHOICES[(offset + v * (offset % 2 + 1)) % CHOICES.length];
                        HttpResponse<String> r = send(
                                "/api/v1/motions/" + motion + "/votes", Map.of("memberId", member, "choice", choice));
                        if (r.statusCode() == 200) {
                            accepted.add(choice);
                            third.countDown();
                        } else if (r.statusCode() == 409) {
                            refused++;
                        } else {
                            serverErrors.incrementAndGet();
                        }
                    }
                    return new Ballots(member, accepted, refused);
                }));
            }
            List<Future<HttpResponse<String>>> closes = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                closes.add(pool.submit(() -> {
                    start.await();
                    third.await();
                    return send("/api/v1/motions/" + motion + "/close", Map.of());
                }));
            }
            start.countDown();

            List<Integer> closeStatuses = new ArrayList<>();
            JsonNode closed = null;
            for (Future<HttpResponse<String>> f : closes) {
                HttpResponse<String> r = f.get();
                closeStatuses.add(r.statusCode());
                if (r.statusCode() == 200) {
                    closed = json.readTree(r.body());
                }
            }
            assertThat(closeStatuses).containsExactlyInAnyOrder(200, 409);

            int accepted = 0;
            int refused = 0;
            Map<String, Integer> expected = new LinkedHashMap<>(Map.of("FOR", 0, "AGAINST", 0, "ABSTAIN", 0));
            for (Future<Ballots> f : voters) {
                Ballots b = f.get();
                accepted += b.accepted().size();
                refused += b.refused();
                // a member's votes come one after another from one thread: the row holds the last accepted
                List<String> row = jdbc.sql("SELECT choice FROM council_vote WHERE motion_id = :m AND member_id = :id")
                        .param("m", motion)
                        .param("id", b.memberId())
                        .query(String.class)
                        .list();
                if (b.accepted().isEmpty()) {
                    assertThat(row).isEmpty();
                } else {
                    String last = b.accepted().get(b.accepted().size() - 1);
                    assertThat(row).containsExactly(last);
                    expected.merge(last, 1, Integer::sum);
                }
            }
            assertThat(serverErrors).hasValue(0);
            assertThat(accepted + refused).isEqualTo(MEMBERS * VOTES_EACH);
            assertThat(accepted).isGreaterThanOrEqualTo(MEMBERS * VOTES_EACH / 3);

            assertThat(closed).isNotNull();
            assertThat(closed.get("votesFor").asInt()).isEqualTo(expected.get("FOR"));
            assertThat(closed.get("against").asInt()).isEqualTo(expected.get("AGAINST"));
            assertThat(closed.get("abstentions").asInt()).isEqualTo(expected.get("ABSTAIN"));
            assertThat(closed.get("present").asInt()).isEqualTo(MEMBERS);
            assertThat(closed.get("eligible").asInt()).isEqualTo(MEMBERS);

            long voteEntries = jdbc.sql(
                            "SELECT COUNT(*) FROM audit_entry WHERE action = 'VOTE_CAST' AND entity_type = 'motion' AND entity_id = :id")
                    .param("id", String.valueOf(motion))
                    .query(Long.class)
                    .single();
            assertThat(voteEntries).isEqualTo(accepted);
            long closeEntries = jdbc.sql(
                            "SELECT COUNT(*) FROM audit_entry WHERE action = 'MOTION_CLOSED' AND entity_type = 'motion' AND entity_id = :id")
                    .param("id", String.valueOf(motion))
                    .query(Long.class)
                    .single();
            assertThat(closeEntries).isEqualTo(1);

            HttpResponse<String> verify = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit/verify"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(verify.body()).get("intact").asBoolean())
                    .as(verify.body())
                    .isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
