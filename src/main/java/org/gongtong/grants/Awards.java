package org.gongtong.grants;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gongtong.grants.GrantRecords.Allocation;
import org.gongtong.grants.GrantRecords.Application;
import org.gongtong.grants.GrantRecords.Assessment;
import org.gongtong.grants.GrantRecords.AssessmentLine;
import org.gongtong.grants.GrantRecords.Award;
import org.gongtong.grants.GrantRecords.AwardStatus;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.GrantRecords.Outcome;
import org.gongtong.grants.GrantRecords.Programme;
import org.gongtong.grants.GrantRecords.ReportStatus;
import org.gongtong.grants.GrantRecords.Target;
import org.gongtong.grants.GrantRecords.Tranche;
import org.gongtong.grants.GrantRecords.TrancheStatus;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.gongtong.notifications.NotificationRequested.Category;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.SummedPage;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants after the decision: the target agreement (indicators with yearly targets), tranches with
 * conditions, the annual assessment (score per indicator, outcome by the configurable rules, the
 * county's matching share beside the city's), payments scheduled → approved → paid (or returned,
 * cancelled) through the special fund ledger, the final report and closing. Money moves in the
 * ledger first (it locks the fund year), then the grant's rows and the audit log, always in that
 * order, so parallel work queues instead of deadlocking.
 */
@Service
public class Awards {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public record TargetForm(String indicator, Integer year, BigDecimal targetValue, BigDecimal weight) {}

    public record TrancheForm(BigDecimal amount, String dueOn, Integer conditionYear, BigDecimal conditionMinScore) {}

    public record DecisionForm(
            BigDecimal approvedAmount, String conditions, List<TargetForm> targets, List<TrancheForm> tranches) {}

    public record AssessmentForm(Integer year, Map<Long, BigDecimal> actuals) {}

    public record TrancheCriteria(TrancheStatus status, String county, Long awardId) {}

