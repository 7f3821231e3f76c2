package org.gongtong.cultivation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rule settings, stored as rows; an administrator's change raises the revision and is audited. */
@Service
public class CultivationSettings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CultivationSettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RuleSettings current() {
        Map<String, String> rows = new HashMap<>();
        jdbc.sql("SELECT name, setting_value FROM cultivation_setting").query(rs -> {
            rows.put(rs.getString(1), rs.getString(2));
        });
        RuleSettings d = RuleSettings.DEFAULTS;
        return new RuleSettings(
                intOr(rows.get("revision"), d.revision()),
                rows.containsKey("fivePercentIsBandD")
                        ? Boolean.parseBoolean(rows.get("fivePercentIsBandD"))
                        : d.fivePercentIsBandD(),
                intOr(rows.get("costClassIIIp"), d.costClassIIIp()),
                intOr(rows.get("costClassIIp"), d.costClassIIp()),
                intOr(rows.get("costTransformation"), d.costTransformation()),
                intOr(rows.get("costStandard"), d.costStandard()));
    }

    /** Changes the settings (administrators only); the revision moves on by one. */
    @Transactional
    public RuleSettings update(RuleSettings wanted, Actor actor) {
        if (!actor.isAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        for (var cost : new int[] {
            wanted.costClassIIIp(), wanted.costClassIIp(), wanted.costTransformation(), wanted.costStandard()
        }) {
            if (cost < 1 || cost > 1000) {
                throw DomainException.invalid("cost", "cultivation.input.between", 1, 1000);
            }
        }
        RuleSettings before = current();
        RuleSettings after = new RuleSettings(
                before.revision() + 1,
                wanted.fivePercentIsBandD(),
                wanted.costClassIIIp(),
                wanted.costClassIIp(),
                wanted.costTransformation(),
                wanted.costStandard());
        OffsetDateTime now = Sql.timestamp(clock.instant());
        view(after).forEach((name, value) -> {
            int n = jdbc.sql("UPDATE cultivation_setting SET setting_value = :v, updated_at = :at WHERE name = :n")
                    .param("v", value)
                    .param("at", now)
                    .param("n", name)
                    .update();
            if (n == 0) {
                jdbc.sql("INSERT INTO cultivation_setting (name, setting_value, updated_at) VALUES (:n, :v, :at)")
                        .param("v", value)
                        .param("at", now)
                        .param("n", name)
                        .update();
            }
        });
        audit.record("CULTIVATION_SETTINGS_CHANGED", "cultivation_setting", "rules", view(before), view(after));
        return after;
    }

    private static Map<String, String> view(RuleSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("revision", String.valueOf(s.revision()));
        m.put("fivePercentIsBandD", String.valueOf(s.fivePercentIsBandD()));
        m.put("costClassIIIp", String.valueOf(s.costClassIIIp()));
        m.put("costClassIIp", String.valueOf(s.costClassIIp()));
        m.put("costTransformation", String.valueOf(s.costTransformation()));
        m.put("costStandard", String.valueOf(s.costStandard()));
        return m;
    }

    private static int intOr(String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
