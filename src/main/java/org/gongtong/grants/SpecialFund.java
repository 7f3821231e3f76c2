package org.gongtong.grants;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.gongtong.grants.GrantRecords.Allocation;
import org.gongtong.grants.GrantRecords.FundSummary;
import org.gongtong.grants.GrantRecords.FundYear;
import org.gongtong.grants.GrantRecords.Movement;
import org.gongtong.grants.GrantRecords.MovementKind;
import org.gongtong.grants.GrantRecords.TargetType;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.gongtong.platform.SummedPage;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The special development fund ledger (专项发展资金). Per fund year: {@code available = budget −
 * committed − paid}, exact. Every change locks the fund-year row ({@code SELECT … FOR UPDATE})
 * first, then changes it with a conditional {@code UPDATE} that only succeeds while the money is
 * there, and the table's CHECK constraint refuses any overspent row whatever the code does; so the
 * fund can never be overspent, also under concurrency. Every movement is written to the movement
 * table and the audit log in the same transaction.
 */
@Service
public class SpecialFund {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** A new fund: name, total and its yearly budgets (which must add up to at most the total). */
    public record FundForm(String name, BigDecimal total, Long ownerOrgId, List<YearBudget> years) {}

    public record YearBudget(Integer year, BigDecimal budget) {}

    public record AllocationForm(
            Long fundId, Integer year, String targetType, Long targetId, BigDecimal amount, String purpose) {}

    public record MoneyForm(BigDecimal amount, String note) {}

    /** Filters of the allocation list; {@code measure} (amount, committed or paid) is what {@code sum} adds. */
    public record AllocationCriteria(Long fundId, Integer year, TargetType targetType, String county, String measure) {}

