package org.gongtong.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call removes all demo data, also where another module's demo rows (the capital module's
 * sample funds) refer to the sample organisations. It runs on a database of its own, because it
 * empties what the shared integration database's other tests rely on.
 */
@SpringBootTest(
        properties =
                "spring.datasource.url=jdbc:h2:mem:demo-removal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class DemoRemovalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneCallRemovesEverySampleAndTheDemoRowsReferringToThem() throws Exception {
        long samples = count("SELECT COUNT(*) FROM organisation WHERE demo = TRUE");
        long demoFunds = count("SELECT COUNT(*) FROM fund WHERE demo = TRUE");
        assertThat(samples).isPositive();
        assertThat(demoFunds)
                .as("capital demo funds refer to sample organisations")
                .isPositive();
        long real = count("SELECT COUNT(*) FROM organisation WHERE demo = FALSE");

        String token = json.readTree(mvc.perform(post("/api/v1/auth/token")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"admin\",\"password\":\"Test#Admin2026\"}"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("token")
                .asString();

        JsonNode removed =
                json.readTree(mvc.perform(delete("/api/v1/demo-data").header("Authorization", "Bearer " + token))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        assertThat(removed.get("removedOrganisations").asLong()).isEqualTo(samples);
        assertThat(count("SELECT COUNT(*) FROM organisation WHERE demo = TRUE")).isZero();
        assertThat(count("SELECT COUNT(*) FROM fund WHERE demo = TRUE")).isZero();
        assertThat(count("SELECT COUNT(*) FROM organisation WHERE demo = FALSE"))
                .as("the seed's own organisations stay")
                .isEqualTo(real);
        JsonNode chain =
                json.readTree(mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(chain.get("intact").asBoolean()).isTrue();
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
