package org.gongtong.capital;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongtong.capital.RiskRecords.Agreement;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Loss-sharing agreements with partner banks. */
@Repository
class Agreements {

    private static final String SELECT = """
            SELECT a.id, a.bank_org_id, o.name, a.name, a.province_share, a.city_share, a.bank_share,
              a.early_province_share, a.early_city_share, a.early_bank_share, a.signed_on
            FROM risk_agreement a JOIN organisation o ON o.id = a.bank_org_id""";

    private final JdbcClient jdbc;

    Agreements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long bankOrgId, String name, BigDecimal[] shares, BigDecimal[] early, LocalDate signedOn, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO risk_agreement (bank_org_id, name, province_share, city_share, bank_share,
                          early_province_share, early_city_share, early_bank_share, signed_on, created_at)
                        VALUES (:bank, :name, :p, :c, :b, :ep, :ec, :eb, :signed, :at)""")
                .param("bank", bankOrgId)
                .param("name", name)
                .param("p", shares[0])
                .param("c", shares[1])
                .param("b", shares[2])
                .param("ep", early == null ? null : early[0])
                .param("ec", early == null ? null : early[1])
                .param("eb", early == null ? null : early[2])
                .param("signed", signedOn)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Agreement> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id")
                .param("id", id)
                .query(Agreements::row)
                .optional();
    }

    /** The bank's agreement in force: the one signed last. */
    Optional<Agreement> current(long bankOrgId) {
        return jdbc.sql(SELECT + " WHERE a.bank_org_id = :bank ORDER BY a.signed_on DESC, a.id DESC"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("bank", bankOrgId)
                .query(Agreements::row)
                .optional();
    }

    List<Agreement> list(Long bankOrgId) {
        if (bankOrgId == null) {
            return jdbc.sql(SELECT + " ORDER BY o.name, a.signed_on DESC, a.id DESC")
                    .query(Agreements::row)
                    .list();
        }
        return jdbc.sql(SELECT + " WHERE a.bank_org_id = :bank ORDER BY a.signed_on DESC, a.id DESC")
                .param("bank", bankOrgId)
                .query(Agreements::row)
                .list();
    }

    private static Agreement row(ResultSet rs, int n) throws SQLException {
        return new Agreement(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                rs.getBigDecimal(8),
                rs.getBigDecimal(9),
                rs.getBigDecimal(10),
                rs.getObject(11, LocalDate.class));
    }
}