    private final JdbcClient jdbc;
    private final Registry registry;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    SpecialFund(JdbcClient jdbc, Registry registry, AuditLog audit, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------ funds

    @Transactional
    public FundSummary createFund(FundForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        return createFund(form, false);
    }

    @Transactional
    FundSummary createFund(FundForm form, boolean demo) {
        Forms f = new Forms(messages);
        String name = f.text("name", form.name(), 200);
        BigDecimal total = f.money("total", form.total(), true, true);
        if (form.ownerOrgId() != null && !exists(form.ownerOrgId())) {
            f.reject("ownerOrgId", "grants.organisationUnknown", form.ownerOrgId());
        }
        List<YearBudget> years = form.years() == null ? List.of() : form.years();
        if (years.isEmpty()) {
            f.reject("years", "grants.required");
        }
        BigDecimal sum = ZERO;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < years.size(); i++) {
            YearBudget y = years.get(i);
            if (y == null || y.year() == null || y.year() < 2000 || y.year() > 2100) {
                f.reject("years[" + i + "].year", "grants.yearInvalid");
                continue;
            }
            if (!seen.add(y.year())) {
                f.reject("years[" + i + "].year", "grants.yearTwice", y.year());
            }
            BigDecimal b = f.money("years[" + i + "].budget", y.budget(), true, true);
            if (b != null) {
                sum = sum.add(b);
            }
        }
        if (total != null && sum.compareTo(total) > 0) {
            f.reject("years", "grants.budgetsExceedTotal", sum.toPlainString(), total.toPlainString());
        }
        f.throwIfAny();
        var kh = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO special_fund (name, total, owner_org_id, demo, created_at)
                        VALUES (:name, :total, :owner, :demo, :at)""")
                .param("name", name)
                .param("total", total)
                .param("owner", form.ownerOrgId())
                .param("demo", demo)
                .param("at", Sql.timestamp(clock.instant()))
                .update(kh, "id");
        long id = kh.getKeyAs(Number.class).longValue();
        for (YearBudget y : years) {
            jdbc.sql("INSERT INTO special_fund_year (fund_id, fund_year, budget) VALUES (:f, :y, :b)")
                    .param("f", id)
                    .param("y", y.year())
                    .param("b", y.budget().setScale(2))
                    .update();
        }
        FundSummary s = summary(id);
        audit.record("SPECIAL_FUND_CREATED", "special_fund", id, null, s);
        return s;
    }

    /** The fund allocations draw on by default for a year: the oldest fund with a budget for it. */
    public Optional<Long> defaultFund(Integer year) {
        String where = year == null ? "" : " WHERE id IN (SELECT fund_id FROM special_fund_year WHERE fund_year = :y)";
        var spec = jdbc.sql("SELECT id FROM special_fund" + where + " ORDER BY id FETCH FIRST 1 ROWS ONLY");
        if (year != null) {
            spec = spec.param("y", year);
        }
        return spec.query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public FundSummary summary(Long fundId, Actor actor) {
        Long id = fundId != null
                ? fundId
                : defaultFund(null).orElseThrow(() -> DomainException.notFound("grants.noFund"));
        return summary(id);
    }

    FundSummary summary(long fundId) {
        var fund = jdbc.sql("SELECT name, total FROM special_fund WHERE id = :id")
                .param("id", fundId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                .optional()
                .orElseThrow(() -> DomainException.notFound("grants.fundUnknown", fundId));
        List<FundYear> years = years(fundId);
        BigDecimal budgeted = ZERO, committed = ZERO, paid = ZERO, available = ZERO;
        for (FundYear y : years) {
            budgeted = budgeted.add(y.budget());
            committed = committed.add(y.committed());
            paid = paid.add(y.paid());
            available = available.add(y.available());
        }
        return new FundSummary(fundId, fund.getKey(), fund.getValue(), budgeted, committed, paid, available, years);
    }

    List<FundYear> years(long fundId) {
        return jdbc.sql("""
                        SELECT fund_year, budget, committed, paid FROM special_fund_year
                        WHERE fund_id = :f ORDER BY fund_year""")
                .param("f", fundId)
                .query((rs, n) -> new FundYear(
                        rs.getInt(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(2).subtract(rs.getBigDecimal(3)).subtract(rs.getBigDecimal(4))))
                .list();
    }

    /** Years of all funds (or one), with {@code sum} over the measure budget or available. */
    @Transactional(readOnly = true)
    public SummedPage<FundYear> yearRows(Long fundId, String county, String measure, PageRequest page) {
        if (county != null) {
            // budgets belong to the city, not to any county
            return new SummedPage<>(List.of(), 0, page.page(), page.size(), ZERO);
        }
        String where = fundId == null ? "" : " WHERE fund_id = :f";
        var spec = jdbc.sql("SELECT fund_year, budget, committed, paid FROM special_fund_year" + where
                + " ORDER BY fund_id, fund_year");
        if (fundId != null) {
            spec = spec.param("f", fundId);
        }
        List<FundYear> all = spec.query((rs, n) -> new FundYear(
                        rs.getInt(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(2).subtract(rs.getBigDecimal(3)).subtract(rs.getBigDecimal(4))))
                .list();
        BigDecimal sum = ZERO;
        for (FundYear y : all) {
            sum = sum.add("available".equals(measure) ? y.available() : y.budget());
        }
        int from = (int) Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.size());
        return new SummedPage<>(all.subList(from, to), all.size(), page.page(), page.size(), sum);
    }

    // ------------------------------------------------------------ allocations

    /** Allocates money of a fund year to a programme, an institution or an organisation; 409 when it would overspend. */
    @Transactional
    public Allocation allocate(AllocationForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        return allocate(form, actor, false);
    }

    @Transactional
    Allocation allocate(AllocationForm form, Actor actor, boolean demo) {
        Forms f = new Forms(messages);
        if (form.year() == null) {
            f.reject("year", "grants.required");
        }
        TargetType type = f.choice("targetType", form.targetType(), TargetType.class, true);
        if (form.targetId() == null) {
            f.reject("targetId", "grants.required");
        }
        BigDecimal amount = f.money("amount", form.amount(), true, false);
        String purpose = form.purpose() == null || form.purpose().isBlank()
                ? null
                : form.purpose().strip();
        if (purpose != null && purpose.length() > 500) {
            f.reject("purpose", "grants.tooLong", 500);
        }
        String name = null;
        Long orgId = null;
        String county = null;
        if (type != null && form.targetId() != null) {
            switch (type) {
                case ORGANISATION -> {
                    Organisation o = organisation(form.targetId());
                    if (o == null) {
                        f.reject("targetId", "grants.organisationUnknown", form.targetId());
                    } else {
                        name = o.name();
                        orgId = o.id();
                        county = o.county();
                    }
                }
                case PROGRAMME -> {
                    name = jdbc.sql("SELECT name FROM grant_programme WHERE id = :id")
                            .param("id", form.targetId())
                            .query(String.class)
                            .optional()
                            .orElse(null);
                    if (name == null) {
                        f.reject("targetId", "grants.programmeUnknown", form.targetId());
                    }
                }
                case INSTITUTION -> {
                    // R&D institutions live in the network module; the id is recorded as given
                    if (form.targetId() <= 0) {
                        f.reject("targetId", "grants.positive");
                    }
                }
            }
        }
        Long fundId = form.fundId();
        if (fundId == null && form.year() != null) {
            fundId = defaultFund(form.year()).orElse(null);
        }
        if (form.year() != null && fundId == null) {
            f.reject("year", "grants.yearNotBudgeted", form.year());
        }
        f.throwIfAny();
        return commit(fundId, form.year(), type, form.targetId(), name, orgId, county, amount, purpose, null, demo);
    }

    /**
     * Commits {@code amount} of a fund year: lock the year, then a conditional update that only
     * succeeds while {@code budget − committed − paid ≥ amount}.
     */
    Allocation commit(
            long fundId,
            int year,
            TargetType type,
            long targetId,
            String name,
            Long orgId,
            String county,
            BigDecimal amount,
            String purpose,
            Long grantId,
            boolean demo) {
        long yearId = lockYear(fundId, year);
        int n = jdbc.sql("""
                        UPDATE special_fund_year SET committed = committed + :a
                        WHERE id = :id AND budget - committed - paid >= :a""").param("a", amount).param("id", yearId).update();
        if (n == 0) {
            throw overspend(yearId, amount);
        }
        long id = insertAllocation(
                fundId, year, type, targetId, name, orgId, county, amount, purpose, null, grantId, demo);
        movement(fundId, year, id, MovementKind.COMMIT, amount, null, purpose);
        Allocation a = find(id);
        audit.record("SPECIAL_FUND_ALLOCATED", "special_fund_allocation", id, null, a);
        return a;
    }

    /**
     * Commits money for a grant: carved out of the programme's own allocation for that year when it
     * still holds enough (the fund year does not change), otherwise straight from the fund year.
     */
    Allocation commitForGrant(
            long fundId,
            int year,
            long programmeId,
            long grantId,
            Organisation grantee,
            BigDecimal amount,
            String purpose) {
        long yearId = lockYear(fundId, year);
        Long envelope = jdbc.sql("""
                        SELECT id FROM special_fund_allocation
                        WHERE fund_id = :f AND fund_year = :y AND target_type = 'PROGRAMME' AND target_id = :p
                          AND amount - paid >= :a
                        ORDER BY id FETCH FIRST 1 ROWS ONLY""")
                .param("f", fundId)
                .param("y", year)
                .param("p", programmeId)
                .param("a", amount)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (envelope != null) {
            int n = jdbc.sql(
                            "UPDATE special_fund_allocation SET amount = amount - :a WHERE id = :id AND amount - paid >= :a")
                    .param("a", amount)
                    .param("id", envelope)
                    .update();
            if (n == 1) {
                long id = insertAllocation(
                        fundId,
                        year,
                        TargetType.ORGANISATION,
                        grantee.id(),
                        grantee.name(),
                        grantee.id(),
                        grantee.county(),
                        amount,
                        purpose,
                        envelope,
                        grantId,
                        false);
                movement(fundId, year, id, MovementKind.CARVE, amount, null, purpose);
                Allocation a = find(id);
                audit.record(
                        "SPECIAL_FUND_ALLOCATED", "special_fund_allocation", id, Map.of("carvedFrom", envelope), a);
                return a;
            }
        }
        int n = jdbc.sql("""
                        UPDATE special_fund_year SET committed = committed + :a
                        WHERE id = :id AND budget - committed - paid >= :a""").param("a", amount).param("id", yearId).update();
        if (n == 0) {
            throw overspend(yearId, amount);
        }
        long id = insertAllocation(
                fundId,
                year,
                TargetType.ORGANISATION,
                grantee.id(),
                grantee.name(),
                grantee.id(),
                grantee.county(),
                amount,
                purpose,
                null,
                grantId,
                false);
        movement(fundId, year, id, MovementKind.COMMIT, amount, null, purpose);
        Allocation a = find(id);
        audit.record("SPECIAL_FUND_ALLOCATED", "special_fund_allocation", id, null, a);
        return a;
    }

    /** Pays part of an allocation: committed → paid, never more than is committed to it. */
    @Transactional
    public Allocation disburse(long allocationId, MoneyForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Forms f = new Forms(messages);
        BigDecimal amount = f.money("amount", form.amount(), true, false);
        f.throwIfAny();
        return pay(allocationId, amount, null, form.note());
    }

    Allocation pay(long allocationId, BigDecimal amount, Long trancheId, String note) {
        Allocation before = find(allocationId);
        long yearId = lockYear(before.fundId(), before.year());
        int n = jdbc.sql("UPDATE special_fund_allocation SET paid = paid + :a WHERE id = :id AND amount - paid >= :a")
                .param("a", amount)
                .param("id", allocationId)
                .update();
        if (n == 0) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "grants.payExceedsCommitment",
                    null,
                    Map.of("committed", find(allocationId).committed()),
                    amount.toPlainString(),
                    find(allocationId).committed().toPlainString());
        }
        int y = jdbc.sql("""
                        UPDATE special_fund_year SET committed = committed - :a, paid = paid + :a
                        WHERE id = :id AND committed >= :a""").param("a", amount).param("id", yearId).update();
        if (y == 0) {
            throw new IllegalStateException(
                    "fund year " + yearId + " holds less committed than allocation " + allocationId);
        }
        movement(before.fundId(), before.year(), allocationId, MovementKind.PAY, amount, trancheId, note);
        Allocation after = find(allocationId);
        audit.record("SPECIAL_FUND_PAID", "special_fund_allocation", allocationId, before, after, note);
        return after;
    }

    /** Gives the unpaid part of an allocation (all of it when amount is null) back to the fund year. */
    @Transactional
    public Allocation release(long allocationId, MoneyForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Forms f = new Forms(messages);
        BigDecimal amount = f.money("amount", form == null ? null : form.amount(), false, false);
        f.throwIfAny();
        Allocation a = find(allocationId);
        return release(allocationId, amount == null ? a.committed() : amount, null, form == null ? null : form.note());
    }

    Allocation release(long allocationId, BigDecimal amount, Long trancheId, String note) {
        Allocation before = find(allocationId);
        if (amount.signum() == 0) {
            return before;
        }
        long yearId = lockYear(before.fundId(), before.year());
        int n = jdbc.sql(
                        "UPDATE special_fund_allocation SET amount = amount - :a WHERE id = :id AND amount - paid >= :a")
                .param("a", amount)
                .param("id", allocationId)
                .update();
        if (n == 0) {
            throw DomainException.conflict("grants.releaseExceedsCommitment", amount.toPlainString());
        }
        int y = jdbc.sql("UPDATE special_fund_year SET committed = committed - :a WHERE id = :id AND committed >= :a")
                .param("a", amount)
                .param("id", yearId)
                .update();
        if (y == 0) {
            throw new IllegalStateException(
                    "fund year " + yearId + " holds less committed than allocation " + allocationId);
        }
        movement(before.fundId(), before.year(), allocationId, MovementKind.RELEASE, amount, trancheId, note);
        Allocation after = find(allocationId);
        audit.record("SPECIAL_FUND_RELEASED", "special_fund_allocation", allocationId, before, after, note);
        return after;
    }

    /** Money paid out comes back (claw-back, returned payment): paid and the allocation both shrink. */
    Allocation clawBack(long allocationId, BigDecimal amount, Long trancheId, String note) {
        Allocation before = find(allocationId);
        if (amount.signum() == 0) {
            return before;
        }
        long yearId = lockYear(before.fundId(), before.year());
        int n = jdbc.sql("""
                        UPDATE special_fund_allocation SET paid = paid - :a, amount = amount - :a
                        WHERE id = :id AND paid >= :a""").param("a", amount).param("id", allocationId).update();
        if (n == 0) {
            throw DomainException.conflict("grants.clawBackExceedsPaid", amount.toPlainString());
        }
        int y = jdbc.sql("UPDATE special_fund_year SET paid = paid - :a WHERE id = :id AND paid >= :a")
                .param("a", amount)
                .param("id", yearId)
                .update();
        if (y == 0) {
            throw new IllegalStateException("fund year " + yearId + " holds less paid than allocation " + allocationId);
        }
        movement(before.fundId(), before.year(), allocationId, MovementKind.CLAW_BACK, amount, trancheId, note);
        Allocation after = find(allocationId);
        audit.record("SPECIAL_FUND_CLAWED_BACK", "special_fund_allocation", allocationId, before, after, note);
        return after;
    }

    private long lockYear(long fundId, int year) {
        return jdbc.sql("SELECT id FROM special_fund_year WHERE fund_id = :f AND fund_year = :y FOR UPDATE")
                .param("f", fundId)
                .param("y", year)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.invalid("year", "grants.yearNotBudgeted", year));
    }

    private DomainException overspend(long yearId, BigDecimal amount) {
        BigDecimal available = jdbc.sql("SELECT budget - committed - paid FROM special_fund_year WHERE id = :id")
                .param("id", yearId)
                .query(BigDecimal.class)
                .single()
                .setScale(2);
        return new DomainException(
                HttpStatus.CONFLICT,
                "grants.overspend",
                null,
                Map.of("available", available, "requested", amount),
                amount.toPlainString(),
                available.toPlainString());
    }

    private long insertAllocation(
            long fundId,
            int year,
            TargetType type,
            long targetId,
            String name,
            Long orgId,
            String county,
            BigDecimal amount,
            String purpose,
            Long parentId,
            Long grantId,
            boolean demo) {
        var kh = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO special_fund_allocation (fund_id, fund_year, target_type, target_id, target_name,
                          target_org_id, county, amount, paid, purpose, parent_id, grant_id, demo, created_by, created_at)
                        VALUES (:f, :y, :type, :target, :name, :org, :county, :amount, 0, :purpose, :parent, :grant,
                          :demo, :by, :at)""")
                .param("f", fundId)
                .param("y", year)
                .param("type", type.name())
                .param("target", targetId)
                .param("name", name)
                .param("org", orgId)
                .param("county", county)
                .param("amount", amount)
                .param("purpose", purpose)
                .param("parent", parentId)
                .param("grant", grantId)
                .param("demo", demo)
                .param("by", Actor.currentOrSystem().username())
                .param("at", Sql.timestamp(clock.instant()))
                .update(kh, "id");
        return kh.getKeyAs(Number.class).longValue();
    }

    private void movement(
            long fundId,
            int year,
            long allocationId,
            MovementKind kind,
            BigDecimal amount,
            Long trancheId,
            String note) {
        jdbc.sql("""
                        INSERT INTO special_fund_movement (fund_id, fund_year, allocation_id, kind, amount, tranche_id,
                          note, occurred_at)
                        VALUES (:f, :y, :a, :kind, :amount, :t, :note, :at)""")
                .param("f", fundId)
                .param("y", year)
                .param("a", allocationId)
                .param("kind", kind.name())
                .param("amount", amount)
                .param("t", trancheId)
                .param("note", note == null || note.length() <= 500 ? note : note.substring(0, 500))
                .param("at", Sql.timestamp(clock.instant()))
                .update();
    }

    // ------------------------------------------------------------ reading

    private static final String ALLOCATION_COLUMNS =
            "id, fund_id, fund_year, target_type, target_id, target_name, target_org_id, county, amount, paid,"
                    + " purpose, parent_id, grant_id, created_at";

    static Allocation mapAllocation(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal paid = rs.getBigDecimal("paid");
        long org = rs.getLong("target_org_id");
        Long orgId = rs.wasNull() ? null : org;
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long grant = rs.getLong("grant_id");
        Long grantId = rs.wasNull() ? null : grant;
        return new Allocation(
                rs.getLong("id"),
                rs.getLong("fund_id"),
                rs.getInt("fund_year"),
                TargetType.valueOf(rs.getString("target_type")),
                rs.getLong("target_id"),
                rs.getString("target_name"),
                orgId,
                rs.getString("county"),
                amount,
                paid,
                amount.subtract(paid),
                rs.getString("purpose"),
                parentId,
                grantId,
                Sql.instant(rs, "created_at"));
    }

    Allocation find(long id) {
        return jdbc.sql("SELECT " + ALLOCATION_COLUMNS + " FROM special_fund_allocation WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> mapAllocation(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound("grants.allocationUnknown", id));
    }

    @Transactional(readOnly = true)
    public Allocation allocation(long id, Actor actor) {
        Allocation a = find(id);
        if (!GrantsAccess.canSee(actor, a.targetOrgId(), a.county())) {
            throw DomainException.notFound("grants.allocationUnknown", id);
        }
        return a;
    }

    private record Where(String sql, Map<String, Object> params) {}

    private Where where(AllocationCriteria c, Actor actor) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (c.fundId() != null) {
            sql.append(" AND fund_id = :fund");
            p.put("fund", c.fundId());
        }
        if (c.year() != null) {
            sql.append(" AND fund_year = :year");
            p.put("year", c.year());
        }
        if (c.targetType() != null) {
            sql.append(" AND target_type = :type");
            p.put("type", c.targetType().name());
        }
        String county = c.county();
        String forced = actor == null ? null : GrantsAccess.forcedCounty(actor);
        if (forced != null) {
            county = forced;
        }
        if (county != null) {
            sql.append(" AND county = :county");
            p.put("county", county);
        }
        if (actor != null && !GrantsAccess.seesAll(actor) && forced == null) {
            sql.append(" AND target_org_id = :own");
            p.put("own", actor.organisationId() == null ? -1L : actor.organisationId());
        }
        switch (measure(c.measure())) {
            case "committed" -> sql.append(" AND amount - paid > 0");
            case "paid" -> sql.append(" AND paid > 0");
            default -> sql.append(" AND amount > 0");
        }
        return new Where(sql.toString(), p);
    }

    private static String measure(String m) {
        return m == null
                ? "amount"
                : switch (m) {
                    case "committed", "paid" -> m;
                    default -> "amount";
                };
    }

    private static String sumExpression(String measure) {
        return switch (measure(measure)) {
            case "committed" -> "amount - paid";
            case "paid" -> "paid";
            default -> "amount";
        };
    }

    /** Allocations matching the criteria; {@code sum} adds the measure over all of them (not only the page). */
    @Transactional(readOnly = true)
    public SummedPage<Allocation> allocations(AllocationCriteria c, PageRequest page, Actor actor) {
        Where w = where(c, actor);
        var count = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(" + sumExpression(c.measure())
                + "), 0) FROM special_fund_allocation" + w.sql());
        for (var e : w.params().entrySet()) {
            count = count.param(e.getKey(), e.getValue());
        }
        var totals = count.query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2)))
                .single();
        var list = jdbc.sql("SELECT " + ALLOCATION_COLUMNS + " FROM special_fund_allocation" + w.sql()
                + " ORDER BY id DESC OFFSET :off ROWS FETCH FIRST :n ROWS ONLY");
        for (var e : w.params().entrySet()) {
            list = list.param(e.getKey(), e.getValue());
        }
        List<Allocation> rows = list.param("off", page.offset())
                .param("n", page.size())
                .query((rs, n) -> mapAllocation(rs))
                .list();
        return SummedPage.of(
                new PageResult<>(rows, totals.getKey(), page.page(), page.size()),
                totals.getValue().setScale(2));
    }

    /** The value behind an indicator: the same criteria as {@link #allocations}, summed. */
    BigDecimal sum(AllocationCriteria c) {
        Where w = where(c, null);
        var q = jdbc.sql(
                "SELECT COALESCE(SUM(" + sumExpression(c.measure()) + "), 0) FROM special_fund_allocation" + w.sql());
        for (var e : w.params().entrySet()) {
            q = q.param(e.getKey(), e.getValue());
        }
        return q.query(BigDecimal.class).single().setScale(2);
    }

    @Transactional(readOnly = true)
    public void forEachAllocation(AllocationCriteria c, Actor actor, Consumer<Allocation> consumer) {
        Where w = where(c, actor);
        var list =
                jdbc.sql("SELECT " + ALLOCATION_COLUMNS + " FROM special_fund_allocation" + w.sql() + " ORDER BY id");
        for (var e : w.params().entrySet()) {
            list = list.param(e.getKey(), e.getValue());
        }
        list.query((rs, n) -> mapAllocation(rs)).list().forEach(consumer);
    }

    @Transactional(readOnly = true)
    public List<Movement> movements(Long fundId, Long allocationId, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        StringBuilder sql = new StringBuilder("""
                SELECT m.id, m.fund_year, m.allocation_id, a.target_name, m.kind, m.amount, m.tranche_id, m.note,
                  m.occurred_at
                FROM special_fund_movement m JOIN special_fund_allocation a ON a.id = m.allocation_id WHERE 1 = 1""");
        Map<String, Object> p = new LinkedHashMap<>();
        if (fundId != null) {
            sql.append(" AND m.fund_id = :f");
            p.put("f", fundId);
        }
        if (allocationId != null) {
            sql.append(" AND m.allocation_id = :a");
            p.put("a", allocationId);
        }
        sql.append(" ORDER BY m.id DESC FETCH FIRST 2000 ROWS ONLY");
        var q = jdbc.sql(sql.toString());
        for (var e : p.entrySet()) {
            q = q.param(e.getKey(), e.getValue());
        }
        return q.query((rs, n) -> {
                    long t = rs.getLong(7);
                    Long tranche = rs.wasNull() ? null : t;
                    return new Movement(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getString(4),
                            MovementKind.valueOf(rs.getString(5)),
                            rs.getBigDecimal(6),
                            tranche,
                            rs.getString(8),
                            Sql.instant(rs, "occurred_at"));
                })
                .list();
    }

    // ------------------------------------------------------------ demo

    int deleteDemo() {
        List<Long> funds = jdbc.sql("SELECT id FROM special_fund WHERE demo = TRUE")
                .query(Long.class)
                .list();
        int n = 0;
        for (Long f : funds) {
            jdbc.sql("UPDATE grant_programme SET fund_id = NULL WHERE fund_id = :f")
                    .param("f", f)
                    .update();
            jdbc.sql("""
                            UPDATE grant_award SET allocation_id = NULL
                            WHERE allocation_id IN (SELECT id FROM special_fund_allocation WHERE fund_id = :f)""").param("f", f).update();
            jdbc.sql("DELETE FROM special_fund_movement WHERE fund_id = :f")
                    .param("f", f)
                    .update();
            jdbc.sql("UPDATE special_fund_allocation SET parent_id = NULL WHERE fund_id = :f")
                    .param("f", f)
                    .update();
            jdbc.sql("DELETE FROM special_fund_allocation WHERE fund_id = :f")
                    .param("f", f)
                    .update();
            jdbc.sql("DELETE FROM special_fund_year WHERE fund_id = :f")
                    .param("f", f)
                    .update();
            n += jdbc.sql("DELETE FROM special_fund WHERE id = :f")
                    .param("f", f)
                    .update();
        }
        return n;
    }

    Optional<Long> fundIdByName(String name) {
        return jdbc.sql("SELECT id FROM special_fund WHERE name = :n ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("n", name)
                .query(Long.class)
                .optional();
    }

    private Organisation organisation(long id) {
        try {
            return registry.find(id);
        } catch (DomainException e) {
            return null;
        }
    }

    private boolean exists(long id) {
        return organisation(id) != null;
    }
}
