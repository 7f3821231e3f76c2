package org.gongtong.grants;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongtong.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Rules of the annual assessment an administrator may change; every assessment records the values it used. */
@Component
public class GrantsSettings {

    private final JdbcClient jdbc;

    GrantsSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("SELECT name, setting_value FROM grants_setting ORDER BY name")
                .query((rs, n) -> m.put(rs.getString(1), rs.getString(2)))
                .list();
        return m;
    }

    public BigDecimal decimal(String name) {
        return jdbc.sql("SELECT setting_value FROM grants_setting WHERE name = :n")
                .param("n", name)
                .query(String.class)
                .optional()
                .map(BigDecimal::new)
                .orElseThrow(() -> DomainException.notFound("grants.settingUnknown", name));
    }

    public AssessmentRules rules() {
        return new AssessmentRules(
                decimal("assessment.fullPayMin"),
                decimal("assessment.reducedPayMin"),
                decimal("assessment.withholdMin"),
                decimal("assessment.reducedShare"),
                decimal("assessment.clawBackShare"),
                decimal("assessment.indicatorCap"));
    }

    void set(String name, BigDecimal value) {
        int n = jdbc.sql("UPDATE grants_setting SET setting_value = :v WHERE name = :n")
                .param("v", value.toPlainString())
                .param("n", name)
                .update();
        if (n == 0) {
            throw DomainException.notFound("grants.settingUnknown", name);
        }
    }
}
