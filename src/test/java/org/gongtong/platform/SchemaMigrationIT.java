package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.gongtong.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The started context: its data source is the one that waits for the migration, and the schema is there. */
@IntegrationTest
class SchemaMigrationIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void connectionsComeFromTheMigratedSchema() throws Exception {
        assertThat(dataSource).isInstanceOf(SchemaMigration.MigratedDataSource.class);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
        Integer applied =
                jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE", Integer.class);
        assertThat(applied).isGreaterThan(10);
    }
}
