package org.gongtong.capital;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.capital.FundRecords.Breakdown;
import org.gongtong.capital.FundRecords.CashFlow;
import org.gongtong.capital.FundRecords.Commitment;
import org.gongtong.capital.FundRecords.Investment;
import org.gongtong.capital.FundRecords.InvestmentType;
import org.gongtong.capital.FundRecords.Share;
import org.gongtong.capital.FundRecords.Valuation;
import org.gongtong.insight.Totals;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Funds and the rows behind their figures: commitments, cash flows with investor shares, valuations, portfolio. */
@Repository
class Funds {

    private static final String FUND_SELECT = """
            SELECT f.id, f.name, f.kind, f.parent_fund_id, p.name AS parent_name, f.fund_size, f.vintage,
              f.manager_id, o.name AS manager_name, f.demo, f.created_at
            FROM fund f LEFT JOIN fund p ON p.id = f.parent_fund_id LEFT JOIN organisation o ON o.id = f.manager_id""";

    private final JdbcClient jdbc;
    private final Totals totals;

    Funds(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    long insert(
            String name,
            FundKind kind,
            Long parentId,
            BigDecimal size,
            int vintage,
            Long managerId,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO fund (name, kind, parent_fund_id, fund_size, vintage, manager_id, demo, created_at)
                        VALUES (:name, :kind, :parent, :size, :vintage, :manager, :demo, :at)""")
                .param("name", name)
                .param("kind", kind.name())
                .param("parent", parentId)
                .param("size", size)
                .param("vintage", vintage)
                .param("manager", managerId)
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("fund");
        return keys.getKey().longValue();
    }

    Optional<Fund> find(long id) {
        return jdbc.sql(FUND_SELECT + " WHERE f.id = :id")
                .param("id", id)
                .query(Funds::fund)
                .optional();
    }

    /** Funds visible to a manager organisation (null = all), newest first. */
    List<Fund> list(Long managerId, FundKind kind, Long parentId) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (managerId != null) {
            where.append(" AND f.manager_id = :manager");
            params.put("manager", managerId);
        }
        if (kind != null) {
            where.append(" AND f.kind = :kind");
            params.put("kind", kind.name());
        }
        if (parentId != null) {
            where.append(" AND f.parent_fund_id = :parent");
            params.put("parent", parentId);
        }
        return jdbc.sql(FUND_SELECT + where + " ORDER BY f.kind, f.name, f.id")
                .params(params)
                .query(Funds::fund)
                .list();
    }

    Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM fund WHERE name = :n ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("n", name)
                .query(Long.class)
                .optional();
    }

    // commitments

    long insertCommitment(
            long fundId,
            String investorName,
            Long orgId,
            Long investorFundId,
            BigDecimal amount,
            LocalDate on,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO fund_commitment (fund_id, investor_name, investor_org_id, investor_fund_id, amount,
                          committed_on, created_at)
                        VALUES (:fund, :name, :org, :investorFund, :amount, :on, :at)""")
                .param("fund", fundId)
                .param("name", investorName)
                .param("org", orgId)
                .param("investorFund", investorFundId)
                .param("amount", amount)
                .param("on", on)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("fund_commitment");
        return keys.getKey().longValue();
    }

    List<Commitment> commitments(long fundId) {
        return jdbc.sql("""
                        SELECT id, fund_id, investor_name, investor_org_id, investor_fund_id, amount, committed_on
                        FROM fund_commitment WHERE fund_id = :fund ORDER BY id""").param("fund", fundId).query(Funds::commitment).list();
    }

    /** What a fund (the parent) has committed to other funds (its sub-funds). */
    List<Commitment> commitmentsBy(long investorFundId) {
        return jdbc.sql("""
                        SELECT id, fund_id, investor_name, investor_org_id, investor_fund_id, amount, committed_on
                        FROM fund_commitment WHERE investor_fund_id = :fund ORDER BY id""")
                .param("fund", investorFundId)
                .query(Funds::commitment)
                .list();
    }

    // cash flows

