package org.gongtong.capital;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local choices the official texts leave open (compliance bounds, rate cap, default loss
 * shares), editable by an administrator; each result that uses them lists the values it used.
 */
@Service
public class CapitalSettings {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CapitalSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT name, setting_value FROM capital_setting ORDER BY name")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    public BigDecimal decimal(String name) {
        return new BigDecimal(value(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(value(name));
    }

    String value(String name) {
        return jdbc.sql("SELECT setting_value FROM capital_setting WHERE name = :n")
                .param("n", name)
                .query(String.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("capital.settingUnknown", name));
    }

    @Transactional
    public Map<String, String> update(String name, String value, Actor actor) {
        if (!actor.isAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        String before = value(name);
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("value", "capital.settingInvalid", name);
        }
        String v = value.strip();
        if (!v.equals("true") && !v.equals("false")) {
            try {
                new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("value", "capital.settingInvalid", name);
            }
        }
        jdbc.sql("UPDATE capital_setting SET setting_value = :v WHERE name = :n")
                .param("v", v)
                .param("n", name)
                .update();
        audit.record("CAPITAL_SETTING_CHANGED", "capital_setting", name, before, v);
        return all();
    }
}