    private final JdbcClient jdbc;
    private final Grants grants;
    private final SpecialFund fund;
    private final Registry registry;
    private final GrantsSettings settings;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    Awards(
            JdbcClient jdbc,
            Grants grants,
            SpecialFund fund,
            Registry registry,
            GrantsSettings settings,
            AuditLog audit,
            Messages messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.fund = fund;
        this.registry = registry;
        this.settings = settings;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------ decision

    /**
     * Approves an application: the approved amount is committed from the special fund (409 with
     * the available amount when it is not there), the target agreement and tranches are recorded.
     * Without tranches: two halves, the second after the first year's assessment scores at least
     * the reduced-pay threshold. Without targets: one R&D-spend target per year of the tranches.
     */
    @Transactional
    public Award decide(long applicationId, DecisionForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Application a = grants.decidable(applicationId);
        Programme p = grants.programme(a.programmeId());
        Forms f = new Forms(messages);
        BigDecimal amount = f.money("approvedAmount", form.approvedAmount(), true, false);
        if (amount != null && a.requestedAmount() != null && amount.compareTo(a.requestedAmount()) > 0) {
            f.reject(
                    "approvedAmount",
                    "grants.aboveRequested",
                    a.requestedAmount().toPlainString());
        }
        if (amount != null && amount.compareTo(p.maxAmount()) > 0) {
            f.reject("approvedAmount", "grants.aboveMax", p.maxAmount().toPlainString());
        }
        String conditions = form.conditions() == null ? null : form.conditions().strip();
        if (conditions != null && conditions.length() > 2000) {
            f.reject("conditions", "grants.tooLong", 2000);
        }
        LocalDate today = grants.today();
        List<TrancheForm> tranches = form.tranches();
        if (amount != null && (tranches == null || tranches.isEmpty())) {
            BigDecimal first = amount.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
            tranches = List.of(
                    new TrancheForm(first, today.plusDays(30).toString(), null, null),
                    new TrancheForm(
                            amount.subtract(first),
                            today.plusYears(1).plusDays(60).toString(),
                            1,
                            settings.decimal("assessment.reducedPayMin")));
        }
        List<LocalDate> due = new ArrayList<>();
        BigDecimal trancheSum = ZERO;
        for (int i = 0; tranches != null && i < tranches.size(); i++) {
            TrancheForm t = tranches.get(i);
            BigDecimal m = f.money("tranches[" + i + "].amount", t.amount(), true, false);
            if (m != null) {
                trancheSum = trancheSum.add(m);
            }
            due.add(f.date("tranches[" + i + "].dueOn", t.dueOn(), true));
            if (t.conditionYear() != null && (t.conditionYear() < 1 || t.conditionYear() > 10)) {
                f.reject("tranches[" + i + "].conditionYear", "grants.yearInvalid");
            }
        }
        if (amount != null && tranches != null && trancheSum.compareTo(amount) != 0) {
            f.reject("tranches", "grants.tranchesSum", trancheSum.toPlainString(), amount.toPlainString());
        }
        List<TargetForm> targets = form.targets();
        if (targets == null || targets.isEmpty()) {
            targets = List.of(
                    new TargetForm("RND_SPEND", 1, new BigDecimal("1000000"), new BigDecimal("50")),
                    new TargetForm("INCUBATED_FIRMS", 1, new BigDecimal("3"), new BigDecimal("30")),
                    new TargetForm("TALENTS", 1, new BigDecimal("5"), new BigDecimal("20")));
        }
        Map<Integer, BigDecimal> weightsPerYear = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetForm t = targets.get(i);
            f.choice("targets[" + i + "].indicator", t.indicator(), IndicatorKind.class, true);
            if (t.year() == null || t.year() < 1 || t.year() > 10) {
                f.reject("targets[" + i + "].year", "grants.yearInvalid");
            }
            if (t.targetValue() == null || t.targetValue().signum() < 0) {
                f.reject("targets[" + i + "].targetValue", "grants.notNegative");
            }
            if (t.weight() == null || t.weight().signum() <= 0) {
                f.reject("targets[" + i + "].weight", "grants.positive");
            } else if (t.year() != null) {
                weightsPerYear.merge(t.year(), t.weight(), BigDecimal::add);
            }
        }
        weightsPerYear.forEach((year, w) -> {
            if (w.compareTo(new BigDecimal("100")) != 0) {
                f.reject("targets", "grants.targetWeightsSum", year, w.toPlainString());
            }
        });
        f.throwIfAny();
        if (p.fundId() == null) {
            throw DomainException.conflict("grants.noFund");
        }
        Organisation grantee = registry.find(a.applicantOrgId());
        BigDecimal county = AssessmentRules.countyShare(amount, p.countyMatchRatio());
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO grant_award (application_id, programme_id, grantee_org_id, grantee_name, county, amount,
                          county_amount, conditions, status, decided_on, demo)
                        VALUES (:app, :p, :org, :name, :county, :amount, :ca, :cond, 'ACTIVE', :on, :demo)""")
                .param("app", applicationId)
                .param("p", p.id())
                .param("org", grantee.id())
                .param("name", grantee.name())
                .param("county", grantee.county())
                .param("amount", amount)
                .param("ca", county)
                .param("cond", conditions)
                .param("on", today)
                .param("demo", p.demo())
                .update(kh, "id");
        long awardId = kh.getKeyAs(Number.class).longValue();
        // the ledger locks the fund year first; nothing above wrote to the audit log
        Allocation alloc = fund.commitForGrant(
                p.fundId(), p.fundYear(), p.id(), awardId, grantee, amount, p.name() + " · " + a.title());
        jdbc.sql("UPDATE grant_award SET allocation_id = :al WHERE id = :id")
                .param("al", alloc.id())
                .param("id", awardId)
                .update();
        for (TargetForm t : targets) {
            jdbc.sql("""
                            INSERT INTO grant_target (award_id, indicator, target_year, target_value, weight)
                            VALUES (:a, :i, :y, :v, :w)""")
                    .param("a", awardId)
                    .param(
                            "i",
                            IndicatorKind.valueOf(t.indicator().strip().toUpperCase(java.util.Locale.ROOT))
                                    .name())
                    .param("y", t.year())
                    .param("v", t.targetValue())
                    .param("w", t.weight())
                    .update();
        }
        for (int i = 0; i < tranches.size(); i++) {
            TrancheForm t = tranches.get(i);
            BigDecimal ta = t.amount().setScale(2);
            jdbc.sql("""
                            INSERT INTO grant_tranche (award_id, seq, amount, county_amount, due_on, condition_year,
                              condition_min_score, status) VALUES (:a, :s, :amount, :ca, :due, :cy, :cms, 'SCHEDULED')""")
                    .param("a", awardId)
                    .param("s", i + 1)
                    .param("amount", ta)
                    .param("ca", AssessmentRules.countyShare(ta, p.countyMatchRatio()))
                    .param("due", due.get(i))
                    .param("cy", t.conditionYear())
                    .param("cms", t.conditionMinScore())
                    .update();
        }
        grants.markApproved(applicationId);
        Award award = award(awardId);
        audit.record("GRANT_DECIDED", "grant_award", awardId, a.status(), award);
        grants.notify(
                Category.RESULT,
                Audience.organisation(grantee.id()),
                "grants.notify.approved",
                List.of(a.title(), amount.toPlainString()),
                "/grants/awards/" + awardId,
                null,
                null);
        for (Tranche t : tranches(awardId)) {
            grants.notify(
                    Category.DEADLINE,
                    Audience.role(Role.CITY_OFFICER),
                    "grants.notify.trancheDue",
                    List.of(grantee.name(), String.valueOf(t.seq()), t.amount().toPlainString()),
                    "/grants/payments",
                    t.dueOn().atStartOfDay(Grants.ZONE).toInstant(),
                    "grants-tranche-" + t.id());
        }
        for (Integer year : weightsPerYear.keySet()) {
            grants.notify(
                    Category.DEADLINE,
                    Audience.organisation(grantee.id()),
                    "grants.notify.assessmentDue",
                    List.of(a.title(), String.valueOf(year)),
                    "/grants/awards/" + awardId,
                    today.plusYears(year).atStartOfDay(Grants.ZONE).toInstant(),
                    "grants-assess-" + awardId + "-" + year);
        }
        return award;
    }

    // ------------------------------------------------------------ reading

    Award award(long id) {
        return jdbc.sql("SELECT * FROM grant_award WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> mapAward(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound("grants.awardUnknown", id));
    }

    @Transactional(readOnly = true)
    public Award award(long id, Actor actor) {
        Award a = award(id);
        if (!GrantsAccess.canSee(actor, a.granteeOrgId(), a.county())) {
            throw DomainException.notFound("grants.awardUnknown", id);
        }
        return a;
    }

    @Transactional(readOnly = true)
    public List<Award> awards(AwardStatus status, String county, Actor actor) {
        StringBuilder sql = new StringBuilder("SELECT * FROM grant_award WHERE 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (status != null) {
            sql.append(" AND status = :s");
            p.put("s", status.name());
        }
        String c = GrantsAccess.forcedCounty(actor) != null ? GrantsAccess.forcedCounty(actor) : county;
        if (c != null) {
            sql.append(" AND county = :c");
            p.put("c", c);
        }
        if (!GrantsAccess.seesAll(actor) && GrantsAccess.forcedCounty(actor) == null) {
            sql.append(" AND grantee_org_id = :o");
            p.put("o", actor.organisationId() == null ? -1L : actor.organisationId());
        }
        sql.append(" ORDER BY id DESC FETCH FIRST 500 ROWS ONLY");
        var q = jdbc.sql(sql.toString());
        for (var e : p.entrySet()) {
            q = q.param(e.getKey(), e.getValue());
        }
        return q.query((rs, n) -> mapAward(rs)).list();
    }

    long countAwards(AwardStatus status, String county) {
        var q = jdbc.sql("SELECT COUNT(*) FROM grant_award WHERE status = :s"
                        + (county == null ? "" : " AND county = :c"))
                .param("s", status.name());
        if (county != null) {
            q = q.param("c", county);
        }
        return q.query(Long.class).single();
    }

    private static Award mapAward(ResultSet rs) throws SQLException {
        long alloc = rs.getLong("allocation_id");
        Long allocId = rs.wasNull() ? null : alloc;
        return new Award(
                rs.getLong("id"),
                rs.getLong("application_id"),
                rs.getLong("programme_id"),
                rs.getLong("grantee_org_id"),
                rs.getString("grantee_name"),
                rs.getString("county"),
                rs.getBigDecimal("amount"),
                rs.getBigDecimal("county_amount"),
                rs.getString("conditions"),
                allocId,
                AwardStatus.valueOf(rs.getString("status")),
                rs.getString("final_report"),
                ReportStatus.valueOf(rs.getString("final_report_status")),
                rs.getObject("decided_on", LocalDate.class));
    }

    @Transactional(readOnly = true)
    public List<Target> targets(long awardId, Actor actor) {
        award(awardId, actor);
        return targets(awardId);
    }

    List<Target> targets(long awardId) {
        return jdbc.sql(
                        "SELECT id, indicator, target_year, target_value, weight FROM grant_target WHERE award_id = :a ORDER BY target_year, id")
                .param("a", awardId)
                .query((rs, n) -> new Target(
                        rs.getLong(1),
                        IndicatorKind.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Tranche> tranches(long awardId, Actor actor) {
        award(awardId, actor);
        return tranches(awardId);
    }

    List<Tranche> tranches(long awardId) {
        return jdbc.sql(TRANCHE_SELECT + " WHERE t.award_id = :a ORDER BY t.seq")
                .param("a", awardId)
                .query((rs, n) -> mapTranche(rs))
                .list();
    }

    private static final String TRANCHE_SELECT = """
            SELECT t.id, t.award_id, t.seq, t.amount, t.county_amount, t.due_on, t.condition_year, t.condition_min_score,
              t.status, t.note, t.paid_on, w.grantee_name
            FROM grant_tranche t JOIN grant_award w ON w.id = t.award_id""";

    private static Tranche mapTranche(ResultSet rs) throws SQLException {
        int cy = rs.getInt(7);
        Integer conditionYear = rs.wasNull() ? null : cy;
        return new Tranche(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getBigDecimal(4),
                rs.getBigDecimal(5),
                rs.getObject(6, LocalDate.class),
                conditionYear,
                rs.getBigDecimal(8),
                TrancheStatus.valueOf(rs.getString(9)),
                rs.getString(10),
                rs.getObject(11, LocalDate.class),
                rs.getString(12));
    }

    Tranche tranche(long id) {
        return jdbc.sql(TRANCHE_SELECT + " WHERE t.id = :id")
                .param("id", id)
                .query((rs, n) -> mapTranche(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound("grants.trancheUnknown", id));
    }

    /** Tranches for payment runs; {@code sum} adds their city amounts over all matching rows. */
    @Transactional(readOnly = true)
    public SummedPage<Tranche> payments(TrancheCriteria c, PageRequest page, Actor actor) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (c.status() != null) {
            where.append(" AND t.status = :s");
            p.put("s", c.status().name());
        }
        if (c.awardId() != null) {
            where.append(" AND t.award_id = :aw");
            p.put("aw", c.awardId());
        }
        String county = GrantsAccess.forcedCounty(actor) != null ? GrantsAccess.forcedCounty(actor) : c.county();
        if (county != null) {
            where.append(" AND w.county = :c");
            p.put("c", county);
        }
        if (!GrantsAccess.seesAll(actor) && GrantsAccess.forcedCounty(actor) == null) {
            where.append(" AND w.grantee_org_id = :o");
            p.put("o", actor.organisationId() == null ? -1L : actor.organisationId());
        }
        var count = jdbc.sql(
                "SELECT COUNT(*), COALESCE(SUM(t.amount), 0) FROM grant_tranche t JOIN grant_award w ON w.id = t.award_id"
                        + where);
        var list =
                jdbc.sql(TRANCHE_SELECT + where + " ORDER BY t.due_on, t.id OFFSET :off ROWS FETCH FIRST :n ROWS ONLY");
        for (var e : p.entrySet()) {
            count = count.param(e.getKey(), e.getValue());
            list = list.param(e.getKey(), e.getValue());
        }
        var totals = count.query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2)))
                .single();
        List<Tranche> rows = list.param("off", page.offset())
                .param("n", page.size())
                .query((rs, n) -> mapTranche(rs))
                .list();
        return SummedPage.of(
                new PageResult<>(rows, totals.getKey(), page.page(), page.size()),
                totals.getValue().setScale(2));
    }

    @Transactional(readOnly = true)
    public List<Assessment> assessments(long awardId, Actor actor) {
        award(awardId, actor);
        List<Assessment> list = jdbc.sql("SELECT * FROM grant_assessment WHERE award_id = :a ORDER BY assess_year")
                .param("a", awardId)
                .query((rs, n) -> new Assessment(
                        rs.getLong("id"),
                        rs.getLong("award_id"),
                        rs.getInt("assess_year"),
                        rs.getBigDecimal("score"),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getBigDecimal("city_payable"),
                        rs.getBigDecimal("county_payable"),
                        rs.getBigDecimal("clawed_back"),
                        rs.getString("rules"),
                        rs.getObject("assessed_on", LocalDate.class),
                        List.of()))
                .list();
        List<Target> targets = targets(awardId);
        List<Assessment> out = new ArrayList<>();
        for (Assessment a : list) {
            List<AssessmentLine> lines = jdbc.sql(
                            "SELECT target_id, actual_value, part FROM grant_assessment_line WHERE assessment_id = :a ORDER BY id")
                    .param("a", a.id())
                    .query((rs, n) -> {
                        long tid = rs.getLong(1);
                        Target t = targets.stream()
                                .filter(x -> x.id() == tid)
                                .findFirst()
                                .orElseThrow();
                        return new AssessmentLine(
                                tid,
                                t.indicator(),
                                t.targetValue(),
                                rs.getBigDecimal(2),
                                t.weight(),
                                rs.getBigDecimal(3));
                    })
                    .list();
            out.add(new Assessment(
                    a.id(),
                    a.awardId(),
                    a.year(),
                    a.score(),
                    a.outcome(),
                    a.cityPayable(),
                    a.countyPayable(),
                    a.clawedBack(),
                    a.rules(),
                    a.assessedOn(),
                    lines));
        }
        return out;
    }

    // ------------------------------------------------------------ payments

    @Transactional
    public Tranche approveTranche(long id, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Tranche t = tranche(id);
        if (t.status() != TrancheStatus.SCHEDULED && t.status() != TrancheStatus.RETURNED) {
            throw DomainException.conflict(
                    "grants.trancheTransition", t.status().name(), TrancheStatus.APPROVED.name());
        }
        Award award = award(t.awardId());
        if (award.status() != AwardStatus.ACTIVE) {
            throw DomainException.conflict(
                    "grants.awardNotActive", award.status().name());
        }
        if (t.conditionYear() != null) {
            Outcome o = jdbc.sql("SELECT outcome FROM grant_assessment WHERE award_id = :a AND assess_year = :y")
                    .param("a", t.awardId())
                    .param("y", t.conditionYear())
                    .query(String.class)
                    .optional()
                    .map(Outcome::valueOf)
                    .orElseThrow(() -> DomainException.conflict("grants.conditionUnmet", t.conditionYear()));
            BigDecimal score = jdbc.sql("SELECT score FROM grant_assessment WHERE award_id = :a AND assess_year = :y")
                    .param("a", t.awardId())
                    .param("y", t.conditionYear())
                    .query(BigDecimal.class)
                    .single();
            if ((o != Outcome.PAY_NEXT && o != Outcome.PAY_REDUCED)
                    || (t.conditionMinScore() != null && score.compareTo(t.conditionMinScore()) < 0)) {
                throw DomainException.conflict("grants.conditionUnmet", t.conditionYear());
            }
        }
        return move(t, TrancheStatus.APPROVED, null, null);
    }

    /** Pays an approved tranche: the ledger moves its amount from committed to paid. */
    @Transactional
    public Tranche payTranche(long id, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Tranche t = tranche(id);
        if (t.status() != TrancheStatus.APPROVED) {
            throw DomainException.conflict(
                    "grants.trancheTransition", t.status().name(), TrancheStatus.PAID.name());
        }
        Award award = award(t.awardId());
        fund.pay(award.allocationId(), t.amount(), t.id(), "tranche " + t.seq() + " · " + award.granteeName());
        Tranche after = move(t, TrancheStatus.PAID, grants.today(), null);
        grants.notify(
                Category.RESULT,
                Audience.organisation(award.granteeOrgId()),
                "grants.notify.paid",
                List.of(String.valueOf(t.seq()), t.amount().toPlainString()),
                "/grants/awards/" + award.id(),
                null,
                null);
        return after;
    }

    /** An approved payment sent back (wrong account, missing papers): no money moved; it can be approved again. */
    @Transactional
    public Tranche returnTranche(long id, String reason, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Tranche t = tranche(id);
        if (t.status() != TrancheStatus.APPROVED) {
            throw DomainException.conflict(
                    "grants.trancheTransition", t.status().name(), TrancheStatus.RETURNED.name());
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "grants.required");
        }
        return move(t, TrancheStatus.RETURNED, null, reason.strip());
    }

    /** Cancels a tranche not yet paid: its amount goes back to the fund year. */
    @Transactional
    public Tranche cancelTranche(long id, String reason, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Tranche t = tranche(id);
        return cancel(t, reason);
    }

    private Tranche cancel(Tranche t, String reason) {
        if (t.status() == TrancheStatus.PAID || t.status() == TrancheStatus.CANCELLED) {
            throw DomainException.conflict(
                    "grants.trancheTransition", t.status().name(), TrancheStatus.CANCELLED.name());
        }
        Award award = award(t.awardId());
        fund.release(award.allocationId(), t.amount(), t.id(), "tranche " + t.seq() + " cancelled");
        return move(t, TrancheStatus.CANCELLED, null, reason);
    }

    private Tranche move(Tranche t, TrancheStatus to, LocalDate paidOn, String note) {
        int n = jdbc.sql("""
                        UPDATE grant_tranche SET status = :to, paid_on = COALESCE(:paid, paid_on), note = COALESCE(:note, note)
                        WHERE id = :id AND status = :from""")
                .param("to", to.name())
                .param("paid", paidOn)
                .param("note", note)
                .param("id", t.id())
                .param("from", t.status().name())
                .update();
        if (n == 0) {
            throw DomainException.conflict("problem.stale");
        }
        Tranche after = tranche(t.id());
        audit.record("GRANT_TRANCHE_" + to.name(), "grant_tranche", t.id(), t, after, note);
        return after;
    }

    // ------------------------------------------------------------ assessment

    /**
     * The annual assessment of a grant: actual values per target of that year; each indicator's
     * part, the score and the outcome by the current rules, which then act on the next tranche
     * (reduce, withhold = cancel) or claw back a share of the money paid. The county's matching
     * share is computed beside the city's payable amount.
     */
    @Transactional
    public Assessment assess(long awardId, AssessmentForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Award award = award(awardId);
        if (award.status() != AwardStatus.ACTIVE) {
            throw DomainException.conflict(
                    "grants.awardNotActive", award.status().name());
        }
        Forms f = new Forms(messages);
        if (form.year() == null) {
            f.reject("year", "grants.required");
            f.throwIfAny();
        }
        int year = form.year();
        List<Target> targets =
                targets(awardId).stream().filter(t -> t.year() == year).toList();
        if (targets.isEmpty()) {
            f.reject("year", "grants.noTargetsForYear", year);
        }
        Map<Long, BigDecimal> actuals = form.actuals() == null ? Map.of() : form.actuals();
        for (Target t : targets) {
            BigDecimal v = actuals.get(t.id());
            if (v == null) {
                f.reject("actuals." + t.id(), "grants.required");
            } else if (v.signum() < 0) {
                f.reject("actuals." + t.id(), "grants.notNegative");
            }
        }
        f.throwIfAny();
        boolean done = jdbc.sql("SELECT COUNT(*) FROM grant_assessment WHERE award_id = :a AND assess_year = :y")
                        .param("a", awardId)
                        .param("y", year)
                        .query(Long.class)
                        .single()
                > 0;
        if (done) {
            throw DomainException.conflict("grants.alreadyAssessed", year);
        }
        AssessmentRules rules = settings.rules();
        List<AssessmentRules.Input> inputs = targets.stream()
                .map(t -> new AssessmentRules.Input(t.targetValue(), actuals.get(t.id()), t.weight()))
                .toList();
        AssessmentRules.Score score = rules.score(inputs);
        Outcome outcome = rules.outcome(score.total());
        Programme programme = grants.programme(award.programmeId());
        Tranche next = tranches(awardId).stream()
                .filter(t -> t.status() == TrancheStatus.SCHEDULED || t.status() == TrancheStatus.RETURNED)
                .filter(t -> t.conditionYear() == null || t.conditionYear() == year)
                .findFirst()
                .orElse(null);
        BigDecimal payable = rules.payable(outcome, next == null ? null : next.amount());
        BigDecimal clawed = ZERO;
        // money first (the ledger locks the fund year), then the grant's rows and the audit log
        if (next != null && outcome == Outcome.PAY_REDUCED && payable.compareTo(next.amount()) < 0) {
            BigDecimal cut = next.amount().subtract(payable);
            fund.release(award.allocationId(), cut, next.id(), "assessment year " + year + ": reduced");
            jdbc.sql("UPDATE grant_tranche SET amount = :a, county_amount = :c, note = :n WHERE id = :id")
                    .param("a", payable)
                    .param("c", AssessmentRules.countyShare(payable, programme.countyMatchRatio()))
                    .param("n", "reduced after year " + year)
                    .param("id", next.id())
                    .update();
        }
        if (outcome == Outcome.WITHHOLD && next != null) {
            cancel(next, "withheld after year " + year);
        }
        if (outcome == Outcome.CLAW_BACK) {
            for (Tranche t : tranches(awardId)) {
                if (t.status() != TrancheStatus.PAID && t.status() != TrancheStatus.CANCELLED) {
                    cancel(t, "clawed back after year " + year);
                }
            }
            Allocation alloc = fund.find(award.allocationId());
            clawed = rules.clawBack(outcome, alloc.paid());
            fund.clawBack(award.allocationId(), clawed, null, "assessment year " + year + ": claw back");
        }
        BigDecimal countyPayable = AssessmentRules.countyShare(payable, programme.countyMatchRatio());
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO grant_assessment (award_id, assess_year, score, outcome, city_payable, county_payable,
                          clawed_back, rules, assessed_by, assessed_on)
                        VALUES (:a, :y, :s, :o, :cp, :cop, :cb, :r, :by, :on)""")
                .param("a", awardId)
                .param("y", year)
                .param("s", score.total())
                .param("o", outcome.name())
                .param("cp", payable)
                .param("cop", countyPayable)
                .param("cb", clawed)
                .param("r", rules.describe())
                .param("by", actor.username())
                .param("on", grants.today())
                .update(kh, "id");
        long id = kh.getKeyAs(Number.class).longValue();
        for (int i = 0; i < targets.size(); i++) {
            jdbc.sql(
                            "INSERT INTO grant_assessment_line (assessment_id, target_id, actual_value, part) VALUES (:a, :t, :v, :p)")
                    .param("a", id)
                    .param("t", targets.get(i).id())
                    .param("v", actuals.get(targets.get(i).id()))
                    .param("p", score.parts().get(i))
                    .update();
        }
        Assessment result = assessments(awardId, Actor.SYSTEM).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record("GRANT_ASSESSED", "grant_award", awardId, null, result);
        grants.notify(
                Category.RESULT,
                Audience.organisation(award.granteeOrgId()),
                "grants.notify.assessed",
                List.of(String.valueOf(year), score.total().toPlainString(), outcome.name()),
                "/grants/awards/" + awardId,
                null,
                null);
        return result;
    }

    // ------------------------------------------------------------ final report and closing

    @Transactional
    public Award submitFinalReport(long awardId, String report, Actor actor) {
        Award a = award(awardId);
        if (actor.organisationId() == null || actor.organisationId() != a.granteeOrgId()) {
            throw DomainException.notFound("grants.awardUnknown", awardId);
        }
        if (a.status() != AwardStatus.ACTIVE || a.finalReportStatus() == ReportStatus.APPROVED) {
            throw DomainException.conflict("grants.awardNotActive", a.status().name());
        }
        if (report == null || report.isBlank()) {
            throw DomainException.invalid("report", "grants.required");
        }
        String r = report.strip().length() > 4000 ? report.strip().substring(0, 4000) : report.strip();
        jdbc.sql("UPDATE grant_award SET final_report = :r, final_report_status = 'SUBMITTED' WHERE id = :id")
                .param("r", r)
                .param("id", awardId)
                .update();
        Award after = award(awardId);
        audit.record(
                "GRANT_FINAL_REPORT_SUBMITTED",
                "grant_award",
                awardId,
                a.finalReportStatus(),
                after.finalReportStatus());
        grants.notify(
                Category.TASK,
                Audience.role(Role.CITY_OFFICER),
                "grants.notify.finalReport",
                List.of(a.granteeName()),
                "/grants/awards/" + awardId,
                null,
                "grants-final-" + awardId);
        return after;
    }

    @Transactional
    public Award approveFinalReport(long awardId, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Award a = award(awardId);
        if (a.finalReportStatus() != ReportStatus.SUBMITTED) {
            throw DomainException.conflict("grants.noFinalReport");
        }
        jdbc.sql("UPDATE grant_award SET final_report_status = 'APPROVED' WHERE id = :id")
                .param("id", awardId)
                .update();
        Award after = award(awardId);
        audit.record(
                "GRANT_FINAL_REPORT_APPROVED",
                "grant_award",
                awardId,
                a.finalReportStatus(),
                after.finalReportStatus());
        return after;
    }

    /** Closes a grant: only after its final report is approved and no payment is still open; what was never paid goes back. */
    @Transactional
    public Award close(long awardId, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Award a = award(awardId);
        if (a.status() != AwardStatus.ACTIVE) {
            throw DomainException.conflict("grants.awardNotActive", a.status().name());
        }
        if (a.finalReportStatus() != ReportStatus.APPROVED) {
            throw DomainException.conflict("grants.finalReportNotApproved");
        }
        boolean open = tranches(awardId).stream()
                .anyMatch(t -> t.status() == TrancheStatus.APPROVED || t.status() == TrancheStatus.RETURNED);
        if (open) {
            throw DomainException.conflict("grants.paymentsOpen");
        }
        for (Tranche t : tranches(awardId)) {
            if (t.status() == TrancheStatus.SCHEDULED) {
                cancel(t, "grant closed");
            }
        }
        Allocation alloc = fund.find(a.allocationId());
        if (alloc.committed().signum() > 0) {
            fund.release(alloc.id(), alloc.committed(), null, "grant closed");
        }
        jdbc.sql("UPDATE grant_award SET status = 'CLOSED' WHERE id = :id")
                .param("id", awardId)
                .update();
        Award after = award(awardId);
        audit.record("GRANT_CLOSED", "grant_award", awardId, a.status(), after.status());
        return after;
    }

    @Transactional(readOnly = true)
    public void forEachPayment(TrancheCriteria c, Actor actor, Consumer<Tranche> consumer) {
        payments(c, PageRequest.of(0, PageRequest.MAX_SIZE), actor).content().forEach(consumer);
    }

    int deleteDemo() {
        List<Long> ids = jdbc.sql("SELECT id FROM grant_award WHERE demo = TRUE")
                .query(Long.class)
                .list();
        for (Long id : ids) {
            jdbc.sql(
                            "DELETE FROM grant_assessment_line WHERE assessment_id IN (SELECT id FROM grant_assessment WHERE award_id = :a)")
                    .param("a", id)
                    .update();
            jdbc.sql("DELETE FROM grant_assessment WHERE award_id = :a")
                    .param("a", id)
                    .update();
            jdbc.sql("DELETE FROM grant_tranche WHERE award_id = :a")
                    .param("a", id)
                    .update();
            jdbc.sql("DELETE FROM grant_target WHERE award_id = :a")
                    .param("a", id)
                    .update();
        }
        return jdbc.sql("DELETE FROM grant_award WHERE demo = TRUE").update();
    }
}
