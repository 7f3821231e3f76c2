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
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
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
     * {@code countFrom}: the same rows as {@code from} without the joins the WHERE does not use, for
     * the COUNT and SUM (the joined ids are NOT NULL foreign keys, so those joins never drop or
     * repeat a row; with hundreds of thousands of rows they were most of the cost).
     */
    private record Query(
            String from, String amount, String order, String select, Map<String, Object> params, String countFrom) {

        Query(String from, String amount, String order, String select, Map<String, Object> params) {
            this(from, amount, order, select, params, from);
        }
    }

    private final JdbcClient jdbc;

    CapitalFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        var head = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(" + q.amount() + "), 0) " + q.countFrom());
        var list = jdbc.sql(q.select() + " " + q.from() + " ORDER BY " + q.order() + " LIMIT :limit OFFSET :offset");
        for (var e : q.params().entrySet()) {
            head = head.param(e.getKey(), e.getValue());
            list = list.param(e.getKey(), e.getValue());
        }
        Object[] totals = head.query((rs, n) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)})
                .single();
        long total = (Long) totals[0];
        List<Row> rows = total == 0
                ? List.of()
                : list.param("limit", page.size())
                        .param("offset", page.offset())
                        .query(CapitalFigures::row)
                        .list();
        return new SummedPage<>(rows, total, page.page(), page.size(), ((BigDecimal) totals[1]).setScale(2));
    }

    /** The figure: the exact sum over every matching row (the same query as the list). */
    @Transactional(readOnly = true)
    public BigDecimal sum(FigureCriteria c) {
        return search(c, PageRequest.of(0, 1)).sum();
    }

    @Transactional(readOnly = true)
    public void forEach(FigureCriteria c, Consumer<Row> consumer) {
        Query q = query(c);
        var spec = jdbc.sql(q.select() + " " + q.from() + " ORDER BY " + q.order());
        for (var e : q.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query(CapitalFigures::row).stream().forEach(consumer);
    }

    private static Query query(FigureCriteria c) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        switch (c.source()) {
            case COMMITMENTS -> {
                if (c.fundKind() != null) {
                    where.add("f.kind = :fundKind");
                    p.put("fundKind", c.fundKind().name());
                }
                if (c.investorKind() != null) {
                    where.add("c.investor_fund_id IN (SELECT id FROM fund WHERE kind = :investorKind)");
                    p.put("investorKind", c.investorKind().name());
                }
                county(c, "m.county_code", where, p);
                return new Query(
                        "FROM fund_commitment c JOIN fund f ON f.id = c.fund_id"
                                + " LEFT JOIN organisation m ON m.id = f.manager_id" + where(where),
                        "c.amount",
                        "c.id DESC",
                        "SELECT c.id, f.name, c.investor_name, f.kind, c.committed_on, c.amount, m.county_code",
                        p);
            }
            case INVESTMENTS -> {
                where.add("i.investment_type IN ('INITIAL', 'FOLLOW_ON')");
                if (c.fundKind() != null) {
                    where.add("f.kind = :fundKind");
                    p.put("fundKind", c.fundKind().name());
                }
                if (c.local() != null) {
                    where.add("i.local_target = :local");
                    p.put("local", c.local());
                }
                county(c, "o.county_code", where, p);
                return new Query(
                        "FROM fund_investment i JOIN fund f ON f.id = i.fund_id"
                                + " JOIN organisation o ON o.id = i.organisation_id" + where(where),
                        "i.amount",
                        "i.id DESC",
                        "SELECT i.id, f.name, o.name, i.investment_type, i.investment_date, i.amount, o.county_code",
                        p,
                        "FROM fund_investment i JOIN fund f ON f.id = i.fund_id"
                                + (c.county() == null ? "" : " JOIN organisation o ON o.id = i.organisation_id")
                                + where(where));
            }
            case CLAIMS_PAID, CLAIMS_WAITING -> {
                String column = c.source() == FigureCriteria.Source.CLAIMS_PAID ? "l.paid" : "l.waiting";
                where.add(column + " > 0");
                county(c, "e.county_code", where, p);
                return new Query(
                        "FROM risk_loan l JOIN organisation b ON b.id = l.bank_org_id"
                                + " JOIN organisation e ON e.id = l.borrower_org_id" + where(where),
                        column,
                        "l.id DESC",
                        "SELECT l.id, e.name, b.name, l.status, l.claimed_on, " + column + ", e.county_code",
                        p,
                        "FROM risk_loan l"
                                + (c.county() == null ? "" : " JOIN organisation e ON e.id = l.borrower_org_id")
                                + where(where));
            }
            case POOL_LEDGER -> {
                return new Query(
                        "FROM risk_pool_entry p",
                        "p.amount",
                        "p.id DESC",
                        "SELECT p.id, p.entry_kind, p.payer, p.note, p.entry_date, p.amount, NULL",
                        p);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void county(FigureCriteria c, String column, List<String> where, Map<String, Object> p) {
        if (c.county() != null) {
            where.add(column + " = :county");
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
