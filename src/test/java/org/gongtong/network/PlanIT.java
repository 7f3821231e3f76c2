package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PlanIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    private int target(String token, int year, String county, int target) throws Exception {
        return mvc.perform(Api.bearer(
                        Api.jsonBody(
                                put("/api/v1/plan/targets"),
                                api.write(Map.of(
                                        "year",
                                        year,
                                        "county",
                                        county,
                                        "industry",
                                        "CULTURE_TOURISM",
                                        "target",
                                        target))),
                        token))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void targetsStandAgainstActualsAndCountyOfficersKeepToTheirCounty() throws Exception {
        String admin = api.adminToken();
        assertThat(target(admin, 2099, "ZONE-JBSC", 3)).isEqualTo(200);
        JsonNode rows = api.getJson("/api/v1/plan?county=ZONE-JBSC", admin);
        assertThat(rows.findValues("year").stream().map(JsonNode::asInt)).contains(2099);
        long org = api.createOrganisation("GOVERNMENT", "371502");
        Api.User officer = api.createUser("COUNTY_OFFICER", org, "371502");
        String token = api.token(officer.username(), Api.PASSWORD);
        assertThat(target(token, 2099, "ZONE-JBSC", 5)).isEqualTo(403);
        assertThat(target(token, 2099, "371502", 2)).isEqualTo(200);
        JsonNode own = api.getJson("/api/v1/plan?county=ZONE-JBSC", token);
        for (JsonNode r : own) {
            assertThat(r.get("county").asString()).isEqualTo("371502");
        }
    }
}
