package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cached total (ADR 0062) is always the total the SQL gives now: a need posted through the API, an
 * organisation moved to another county, a row written by hand with {@link Totals#changed} — each
 * shows in the very next list, and the figure equals its drill-down throughout.
 */
@IntegrationTest
class TotalsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Totals totals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountedListSeesEveryWriteAndEveryCountyMove() throws Exception {
        Api api = new Api(mvc, json);
        String admin = api.adminToken();
        String from = "371526";
        String to = "371525";
        Map<String, Object> org = Api.organisation("ENTERPRISE", from);
        long id = api.createOrganisation(org).get("id").asLong();
        long inFrom = total(api, admin, from);
        long inTo = total(api, admin, to);
        long city = total(api, admin, null);

        need(api, id);
        need(api, id);
        assertThat(total(api, admin, from)).isEqualTo(inFrom + 2);
        assertThat(total(api, admin, null)).isEqualTo(city + 2);
        // asked again with nothing written: the same totals (now from the cache)
        assertThat(total(api, admin, from)).isEqualTo(inFrom + 2);

        // the firm moves county: its needs move with it, in the very next request
        org.put("county", to);
        mvc.perform(api.asAdmin(Api.jsonBody(put("/api/v1/organisations/" + id), api.write(org))))
                .andExpect(status().isOk());
        assertThat(total(api, admin, from)).isEqualTo(inFrom);
        assertThat(total(api, admin, to)).isEqualTo(inTo + 2);
        assertThat(total(api, admin, null)).isEqualTo(city + 2);
    }

    @Test
    void aWriteOutsideTheServicesIsSeenOnceItSaysChanged() {
        String sql = "SELECT COUNT(*) FROM tech_need n WHERE n.title = :t";
        String title = Api.unique("totals-");
        Map<String, Object> params = Map.of("t", title);
        assertThat(totals.count(sql, params, "tech_need")).isZero();
        long org =
                jdbc.sql("SELECT MIN(id) FROM organisation").query(Long.class).single();
        jdbc.sql("INSERT INTO tech_need (organisation_id, title, description, cooperation, visibility, status, demo,"
                        + " created_at, updated_at) VALUES (:o, :t, 'd', 'CONSULTING', 'PUBLIC', 'OPEN', FALSE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("o", org)
                .param("t", title)
                .update();
        // not told: the cached total stays (this is why every writer calls changed)
        assertThat(totals.count(sql, params, "tech_need")).isZero();
        totals.changed("tech_need");
        assertThat(totals.count(sql, params, "tech_need")).isEqualTo(1);
        jdbc.sql("DELETE FROM tech_need WHERE title = :t").param("t", title).update();
        totals.changed("tech_need");
        assertThat(totals.count(sql, params, "tech_need")).isZero();
    }

    private void need(Api api, long organisationId) throws Exception {
        Map<String, Object> body = Map.of(
                "title",
                Api.unique("need "),
                "description",
                "a need to count",
                "cooperation",
                List.of("CONSULTING"),
                "visibility",
                "PUBLIC",
                "organisationId",
                organisationId);
        mvc.perform(api.asAdmin(Api.jsonBody(post("/api/v1/needs"), api.write(body))))
                .andExpect(status().isCreated());
    }

    private long total(Api api, String admin, String county) throws Exception {
        String path = "/api/v1/needs?shared=true" + (county == null ? "" : "&county=" + county) + "&size=1";
        return api.getJson(path, admin).get("totalElements").asLong();
    }
}
