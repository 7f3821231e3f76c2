package org.gongtong.capital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.insight.Totals;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.Sql;
import org.gongtong.platform.SummedPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money rows behind capital's dashboard figures, each list with the exact sum over every
 * matching row ({@link SummedPage}): the value of a figure is the {@code sum} of its first page, so
 * figure and list run the same SQL.
 */
@Service
public class CapitalFigures {

    /** One row of any of the lists: what, who, when, how much, where. */
    public record Row(
            long id,
            String subject,
            String counterpart,
            String detail,
            LocalDate date,
            BigDecimal amount,
            String county) {}

    /**
     * One list: {@code base} is its one table (alias and all) and {@code where} filters it with
     * conditions on that table and subqueries only, so the COUNT/SUM and the page's ids come from the
     * table alone (H2 walks its key newest first and stops at the page; joining the fund or the
     * organisations first made it sort every matching row, seconds for 200,000 investments);
     * {@code joins} add the names for the page's rows. The joined ids are NOT NULL foreign keys, so the
     * joins never drop or repeat a row.
     */
    private record Query(
            String base,
            String joins,
            String where,
            String id,
            String amount,
            String select,
            Map<String, Object> params,
            String... tables) {

        String order() {
            return id + " DESC";
        }
    }

    private final JdbcClient jdbc;
    private final Totals totals;

    CapitalFigures(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /** Oversight roles only; a county officer gets its own county (403 for another). */
    public FigureCriteria scoped(FigureCriteria c, Actor actor) {
        if (CapitalAccess.managesAll(actor) || actor.role() == Role.COUNCIL_MEMBER) {
            return c;
        }
        if (actor.role() == Role.COUNTY_OFFICER && actor.county() != null) {
            if (c.county() != null && !c.county().equals(actor.county())) {
                throw DomainException.forbidden("problem.forbidden");
            }
            return c.source() == FigureCriteria.Source.POOL_LEDGER ? c : c.withCounty(actor.county());
        }
        throw DomainException.forbidden("problem.forbidden");
    }

    @Transactional(readOnly = true)
    public SummedPage<Row> search(FigureCriteria c, PageRequest page) {
        Query q = query(c);
        Totals.CountAndSum head = totals.countAndSum(
                "SELECT COUNT(*), COALESCE(SUM(" + q.amount() + "), 0) FROM " + q.base() + q.where(),
                q.params(),
                q.tables());
        long total = head.count();
        List<Row> rows = total == 0
                ? List.of()
                : Sql.pageByIds(
                        jdbc,
                        "SELECT " + q.id() + " FROM " + q.base() + q.where() + " ORDER BY " + q.order(),
                        q.params(),
                        page,
                        q.select() + " FROM " + q.base() + q.joins() + " WHERE " + q.id() + " IN (:ids) ORDER BY "
                                + q.order(),
                        CapitalFigures::row);
        return new SummedPage<>(
                rows, total, page.page(), page.size(), head.sum().setScale(2));
    }

    /** The figure: the exact sum over every matching row (the same query as the list). */
    @Transactional(readOnly = true)
    public BigDecimal sum(FigureCriteria c) {
        return search(c, new PageRequest(0, 0)).sum();
    }

    @Transactional(readOnly = true)
    public void forEach(FigureCriteria c, Consumer<Row> consumer) {
        Query q = query(c);
        jdbc
                .sql(q.select() + " FROM " + q.base() + q.joins() + q.where() + " ORDER BY " + q.order())
                .params(q.params())
                .query(CapitalFigures::row)
                .stream()
                .forEach(consumer);
    }

    private static Query query(FigureCriteria c) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        switch (c.source()) {
            case COMMITMENTS -> {
                if (c.fundKind() != null) {
                    where.add("EXISTS (SELECT 1 FROM fund fk WHERE fk.id = c.fund_id AND fk.kind = :fundKind)");
                    p.put("fundKind", c.fundKind().name());
                }
                if (c.investorKind() != null) {
                    where.add("c.investor_fund_id IN (SELECT id FROM fund WHERE kind = :investorKind)");
                    p.put("investorKind", c.investorKind().name());
                }
                // the sub-fund manager's county (a fund without a manager has none)
                county(
                        c,
                        "SELECT 1 FROM fund fm JOIN organisation oc ON oc.id = fm.manager_id WHERE fm.id = c.fund_id",
                        where,
                        p);
                return new Query(
                        "fund_commitment c",
                        " JOIN fund f ON f.id = c.fund_id LEFT JOIN organisation m ON m.id = f.manager_id",
                        where(where),
                        "c.id",
                        "c.amount",
                        "SELECT c.id, f.name, c.investor_name, f.kind, c.committed_on, c.amount, m.county_code",
                        p,
                        "fund_commitment",
                        "fund");
            }
            case INVESTMENTS -> {
                where.add("i.investment_type IN ('INITIAL', 'FOLLOW_ON')");
                if (c.fundKind() != null) {
                    // EXISTS, not IN (SELECT …): with IN, H2 fetched every investment of those funds by the
                    // fund index and sorted them (5 s); EXISTS is checked row by row on the walk by id
                    where.add("EXISTS (SELECT 1 FROM fund fk WHERE fk.id = i.fund_id AND fk.kind = :fundKind)");
                    p.put("fundKind", c.fundKind().name());
                }
                if (c.local() != null) {
                    where.add("i.local_target = :local");
                    p.put("local", c.local());
                }
                county(c, "SELECT 1 FROM organisation oc WHERE oc.id = i.organisation_id", where, p);
                return new Query(
                        "fund_investment i",
                        " JOIN fund f ON f.id = i.fund_id JOIN organisation o ON o.id = i.organisation_id",
                        where(where),
                        "i.id",
                        "i.amount",
                        "SELECT i.id, f.name, o.name, i.investment_type, i.investment_date, i.amount, o.county_code",
                        p,
                        "fund_investment",
                        "fund");
            }
            case CLAIMS_PAID, CLAIMS_WAITING -> {
                String column = c.source() == FigureCriteria.Source.CLAIMS_PAID ? "l.paid" : "l.waiting";
                where.add(column + " > 0");
                county(c, "SELECT 1 FROM organisation oc WHERE oc.id = l.borrower_org_id", where, p);
                return new Query(
                        "risk_loan l",
                        " JOIN organisation b ON b.id = l.bank_org_id JOIN organisation e ON e.id = l.borrower_org_id",
                        where(where),
                        "l.id",
                        column,
                        "SELECT l.id, e.name, b.name, l.status, l.claimed_on, " + column + ", e.county_code",
                        p,
                        "risk_loan");
            }
            case POOL_LEDGER -> {
                return new Query(
                        "risk_pool_entry p",
                        "",
                        "",
                        "p.id",
                        "p.amount",
                        "SELECT p.id, p.entry_kind, p.payer, p.note, p.entry_date, p.amount, NULL",
                        p,
                        "risk_pool_entry");
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The county as an EXISTS over the organisation ({@code owner} names it, alias oc). */
    private static void county(FigureCriteria c, String owner, List<String> where, Map<String, Object> p) {
        if (c.county() != null) {
            where.add("EXISTS (" + owner + " AND oc.county_code = :county)");
            p.put("county", c.county());
        }
    }

    private static String where(List<String> parts) {
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                rs.getBigDecimal(6),
                rs.getString(7));
    }
}
