package org.gongtong.registry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads GB/T 4754-2017 (国民经济行业分类) into {@code industry_class} on first start. It is
 * reference data, not demo data: it is loaded whatever {@code GONGTONG_DEMO_DATA} says.
 */
@Component
@Order(1)
class IndustryClassLoader implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IndustryClassLoader(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM industry_class", Long.class);
        if (count != null && count > 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/gbt4754_2017.jsonl").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                JsonNode parent = n.get("parent");
                rows.add(new Object[] {
                    n.get("code").asString(),
                    n.get("level").asInt(),
                    n.get("name").asString(),
                    parent == null || parent.isNull() ? null : parent.asString()
                });
            }
        }
        jdbc.batchUpdate("INSERT INTO industry_class (code, level, name, parent) VALUES (?, ?, ?, ?)", rows);
    }
}