    long insertFlow(
            long fundId, LocalDate date, FlowType type, BigDecimal amount, Breakdown b, String note, Instant now) {
        Breakdown br = b == null ? new Breakdown(null, null, null, null, null, null) : b;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO fund_cash_flow (fund_id, flow_date, flow_type, amount, investment, fees, expenses,
                          return_of_capital, gains, income, note, created_at)
                        VALUES (:fund, :date, :type, :amount, :investment, :fees, :expenses, :roc, :gains, :income,
                          :note, :at)""")
                .param("fund", fundId)
                .param("date", date)
                .param("type", type.name())
                .param("amount", amount)
                .param("investment", br.investment())
                .param("fees", br.fees())
                .param("expenses", br.expenses())
                .param("roc", br.returnOfCapital())
                .param("gains", br.gains())
                .param("income", br.income())
                .param("note", note)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertShare(long flowId, long commitmentId, BigDecimal amount) {
        jdbc.sql("INSERT INTO fund_cash_flow_share (cash_flow_id, commitment_id, amount) VALUES (:f, :c, :a)")
                .param("f", flowId)
                .param("c", commitmentId)
                .param("a", amount)
                .update();
    }

    List<CashFlow> flows(long fundId) {
        Map<Long, List<Share>> shares = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.cash_flow_id, s.commitment_id, c.investor_name, s.amount
                        FROM fund_cash_flow_share s JOIN fund_commitment c ON c.id = s.commitment_id
                        JOIN fund_cash_flow f ON f.id = s.cash_flow_id
                        WHERE f.fund_id = :fund ORDER BY s.cash_flow_id, s.commitment_id""").param("fund", fundId).query(rs -> {
            shares.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Share(rs.getLong(2), rs.getString(3), rs.getBigDecimal(4)));
        });
        return jdbc.sql("""
                        SELECT id, fund_id, flow_date, flow_type, amount, investment, fees, expenses,
                          return_of_capital, gains, income, note
                        FROM fund_cash_flow WHERE fund_id = :fund ORDER BY flow_date, id""")
                .param("fund", fundId)
                .query((rs, n) -> new CashFlow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        FlowType.valueOf(rs.getString(4)),
                        rs.getBigDecimal(5),
                        new Breakdown(
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7),
                                rs.getBigDecimal(8),
                                rs.getBigDecimal(9),
                                rs.getBigDecimal(10),
                                rs.getBigDecimal(11)),
                        rs.getString(12),
                        shares.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    // valuations

    /** Records the NAV at a date; a second valuation on the same date replaces the first. */
    long upsertValuation(long fundId, LocalDate date, BigDecimal nav, Instant now) {
        int changed = jdbc.sql("UPDATE fund_valuation SET nav = :nav WHERE fund_id = :fund AND valuation_date = :d")
                .param("nav", nav)
                .param("fund", fundId)
                .param("d", date)
                .update();
        if (changed == 0) {
            jdbc.sql("""
                            INSERT INTO fund_valuation (fund_id, valuation_date, nav, created_at)
                            VALUES (:fund, :d, :nav, :at)""")
                    .param("fund", fundId)
                    .param("d", date)
                    .param("nav", nav)
                    .param("at", Sql.timestamp(now))
                    .update();
        }
        return jdbc.sql("SELECT id FROM fund_valuation WHERE fund_id = :fund AND valuation_date = :d")
                .param("fund", fundId)
                .param("d", date)
                .query(Long.class)
                .single();
    }

    Optional<Valuation> valuationAt(long fundId, LocalDate date) {
        return jdbc.sql("SELECT id, fund_id, valuation_date, nav FROM fund_valuation WHERE fund_id = :f"
                        + " AND valuation_date = :d")
                .param("f", fundId)
                .param("d", date)
                .query(Funds::valuation)
                .optional();
    }

    List<Valuation> valuations(long fundId) {
        return jdbc.sql("SELECT id, fund_id, valuation_date, nav FROM fund_valuation WHERE fund_id = :f"
                        + " ORDER BY valuation_date")
                .param("f", fundId)
                .query(Funds::valuation)
                .list();
    }

    // portfolio

    long insertInvestment(
            long fundId,
            long orgId,
            LocalDate date,
            InvestmentType type,
            BigDecimal amount,
            boolean local,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO fund_investment (fund_id, organisation_id, investment_date, investment_type, amount,
                          local_target, created_at)
                        VALUES (:fund, :org, :d, :type, :amount, :local, :at)""")
                .param("fund", fundId)
                .param("org", orgId)
                .param("d", date)
                .param("type", type.name())
                .param("amount", amount)
                .param("local", local)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("fund_investment");
        return keys.getKey().longValue();
    }

    List<Investment> investments(long fundId) {
        return jdbc.sql("""
                        SELECT i.id, i.fund_id, i.organisation_id, o.name, i.investment_date, i.investment_type,
                          i.amount, i.local_target
                        FROM fund_investment i JOIN organisation o ON o.id = i.organisation_id
                        WHERE i.fund_id = :f ORDER BY i.investment_date, i.id""")
                .param("f", fundId)
                .query((rs, n) -> new Investment(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        InvestmentType.valueOf(rs.getString(6)),
                        rs.getBigDecimal(7),
                        rs.getBoolean(8)))
                .list();
    }

    int deleteDemo() {
        List<Long> ids = jdbc.sql("SELECT id FROM fund WHERE demo = TRUE ORDER BY id DESC")
                .query(Long.class)
                .list();
        for (Long id : ids) {
            jdbc.sql("DELETE FROM fund_cash_flow_share WHERE cash_flow_id IN"
                            + " (SELECT id FROM fund_cash_flow WHERE fund_id = :f)")
                    .param("f", id)
                    .update();
            for (String t : List.of("fund_cash_flow", "fund_valuation", "fund_investment", "fund_commitment")) {
                jdbc.sql("DELETE FROM " + t + " WHERE fund_id = :f")
                        .param("f", id)
                        .update();
                totals.changed(t);
            }
            jdbc.sql("DELETE FROM fund_commitment WHERE investor_fund_id = :f")
                    .param("f", id)
                    .update();
            totals.changed("fund_commitment");
            jdbc.sql("DELETE FROM fund WHERE id = :f").param("f", id).update();
            totals.changed("fund");
        }
        return ids.size();
    }

    private static Fund fund(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong(4);
        Long parentId = rs.wasNull() ? null : parent;
        long manager = rs.getLong(8);
        Long managerId = rs.wasNull() ? null : manager;
        return new Fund(
                rs.getLong(1),
                rs.getString(2),
                FundKind.valueOf(rs.getString(3)),
                parentId,
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getInt(7),
                managerId,
                rs.getString(9),
                rs.getBoolean(10),
                rs.getObject(11, OffsetDateTime.class).toInstant());
    }

    private static Commitment commitment(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong(4);
        Long orgId = rs.wasNull() ? null : org;
        long f = rs.getLong(5);
        Long fundId = rs.wasNull() ? null : f;
        return new Commitment(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                orgId,
                fundId,
                rs.getBigDecimal(6),
                rs.getObject(7, LocalDate.class));
    }

    private static Valuation valuation(ResultSet rs, int n) throws SQLException {
        return new Valuation(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4));
    }
}
