package org.gongtong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V102 lists the bigrams of the organisations a database already holds, in SQL that runs on H2 and
 * PostgreSQL alike: migrated in a schema of its own up to V101, given organisations, then migrated
 * on, each name has exactly the bigrams the registry would have written.
 */
@IntegrationTest
class NameGramBackfillIT {

    @Autowired
    DataSource dataSource;

    @Test
    void existingOrganisationsGetTheirBigrams() {
        String schema = "gram_backfill_" + Long.toString(System.nanoTime(), 36);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            flyway(schema, "101").migrate();
            List<String> names = List.of("聊城华信华信有限公司", "鲁西", "A", "临清市金泰纺织服装股份有限公司".repeat(7));
            for (String name : names) {
                jdbc.update(
                        "INSERT INTO " + schema + ".organisation (kind, name, created_at, updated_at)"
                                + " VALUES ('ENTERPRISE', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                        name);
            }
            flyway(schema, null).migrate();
            for (Map<String, Object> row : jdbc.queryForList("SELECT id, name FROM " + schema + ".organisation")) {
                Set<String> listed = new TreeSet<>(jdbc.queryForList(
                        "SELECT gram FROM " + schema + ".organisation_name_gram WHERE organisation_id = ?",
                        String.class,
                        row.get("id")));
                assertThat(listed).as("bigrams of %s", row.get("name")).isEqualTo(new TreeSet<>(NameGrams.of((String)
                        row.get("name"))));
            }
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Flyway flyway(String schema, String target) {
        var configuration = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
