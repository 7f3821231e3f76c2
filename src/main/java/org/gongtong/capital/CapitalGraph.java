package org.gongtong.capital;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.insight.CollaborationEdges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Capital's part of the collaboration graph: a fund's manager to each firm it invested in
 * (INVESTMENT, the amount), an investor organisation to the manager of the fund it committed to
 * (INVESTMENT), and a partner bank to each borrower whose loan it filed (LOAN, the principal).
 */
@Component
class CapitalGraph implements CollaborationEdges {

    private final JdbcClient jdbc;

    CapitalGraph(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Edge> edges(LocalDate from, LocalDate to) {
        List<Edge> out = new ArrayList<>();
        out.addAll(query(
                "SELECT f.manager_id, i.organisation_id, i.amount, i.investment_date FROM fund_investment i"
                        + " JOIN fund f ON f.id = i.fund_id WHERE f.manager_id IS NOT NULL"
                        + " AND i.investment_type IN ('INITIAL', 'FOLLOW_ON')",
                "i.investment_date",
                "INVESTMENT",
                from,
                to));
        out.addAll(query(
                "SELECT c.investor_org_id, f.manager_id, c.amount, c.committed_on FROM fund_commitment c"
                        + " JOIN fund f ON f.id = c.fund_id WHERE f.manager_id IS NOT NULL"
                        + " AND c.investor_org_id IS NOT NULL",
                "c.committed_on",
                "INVESTMENT",
                from,
                to));
        out.addAll(query(
                "SELECT l.bank_org_id, l.borrower_org_id, l.principal, l.disbursed_on FROM risk_loan l WHERE 1 = 1",
                "l.disbursed_on",
                "LOAN",
                from,
                to));
        return out;
    }

    private List<Edge> query(String sql, String dateColumn, String kind, LocalDate from, LocalDate to) {
        String s = sql
                + (from == null ? "" : " AND " + dateColumn + " >= :from")
                + (to == null ? "" : " AND " + dateColumn + " <= :to");
        var spec = jdbc.sql(s);
        if (from != null) {
            spec = spec.param("from", from);
        }
        if (to != null) {
            spec = spec.param("to", to);
        }
        return spec.query((rs, n) -> new Edge(
                        rs.getLong(1), rs.getLong(2), kind, rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)))
                .list();
    }
}
