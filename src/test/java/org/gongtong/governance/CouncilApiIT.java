package org.gongtong.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A council of six whose terms cover only one far-future day, so that no other test's members
 * count towards its quorum.
 */
@IntegrationTest
class CouncilApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    AuditLog audit;

    Api api;
    String admin;
    LocalDate day;
    List<Long> members;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc, json);
        admin = api.adminToken();
        day = LocalDate.of(2200 + ThreadLocalRandom.current().nextInt(700), 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(365));
        members = new ArrayList<>();
        String[] categories = {"CHAIR", "DEPARTMENT", "INSTITUTE", "UNIVERSITY", "ENTERPRISE", "FINANCE"};
        for (String c : categories) {
            members.add(member(c, null));
        }
    }

    private long member(String category, Long userId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Api.unique("理事"));
        body.put("affiliation", "单位");
        body.put("category", category);
        body.put("userId", userId);
        body.put("termStart", day.toString());
        body.put("termEnd", day.toString());
        MvcResult r = send(post("/api/v1/council/members"), body, admin);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        return api.read(r).get("id").asLong();
    }

    private MvcResult send(MockHttpServletRequestBuilder r, Object body, String token) throws Exception {
        return mvc.perform(Api.bearer(Api.jsonBody(r, api.write(body)), token)).andReturn();
    }

    private int status(MockHttpServletRequestBuilder r, Object body, String token) throws Exception {
        return send(r, body, token).getResponse().getStatus();
    }

    private long meeting(int... present) throws Exception {
        MvcResult r =
                send(post("/api/v1/meetings"), Map.of("title", Api.unique("理事会会议"), "heldOn", day.toString()), admin);
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        long id = api.read(r).get("id").asLong();
        List<Long> ids = new ArrayList<>();
        for (int i : present) {
            ids.add(members.get(i));
        }
        assertThat(status(put("/api/v1/meetings/" + id + "/attendance"), ids, admin))
                .isEqualTo(200);
        return id;
    }

    private long motion(long meeting, String kind, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("meetingId", meeting);
        body.put("title", Api.unique("议案"));
        body.put("kind", kind);
        MvcResult r = send(post("/api/v1/motions"), body, admin);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(201);
        return api.read(r).get("id").asLong();
    }

    private int vote(long motion, int member, String choice) throws Exception {
        return status(
                post("/api/v1/motions/" + motion + "/votes"),
                Map.of("memberId", members.get(member), "choice", choice),
                admin);
    }

    private JsonNode close(long motion) throws Exception {
        MvcResult r = send(post("/api/v1/motions/" + motion + "/close"), Map.of(), admin);
        assertThat(r.getResponse().getStatus())
                .as(r.getResponse().getContentAsString())
                .isEqualTo(200);
        return api.read(r);
    }

    private void open(long motion) throws Exception {
        assertThat(status(post("/api/v1/motions/" + motion + "/open"), Map.of(), admin))
                .isEqualTo(200);
    }

    @Test
    void exactlyHalfPresentHasNoQuorum() throws Exception {
        long m = motion(meeting(0, 1, 2), "OTHER", Map.of());
        open(m);
        for (int i = 0; i < 3; i++) {
            assertThat(vote(m, i, "FOR")).isEqualTo(200);
        }
        JsonNode closed = close(m);
        assertThat(closed.get("status").asString()).isEqualTo("NO_QUORUM");
        assertThat(closed.get("present").asInt()).isEqualTo(3);
        assertThat(closed.get("eligible").asInt()).isEqualTo(6);
    }

    @Test
    void recusalsAbsencesTiesAndTwoThirdsForMajorDecisions() throws Exception {
        long meeting = meeting(0, 1, 2, 3);
        long major = motion(meeting, "MAJOR_DECISION", Map.of());
        // member 3 declares a conflict: recused, so 3 of 5 eligible are present
        assertThat(status(post("/api/v1/motions/" + major + "/recusals"), Map.of("memberId", members.get(3)), admin))
                .isEqualTo(400);
        assertThat(status(
                        post("/api/v1/motions/" + major + "/recusals"),
                        Map.of("memberId", members.get(3), "reason", "其任职企业为议案相对方"),
                        admin))
                .isEqualTo(200);
        assertThat(vote(major, 0, "FOR")).as("not yet open").isEqualTo(409);
        open(major);
        assertThat(vote(major, 3, "FOR")).as("recused").isEqualTo(409);
        assertThat(vote(major, 4, "FOR")).as("absent").isEqualTo(409);
        assertThat(vote(major, 0, "AGAINST")).isEqualTo(200);
        assertThat(vote(major, 0, "FOR")).as("changeable while open").isEqualTo(200);
        assertThat(vote(major, 1, "FOR")).isEqualTo(200);
        assertThat(vote(major, 2, "AGAINST")).isEqualTo(200);
        JsonNode closed = close(major);
        assertThat(closed.get("status").asString()).isEqualTo("PASSED"); // 2 of 3 is two thirds
        assertThat(closed.get("eligible").asInt()).isEqualTo(5);
        assertThat(vote(major, 2, "FOR")).as("frozen after close").isEqualTo(409);
        assertThat(status(post("/api/v1/motions/" + major + "/close"), Map.of(), admin))
                .isEqualTo(409);
        JsonNode record = api.getJson("/api/v1/motions/" + major, admin);
        assertThat(record.get("votes").size()).isEqualTo(3);
        assertThat(record.get("recusals").get(0).get("reason").asString()).contains("相对方");
        assertThat(audit.recent("motion", Long.toString(major), 50))
                .filteredOn(e -> e.action().equals("VOTE_CAST"))
                .hasSize(4);
        assertThat(audit.verify().intact()).isTrue();

        long tie = motion(meeting, "OTHER", Map.of());
        assertThat(status(put("/api/v1/meetings/" + meeting + "/attendance"), List.of(members.get(0)), admin))
                .as("attendance frozen once a motion closed")
                .isEqualTo(409);
        open(tie);
        vote(tie, 0, "FOR");
        vote(tie, 1, "FOR");
        vote(tie, 2, "AGAINST");
        vote(tie, 3, "AGAINST");
        assertThat(close(tie).get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void directorSelectionAppointsTheDirectorOnTheInstitute() throws Exception {
        String candidate = Api.unique("院长候选人");
        long m = motion(meeting(0, 1, 2, 4), "DIRECTOR_SELECTION", Map.of("candidate", candidate));
        open(m);
        vote(m, 0, "FOR");
        vote(m, 1, "FOR");
        vote(m, 2, "FOR");
        vote(m, 4, "AGAINST");
        assertThat(close(m).get("status").asString()).isEqualTo("PASSED");
        JsonNode profile = api.getJson("/api/v1/institute", admin).get("profile");
        assertThat(profile.get("directorName").asString()).isEqualTo(candidate);
        assertThat(profile.get("directorMotionId").asLong()).isEqualTo(m);
        assertThat(profile.get("directorAppointedOn").asString()).isEqualTo(day.toString());
    }

    @Test
    void anAdoptedAnnualPlanIsFrozen() throws Exception {
        MvcResult r = send(
                post("/api/v1/annual-plans"),
                Map.of("year", 2027, "title", Api.unique("年度计划"), "content", "一、目标"),
                admin);
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        long plan = api.read(r).get("id").asLong();
        assertThat(status(put("/api/v1/annual-plans/" + plan), Map.of("title", "修订", "content", "一、目标；二、措施"), admin))
                .isEqualTo(200);
        assertThat(api.getJson("/api/v1/annual-plans/" + plan, admin)
                        .get("revision")
                        .asInt())
                .isEqualTo(2);
        long m = motion(meeting(0, 1, 2, 3, 4), "ANNUAL_PLAN", Map.of("annualPlanId", plan));
        open(m);
        for (int i = 0; i < 5; i++) {
            vote(m, i, i < 3 ? "FOR" : "ABSTAIN");
        }
        assertThat(close(m).get("status").asString()).isEqualTo("PASSED");
        JsonNode adopted = api.getJson("/api/v1/annual-plans/" + plan, admin);
        assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");
        assertThat(adopted.get("contentHash").asString()).hasSize(64);
        assertThat(status(put("/api/v1/annual-plans/" + plan), Map.of("title", "再改", "content", "x"), admin))
                .isEqualTo(409);
    }

    @Test
    void aMemberVotesForItselfAndOthersMayNotReadTheCouncil() throws Exception {
        long org = api.createOrganisation("GOVERNMENT", null);
        Api.User user = api.createUser("COUNCIL_MEMBER", org, null);
        members.add(member("DEPARTMENT", user.id()));
        String token = api.token(user.username(), Api.PASSWORD);
        long m = motion(meeting(0, 1, 2, 3, 6), "OTHER", Map.of());
        open(m);
        assertThat(status(post("/api/v1/motions/" + m + "/votes"), Map.of("choice", "FOR"), token))
                .isEqualTo(200);
        assertThat(status(
                        post("/api/v1/motions/" + m + "/votes"),
                        Map.of("memberId", members.get(0), "choice", "FOR"),
                        token))
                .as("not for someone else")
                .isEqualTo(403);
        assertThat(status(post("/api/v1/motions/" + m + "/close"), Map.of(), token))
                .isEqualTo(403);
        long firm = api.createOrganisation("ENTERPRISE", null);
        Api.User outsider = api.createUser("ENTERPRISE_USER", firm, null);
        String outsiderToken = api.token(outsider.username(), Api.PASSWORD);
        assertThat(mvc.perform(Api.bearer(get("/api/v1/meetings"), outsiderToken))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
