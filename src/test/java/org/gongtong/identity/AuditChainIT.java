package org.gongtong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongtong.Api.jsonBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit chain against tampering. Rows are changed behind the application's back and always
 * restored, because every other test shares this database and verifies the chain too.
 */
@IntegrationTest
class AuditChainIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    @Test
    void recordsRegistrationAndUpdateWithBeforeAndAfter() throws Exception {
        Map<String, Object> body = Api.organisation("ENTERPRISE", "371502");
        long id = api.createOrganisation(body).get("id").asLong();
        body.put("name", body.get("name") + "（更名）");
        mvc.perform(api.asAdmin(jsonBody(put("/api/v1/organisations/" + id), api.write(body))))
                .andExpect(status().isOk());

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT action, actor, before_state, after_state FROM audit_entry"
                        + " WHERE entity_type = 'organisation' AND entity_id = ? ORDER BY seq",
                Long.toString(id));
        assertThat(rows)
                .extracting(r -> r.get("action"))
                .containsExactly("ORGANISATION_REGISTERED", "ORGANISATION_UPDATED");
        assertThat(rows).extracting(r -> r.get("actor")).containsOnly("admin");
        assertThat(rows.get(0).get("before_state")).isNull();
        JsonNode before = json.readTree((String) rows.get(1).get("before_state"));
        JsonNode after = json.readTree((String) rows.get(1).get("after_state"));
        assertThat(after.get("name").asString()).endsWith("（更名）");
        assertThat(before.get("name").asString())
                .isEqualTo(after.get("name").asString().replace("（更名）", ""));

        // the API lists the entity's history too
        JsonNode history = api.getJson("/api/v1/audit?entityType=organisation&entityId=" + id, api.adminToken());
        assertThat(history).hasSize(2);
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Autowired
    AuditLog audit;

    @Test
    void aBatchOfChangesIsChainedExactlyLikeSingleEntries() throws Exception {
        String marker = Api.unique("批量");
        long last = audit.recordAll(List.of(
                new AuditLog.Change("BATCH_TEST", "test", marker + "-1", null, Map.of("n", 1)),
                new AuditLog.Change("BATCH_TEST", "test", marker + "-2", Map.of("n", 1), Map.of("n", 2)),
                new AuditLog.Change("BATCH_TEST", "test", marker + "-3", null, null)));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT seq, entity_id, actor, before_state, after_state, prev_hash, hash FROM audit_entry"
                        + " WHERE action = 'BATCH_TEST' AND entity_id LIKE ? ORDER BY seq",
                marker + "-%");
        assertThat(rows)
                .extracting(r -> r.get("entity_id"))
                .containsExactly(marker + "-1", marker + "-2", marker + "-3");
        assertThat(rows).extracting(r -> ((Number) r.get("seq")).longValue()).containsExactly(last - 2, last - 1, last);
        assertThat(rows).extracting(r -> r.get("actor")).containsOnly("system");
        // each entry links to the one before it, and the head moved to the last one
        assertThat(rows.get(1).get("prev_hash")).isEqualTo(rows.get(0).get("hash"));
        assertThat(rows.get(2).get("prev_hash")).isEqualTo(rows.get(1).get("hash"));
        assertThat(jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1", String.class))
                .isEqualTo(rows.get(2).get("hash"));
        assertThat(json.readTree((String) rows.get(1).get("before_state"))
                        .get("n")
                        .asInt())
                .isEqualTo(1);
        assertThat(verify().get("intact").asBoolean()).isTrue();
        // and a single entry after the batch continues the same chain (verify's own log-in came between)
        long next = audit.record("BATCH_TEST", "test", marker + "-4", null, null);
        assertThat(next).isGreaterThan(last);
        assertThat(verify().get("intact").asBoolean()).isTrue();
        assertThat(audit.recordAll(List.of())).isZero();
    }

    @Test
    void editingARowBehindTheApplicationsBackBreaksTheChainThere() throws Exception {
        long id = api.createOrganisation("RESEARCH", "371503");
        long seq = jdbc.queryForObject(
                "SELECT seq FROM audit_entry WHERE entity_type = 'organisation' AND entity_id = ?"
                        + " AND action = 'ORGANISATION_REGISTERED'",
                Long.class,
                Long.toString(id));
        // later entries exist, so the broken row is not simply the last one
        api.createOrganisation("RESEARCH", "371503");
        JsonNode intact = verify();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("firstBrokenSeq").isNull()).isTrue();

        String original = jdbc.queryForObject("SELECT after_state FROM audit_entry WHERE seq = ?", String.class, seq);
        try {
            jdbc.update(
                    "UPDATE audit_entry SET after_state = ? WHERE seq = ?",
                    original.replace("\"county\":\"371503\"", "\"county\":\"371502\""),
                    seq);
            assertThat(jdbc.queryForObject("SELECT after_state FROM audit_entry WHERE seq = ?", String.class, seq))
                    .isNotEqualTo(original);
            JsonNode broken = verify();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(broken.get("entriesChecked").asLong()).isEqualTo(seq - 1);
        } finally {
            jdbc.update("UPDATE audit_entry SET after_state = ? WHERE seq = ?", original, seq);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void deletingTheLastRowIsNoticed() throws Exception {
        api.createOrganisation("FINANCE", null);
        Map<String, Object> last = jdbc.queryForObject(
                "SELECT seq, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason,"
                        + " prev_hash, hash FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)",
                (rs, n) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String column = rs.getMetaData().getColumnLabel(i).toLowerCase();
                        m.put(
                                column,
                                column.equals("occurred_at") ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                    }
                    return m;
                });
        long seq = ((Number) last.get("seq")).longValue();
        try {
            jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq);
            JsonNode broken = verify();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        } finally {
            jdbc.update(
                    "INSERT INTO audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, before_state,"
                            + " after_state, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    last.values().toArray());
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    private JsonNode verify() throws Exception {
        return api.getJson("/api/v1/audit/verify", api.adminToken());
    }
}
