package org.gongtong.grants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.gongtong.grants.GrantRecords.Application;
import org.gongtong.grants.GrantRecords.ApplicationStatus;
import org.gongtong.grants.GrantRecords.Assignment;
import org.gongtong.grants.GrantRecords.Criterion;
import org.gongtong.grants.GrantRecords.IntegrityRecord;
import org.gongtong.grants.GrantRecords.Programme;
import org.gongtong.grants.GrantRecords.ProgrammeStatus;
import org.gongtong.grants.GrantRecords.Ranking;
import org.gongtong.grants.GrantRecords.Round;
import org.gongtong.grants.GrantRecords.Stage;
import org.gongtong.grants.GrantRecords.Version;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.identity.UserAccount;
import org.gongtong.insight.Totals;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.gongtong.notifications.NotificationRequested.Category;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Sql;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grant programmes, applications and their review: programmes with rounds, eligibility, stages and
 * weighted criteria; applications pre-filled from the registry (一次办好), autosaved drafts,
 * submission, return for revision with a reason and every version kept; experts assigned per stage
 * (never from the applicant's organisation, never with a declared conflict), blinded fields,
 * running scores and rankings, research-integrity records; and the decision that commits money
 * from the special fund.
 */
@Service
public class Grants {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> BLINDABLE =
            Set.of("applicantName", "applicantUscc", "applicantAddress", "contactName", "contactPhone", "team");

    public record ProgrammeForm(
            String name,
            String description,
            Long fundId,
            Integer fundYear,
            BigDecimal maxAmount,
            BigDecimal countyMatchRatio,
            List<String> eligibleKinds,
            Boolean integrityBlocking,
            List<String> blindedFields,
            List<RoundForm> rounds,
            List<StageForm> stages,
            List<CriterionForm> criteria) {}

    public record RoundForm(String name, String opensOn, String closesOn) {}

    public record StageForm(String name, BigDecimal passScore) {}

    public record CriterionForm(String name, BigDecimal weight, Integer maxScore) {}

    /** What the applicant types; everything the registry knows is filled in already. */
    public record DraftForm(String title, String summary, String team, String workPlan, BigDecimal requestedAmount) {}

    public record ScoreForm(Map<Long, BigDecimal> scores, String comment) {}

    public record IntegrityForm(
            Long organisationId, String severity, String description, String recordedOn, String validUntil) {}

    public record ApplicationCriteria(Long programmeId, ApplicationStatus status, String county, Long organisationId) {}

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Accounts accounts;
    private final SpecialFund fund;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final Totals totals;

    Grants(
            JdbcClient jdbc,
            Registry registry,
            Accounts accounts,
            SpecialFund fund,
            AuditLog audit,
            Messages messages,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.registry = registry;
        this.accounts = accounts;
        this.fund = fund;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ------------------------------------------------------------ programmes

    @Transactional
    public Programme createProgramme(ProgrammeForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        return createProgramme(form, actor, false);
    }

    @Transactional
    Programme createProgramme(ProgrammeForm form, Actor actor, boolean demo) {
        Forms f = new Forms(messages);
        String name = f.text("name", form.name(), 200);
        String description =
                form.description() == null ? null : form.description().strip();
        if (description != null && description.length() > 2000) {
            f.reject("description", "grants.tooLong", 2000);
        }
        BigDecimal max = f.money("maxAmount", form.maxAmount(), true, false);
        BigDecimal ratio = form.countyMatchRatio() == null ? BigDecimal.ZERO : form.countyMatchRatio();
        if (ratio.signum() < 0
                || ratio.compareTo(BigDecimal.TEN) > 0
                || ratio.stripTrailingZeros().scale() > 4) {
            f.reject("countyMatchRatio", "grants.ratioInvalid");
        }
        Long fundId = form.fundId();
        if (form.fundYear() == null) {
            f.reject("fundYear", "grants.required");
        } else {
            if (fundId == null) {
                fundId = fund.defaultFund(form.fundYear()).orElse(null);
            }
            if (fundId == null) {
                f.reject("fundYear", "grants.yearNotBudgeted", form.fundYear());
            } else if (fund.years(fundId).stream().noneMatch(y -> y.year() == form.fundYear())) {
                f.reject("fundYear", "grants.yearNotBudgeted", form.fundYear());
            }
        }
        List<String> kinds = new ArrayList<>();
        for (String k : form.eligibleKinds() == null ? List.<String>of() : form.eligibleKinds()) {
            try {
                kinds.add(OrganisationKind.valueOf(k.strip().toUpperCase(java.util.Locale.ROOT))
                        .name());
            } catch (IllegalArgumentException | NullPointerException e) {
                f.reject("eligibleKinds", "grants.choiceInvalid", Arrays.toString(OrganisationKind.values()));
            }
        }
        List<String> blinded = new ArrayList<>();
        for (String b : form.blindedFields() == null ? List.<String>of() : form.blindedFields()) {
            if (!BLINDABLE.contains(b)) {
                f.reject("blindedFields", "grants.choiceInvalid", String.join(", ", BLINDABLE));
            } else {
                blinded.add(b);
            }
        }
        List<RoundForm> rounds = form.rounds() == null ? List.of() : form.rounds();
        List<LocalDate[]> roundDates = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            LocalDate o = f.date("rounds[" + i + "].opensOn", rounds.get(i).opensOn(), true);
            LocalDate c = f.date("rounds[" + i + "].closesOn", rounds.get(i).closesOn(), true);
            if (o != null && c != null && c.isBefore(o)) {
                f.reject("rounds[" + i + "].closesOn", "grants.closesBeforeOpens");
            }
            roundDates.add(new LocalDate[] {o, c});
        }
        if (rounds.isEmpty()) {
            f.reject("rounds", "grants.required");
        }
        List<StageForm> stages = form.stages() == null || form.stages().isEmpty()
                ? List.of(new StageForm(messages.get("grants.stage.default"), new BigDecimal("60")))
                : form.stages();
        for (int i = 0; i < stages.size(); i++) {
            f.text("stages[" + i + "].name", stages.get(i).name(), 200);
            BigDecimal p = stages.get(i).passScore();
            if (p != null && (p.signum() < 0 || p.compareTo(new BigDecimal("100")) > 0)) {
                f.reject("stages[" + i + "].passScore", "grants.scoreRange", 100);
            }
        }
        List<CriterionForm> criteria = form.criteria() == null ? List.of() : form.criteria();
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < criteria.size(); i++) {
            CriterionForm c = criteria.get(i);
            f.text("criteria[" + i + "].name", c.name(), 200);
            if (c.weight() == null || c.weight().signum() <= 0) {
                f.reject("criteria[" + i + "].weight", "grants.positive");
            } else {
                weights = weights.add(c.weight());
            }
            if (c.maxScore() == null || c.maxScore() <= 0 || c.maxScore() > 1000) {
                f.reject("criteria[" + i + "].maxScore", "grants.positive");
            }
        }
        if (criteria.isEmpty()) {
            f.reject("criteria", "grants.required");
        } else if (weights.compareTo(new BigDecimal("100")) != 0) {
            f.reject("criteria", "grants.weightsSum", weights.toPlainString());
        }
        f.throwIfAny();
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO grant_programme (name, description, fund_id, fund_year, max_amount, county_match_ratio,
                          eligible_kinds, integrity_blocking, blinded_fields, status, owner_org_id, demo, created_at)
                        VALUES (:name, :d, :fund, :year, :max, :ratio, :kinds, :blocking, :blinded, 'OPEN', :owner, :demo,
                          :at)""")
                .param("name", name)
                .param("d", description)
                .param("fund", fundId)
                .param("year", form.fundYear())
                .param("max", max)
                .param("ratio", ratio)
                .param("kinds", kinds.isEmpty() ? null : String.join(",", kinds))
                .param("blocking", form.integrityBlocking() == null || form.integrityBlocking())
                .param("blinded", blinded.isEmpty() ? null : String.join(",", blinded))
                .param("owner", actor.organisationId())
                .param("demo", demo)
                .param("at", Sql.timestamp(clock.instant()))
                .update(kh, "id");
        long id = kh.getKeyAs(Number.class).longValue();
        for (int i = 0; i < rounds.size(); i++) {
            jdbc.sql("INSERT INTO grant_round (programme_id, name, opens_on, closes_on) VALUES (:p, :n, :o, :c)")
                    .param("p", id)
                    .param(
                            "n",
                            rounds.get(i).name() == null
                                    ? (i + 1) + ""
                                    : rounds.get(i).name().strip())
                    .param("o", roundDates.get(i)[0])
                    .param("c", roundDates.get(i)[1])
                    .update();
        }
        for (int i = 0; i < stages.size(); i++) {
            jdbc.sql("INSERT INTO grant_stage (programme_id, seq, name, pass_score) VALUES (:p, :s, :n, :ps)")
                    .param("p", id)
                    .param("s", i + 1)
                    .param("n", stages.get(i).name().strip())
                    .param(
                            "ps",
                            stages.get(i).passScore() == null
                                    ? BigDecimal.ZERO
                                    : stages.get(i).passScore())
                    .update();
        }
        for (CriterionForm c : criteria) {
            jdbc.sql("INSERT INTO grant_criterion (programme_id, name, weight, max_score) VALUES (:p, :n, :w, :m)")
                    .param("p", id)
                    .param("n", c.name().strip())
                    .param("w", c.weight())
                    .param("m", c.maxScore())
                    .update();
        }
        Programme p = programme(id);
        audit.record("GRANT_PROGRAMME_CREATED", "grant_programme", id, null, p);
        return p;
    }

    @Transactional
    public Programme closeProgramme(long id, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Programme before = programme(id);
        jdbc.sql("UPDATE grant_programme SET status = 'CLOSED' WHERE id = :id")
                .param("id", id)
                .update();
        Programme after = programme(id);
        audit.record("GRANT_PROGRAMME_CLOSED", "grant_programme", id, before.status(), after.status());
        return after;
    }

    public Programme programme(long id) {
        return jdbc.sql("SELECT * FROM grant_programme WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> mapProgramme(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound("grants.programmeUnknown", id));
    }

    @Transactional(readOnly = true)
    public List<Programme> programmes(Actor actor) {
        return jdbc.sql("SELECT * FROM grant_programme ORDER BY id DESC FETCH FIRST 200 ROWS ONLY")
                .query((rs, n) -> mapProgramme(rs))
                .list();
    }

    private Programme mapProgramme(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        long fundId = rs.getLong("fund_id");
        Long fundRef = rs.wasNull() ? null : fundId;
        long owner = rs.getLong("owner_org_id");
        Long ownerRef = rs.wasNull() ? null : owner;
        List<Round> rounds = jdbc.sql(
                        "SELECT id, name, opens_on, closes_on FROM grant_round WHERE programme_id = :p ORDER BY id")
                .param("p", id)
                .query((r, n) -> new Round(
                        r.getLong(1), r.getString(2), r.getObject(3, LocalDate.class), r.getObject(4, LocalDate.class)))
                .list();
        List<Stage> stages = jdbc.sql(
                        "SELECT id, seq, name, pass_score FROM grant_stage WHERE programme_id = :p ORDER BY seq")
                .param("p", id)
                .query((r, n) -> new Stage(r.getLong(1), r.getInt(2), r.getString(3), r.getBigDecimal(4)))
                .list();
        List<Criterion> criteria = jdbc.sql(
                        "SELECT id, name, weight, max_score FROM grant_criterion WHERE programme_id = :p ORDER BY id")
                .param("p", id)
                .query((r, n) -> new Criterion(r.getLong(1), r.getString(2), r.getBigDecimal(3), r.getInt(4)))
                .list();
        return new Programme(
                id,
                rs.getString("name"),
                rs.getString("description"),
                fundRef,
                rs.getInt("fund_year"),
                rs.getBigDecimal("max_amount"),
                rs.getBigDecimal("county_match_ratio"),
                split(rs.getString("eligible_kinds")),
                rs.getBoolean("integrity_blocking"),
                split(rs.getString("blinded_fields")),
                ProgrammeStatus.valueOf(rs.getString("status")),
                ownerRef,
                rs.getBoolean("demo"),
                rounds,
                stages,
                criteria);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }

    // ------------------------------------------------------------ applications

    /**
     * Starts (or resumes) the actor's organisation's application to a programme, pre-filled with
     * everything the registry knows about the organisation.
     */
    @Transactional
    public Application start(long programmeId, Actor actor) {
        if (!GrantsAccess.isApplicant(actor)) {
            throw DomainException.forbidden("grants.onlyApplicants");
        }
        Programme p = programme(programmeId);
        Long existing = jdbc.sql("""
                        SELECT id FROM grant_application WHERE programme_id = :p AND applicant_org_id = :o
                          AND status IN ('DRAFT', 'RETURNED', 'SUBMITTED', 'IN_REVIEW')
                        ORDER BY id FETCH FIRST 1 ROWS ONLY""")
                .param("p", programmeId)
                .param("o", actor.organisationId())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            return find(existing);
        }
        if (p.status() != ProgrammeStatus.OPEN) {
            throw DomainException.conflict("grants.programmeNotOpen");
        }
        LocalDate today = today();
        Round round = p.rounds().stream()
                .filter(r -> !today.isBefore(r.opensOn()) && !today.isAfter(r.closesOn()))
                .findFirst()
                .orElseThrow(() -> DomainException.conflict("grants.noOpenRound"));
        Organisation o = registry.find(actor.organisationId());
        if (!p.eligibleKinds().isEmpty() && !p.eligibleKinds().contains(o.kind().name())) {
            throw DomainException.conflict("grants.notEligible", o.kind().name());
        }
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO grant_application (programme_id, round_id, applicant_org_id, applicant_name,
                          applicant_uscc, applicant_county, applicant_kind, applicant_address, contact_name, contact_phone,
                          employees, annual_revenue, status, updated_at, created_at, demo)
                        VALUES (:p, :r, :o, :name, :uscc, :county, :kind, :address, :cn, :cp, :emp, :rev, 'DRAFT', :at,
                          :at, :demo)""")
                .param("p", programmeId)
                .param("r", round.id())
                .param("o", o.id())
                .param("name", o.name())
                .param("uscc", o.uscc())
                .param("county", o.county())
                .param("kind", o.kind().name())
                .param("address", o.address())
                .param("cn", o.contactName())
                .param("cp", o.contactPhone())
                .param("emp", o.employees())
                .param("rev", o.annualRevenue())
                .param("at", Sql.timestamp(clock.instant()))
                .param("demo", p.demo())
                .update(kh, "id");
        totals.changed("grant_application");
        long id = kh.getKeyAs(Number.class).longValue();
        Application a = find(id);
        audit.record("GRANT_APPLICATION_STARTED", "grant_application", id, null, a.status());
        return a;
    }

    /** Saves what the applicant typed so far (autosave and the save button); a draft needs nothing complete. */
    @Transactional
    public Application saveDraft(long id, DraftForm form, Actor actor) {
        Application a = own(id, actor);
        if (a.status() != ApplicationStatus.DRAFT && a.status() != ApplicationStatus.RETURNED) {
            throw DomainException.conflict("grants.notEditable", a.status().name());
        }
        Forms f = new Forms(messages);
        String title = optional(f, "title", form.title(), 200);
        String summary = optional(f, "summary", form.summary(), 4000);
        String team = optional(f, "team", form.team(), 2000);
        String plan = optional(f, "workPlan", form.workPlan(), 4000);
        BigDecimal requested = f.money("requestedAmount", form.requestedAmount(), false, false);
        f.throwIfAny();
        jdbc.sql("""
                        UPDATE grant_application SET title = :t, summary = :s, team = :team, work_plan = :plan,
                          requested_amount = :req, updated_at = :at WHERE id = :id""")
                .param("t", title)
                .param("s", summary)
                .param("team", team)
                .param("plan", plan)
                .param("req", requested)
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("grant_application");
        return find(id);
    }

    private static String optional(Forms f, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            f.reject(field, "grants.tooLong", max);
            return null;
        }
        return v;
    }

    @Transactional
    public Application submit(long id, Actor actor) {
        Application a = own(id, actor);
        if (a.status() != ApplicationStatus.DRAFT && a.status() != ApplicationStatus.RETURNED) {
            throw DomainException.conflict("grants.notEditable", a.status().name());
        }
        Programme p = programme(a.programmeId());
        Forms f = new Forms(messages);
        if (a.title() == null) {
            f.reject("title", "grants.required");
        }
        if (a.summary() == null) {
            f.reject("summary", "grants.required");
        }
        if (a.workPlan() == null) {
            f.reject("workPlan", "grants.required");
        }
        if (a.requestedAmount() == null) {
            f.reject("requestedAmount", "grants.required");
        } else if (a.requestedAmount().compareTo(p.maxAmount()) > 0) {
            f.reject("requestedAmount", "grants.aboveMax", p.maxAmount().toPlainString());
        }
        f.throwIfAny();
        int version = a.version() + 1;
        jdbc.sql("""
                        UPDATE grant_application SET status = 'SUBMITTED', version = :v, submitted_at = :at, updated_at = :at
                        WHERE id = :id AND status IN ('DRAFT', 'RETURNED')""")
                .param("v", version)
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("grant_application");
        Application after = find(id);
        snapshot(after, "SUBMITTED", null);
        audit.record("GRANT_APPLICATION_SUBMITTED", "grant_application", id, a.status(), after.status());
        notify(
                Category.TASK,
                Audience.role(Role.CITY_OFFICER),
                "grants.notify.submitted",
                List.of(after.applicantName(), p.name()),
                "/grants/programmes/" + p.id(),
                null,
                null);
        return after;
    }

    /** Returns a submitted application to the applicant with the reason; the submitted version stays in the history. */
    @Transactional
    public Application returnForRevision(long id, String reason, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Application a = find(id);
        if (a.status() != ApplicationStatus.SUBMITTED && a.status() != ApplicationStatus.IN_REVIEW) {
            throw DomainException.conflict("grants.cannotReturn", a.status().name());
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "grants.required");
        }
        String r = reason.strip().length() > 1000 ? reason.strip().substring(0, 1000) : reason.strip();
        jdbc.sql("""
                        UPDATE grant_application SET status = 'RETURNED', return_reason = :r, stage_seq = NULL,
                          updated_at = :at WHERE id = :id""")
                .param("r", r)
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("grant_application");
        Application after = find(id);
        snapshot(after, "RETURNED", r);
        audit.record("GRANT_APPLICATION_RETURNED", "grant_application", id, a.status(), after.status(), r);
        notify(
                Category.TASK,
                Audience.organisation(a.applicantOrgId()),
                "grants.notify.returned",
                List.of(a.title(), r),
                "/grants/applications/" + id,
                null,
                "grants-returned-" + id + "-" + after.version());
        return after;
    }

    private void snapshot(Application a, String event, String reason) {
        jdbc.sql("""
                        INSERT INTO grant_application_version (application_id, version, event, snapshot, reason, actor,
                          occurred_at) VALUES (:a, :v, :e, :s, :r, :actor, :at)""")
                .param("a", a.id())
                .param("v", a.version())
                .param("e", event)
                .param("s", json.writeValueAsString(a))
                .param("r", reason)
                .param("actor", Actor.currentOrSystem().username())
                .param("at", Sql.timestamp(clock.instant()))
                .update();
    }

    @Transactional(readOnly = true)
    public List<Version> versions(long id, Actor actor) {
        Application a = find(id);
        // versions hold the unblinded application: never for reviewers
        if (!GrantsAccess.canSee(actor, a.applicantOrgId(), a.applicantCounty())) {
            throw DomainException.notFound("grants.applicationUnknown", id);
        }
        return jdbc.sql("""
                        SELECT id, version, event, snapshot, reason, actor, occurred_at FROM grant_application_version
                        WHERE application_id = :a ORDER BY id""")
                .param("a", id)
                .query((rs, n) -> new Version(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Sql.instant(rs, "occurred_at")))
                .list();
    }

    Application find(long id) {
        return jdbc.sql("SELECT a.*, p.name AS programme_name FROM grant_application a"
                        + " JOIN grant_programme p ON p.id = a.programme_id WHERE a.id = :id")
                .param("id", id)
                .query((rs, n) -> mapApplication(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound("grants.applicationUnknown", id));
    }

    /** The application as the actor may see it: officers all, county officers their county, applicants their own, reviewers blinded. */
    @Transactional(readOnly = true)
    public Application application(long id, Actor actor) {
        Application a = find(id);
        if (GrantsAccess.canSee(actor, a.applicantOrgId(), a.applicantCounty())) {
            return a;
        }
        if (GrantsAccess.isReviewer(actor) && assignedTo(id, actor.userId())) {
            return blinded(a, programme(a.programmeId()).blindedFields());
        }
        throw DomainException.notFound("grants.applicationUnknown", id);
    }

    private Application own(long id, Actor actor) {
        Application a = find(id);
        if (actor.organisationId() == null || a.applicantOrgId() != actor.organisationId()) {
            throw DomainException.notFound("grants.applicationUnknown", id);
        }
        return a;
    }

    static Application blinded(Application a, List<String> fields) {
        boolean name = fields.contains("applicantName");
        return new Application(
                a.id(),
                a.programmeId(),
                a.programmeName(),
                a.roundId(),
                name ? 0 : a.applicantOrgId(),
                name ? "***" : a.applicantName(),
                fields.contains("applicantUscc") || name ? "***" : a.applicantUscc(),
                a.applicantCounty(),
                a.applicantKind(),
                fields.contains("applicantAddress") ? "***" : a.applicantAddress(),
                fields.contains("contactName") ? "***" : a.contactName(),
                fields.contains("contactPhone") ? "***" : a.contactPhone(),
                a.employees(),
                a.annualRevenue(),
                a.title(),
                a.summary(),
                fields.contains("team") ? "***" : a.team(),
                a.workPlan(),
                a.requestedAmount(),
                a.status(),
                a.stageSeq(),
                a.returnReason(),
                a.version(),
                a.submittedAt(),
                a.updatedAt());
    }

    private static Application mapApplication(ResultSet rs) throws SQLException {
        long round = rs.getLong("round_id");
        Long roundId = rs.wasNull() ? null : round;
        int emp = rs.getInt("employees");
        Integer employees = rs.wasNull() ? null : emp;
        int stage = rs.getInt("stage_seq");
        Integer stageSeq = rs.wasNull() ? null : stage;
        return new Application(
                rs.getLong("id"),
                rs.getLong("programme_id"),
                rs.getString("programme_name"),
                roundId,
                rs.getLong("applicant_org_id"),
                rs.getString("applicant_name"),
                rs.getString("applicant_uscc"),
                rs.getString("applicant_county"),
                rs.getString("applicant_kind"),
                rs.getString("applicant_address"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                employees,
                rs.getBigDecimal("annual_revenue"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("team"),
                rs.getString("work_plan"),
                rs.getBigDecimal("requested_amount"),
                ApplicationStatus.valueOf(rs.getString("status")),
                stageSeq,
                rs.getString("return_reason"),
                rs.getInt("version"),
                Sql.instant(rs, "submitted_at"),
                Sql.instant(rs, "updated_at"));
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(ApplicationCriteria c, Actor actor) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (c.programmeId() != null) {
            sql.append(" AND a.programme_id = :prog");
            p.put("prog", c.programmeId());
        }
        if (c.status() != null) {
            sql.append(" AND a.status = :status");
            p.put("status", c.status().name());
        }
        String county = c.county();
        if (actor != null && GrantsAccess.forcedCounty(actor) != null) {
            county = GrantsAccess.forcedCounty(actor);
        }
        if (county != null) {
            sql.append(" AND a.applicant_county = :county");
            p.put("county", county);
        }
        Long org = c.organisationId();
        if (actor != null && !GrantsAccess.seesAll(actor) && GrantsAccess.forcedCounty(actor) == null) {
            org = actor.organisationId() == null ? -1L : actor.organisationId();
        }
        if (org != null) {
            sql.append(" AND a.applicant_org_id = :org");
            p.put("org", org);
        }
        return new Where(sql.toString(), p);
    }

    @Transactional(readOnly = true)
    public PageResult<Application> applications(ApplicationCriteria c, PageRequest page, Actor actor) {
        if (GrantsAccess.isReviewer(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Where w = where(c, actor);
        long total =
                totals.count("SELECT COUNT(*) FROM grant_application a" + w.sql(), w.params(), "grant_application");
        // the page's ids from the applications alone, then their rows with the programme's name: with the
        // join before the page is cut, H2 joined and sorted every application of a status to keep twenty
        List<Application> rows = total == 0
                ? List.of()
                : Sql.pageByIds(
                        jdbc,
                        "SELECT a.id FROM grant_application a" + w.sql() + " ORDER BY a.id DESC",
                        w.params(),
                        page,
                        "SELECT a.*, p.name AS programme_name FROM grant_application a"
                                + " JOIN grant_programme p ON p.id = a.programme_id WHERE a.id IN (:ids) ORDER BY a.id DESC",
                        (rs, n) -> mapApplication(rs));
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    long count(ApplicationCriteria c) {
        Where w = where(c, null);
        return totals.count("SELECT COUNT(*) FROM grant_application a" + w.sql(), w.params(), "grant_application");
    }

    @Transactional(readOnly = true)
    public void forEachApplication(ApplicationCriteria c, Actor actor, Consumer<Application> consumer) {
        applications(c, PageRequest.of(0, PageRequest.MAX_SIZE), actor)
                .content()
                .forEach(consumer);
        // lists are exported a page of 200 at a time; programmes here have far fewer applications
    }

    // ------------------------------------------------------------ integrity

    @Transactional
    public IntegrityRecord recordIntegrity(IntegrityForm form, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Forms f = new Forms(messages);
        if (form.organisationId() == null) {
            f.reject("organisationId", "grants.required");
        } else {
            try {
                registry.find(form.organisationId());
            } catch (DomainException e) {
                f.reject("organisationId", "grants.organisationUnknown", form.organisationId());
            }
        }
        String severity =
                form.severity() == null ? null : form.severity().strip().toUpperCase(java.util.Locale.ROOT);
        if (!"MINOR".equals(severity) && !"SERIOUS".equals(severity)) {
            f.reject("severity", "grants.choiceInvalid", "MINOR, SERIOUS");
        }
        String description = f.text("description", form.description(), 1000);
        LocalDate recorded = f.date("recordedOn", form.recordedOn(), false);
        LocalDate until = f.date("validUntil", form.validUntil(), false);
        f.throwIfAny();
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO integrity_record (organisation_id, severity, description, recorded_on, valid_until)
                        VALUES (:o, :s, :d, :r, :u)""")
                .param("o", form.organisationId())
                .param("s", severity)
                .param("d", description)
                .param("r", recorded == null ? today() : recorded)
                .param("u", until)
                .update(kh, "id");
        long id = kh.getKeyAs(Number.class).longValue();
        IntegrityRecord r = integrity(form.organisationId()).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record("INTEGRITY_RECORDED", "integrity_record", id, null, r);
        return r;
    }

    /** The organisation's research-integrity records still in force (no end date or ending today or later). */
    public List<IntegrityRecord> integrity(long organisationId) {
        return jdbc.sql("""
                        SELECT id, organisation_id, severity, description, recorded_on, valid_until FROM integrity_record
                        WHERE organisation_id = :o AND (valid_until IS NULL OR valid_until >= :today) ORDER BY id""")
                .param("o", organisationId)
                .param("today", today())
                .query((rs, n) -> new IntegrityRecord(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }

    private void checkIntegrity(Application a, Programme p) {
        if (p.integrityBlocking()
                && integrity(a.applicantOrgId()).stream().anyMatch(r -> "SERIOUS".equals(r.severity()))) {
            throw DomainException.conflict("grants.integrityBlocked", a.applicantName());
        }
    }

    // ------------------------------------------------------------ review

    @Transactional
    public Application startReview(long id, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Application a = find(id);
        if (a.status() != ApplicationStatus.SUBMITTED) {
            throw DomainException.conflict(
                    "grants.cannotStartReview", a.status().name());
        }
        checkIntegrity(a, programme(a.programmeId()));
        jdbc.sql("UPDATE grant_application SET status = 'IN_REVIEW', stage_seq = 1, updated_at = :at WHERE id = :id")
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("grant_application");
        Application after = find(id);
        audit.record("GRANT_REVIEW_STARTED", "grant_application", id, a.status(), after.status());
        return after;
    }

    /** Assigns a reviewer to the application's current stage: a REVIEWER, not of the applicant's organisation, no declared conflict. */
    @Transactional
    public Assignment assign(long applicationId, long reviewerUserId, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Application a = find(applicationId);
        if (a.status() != ApplicationStatus.IN_REVIEW) {
            throw DomainException.conflict("grants.notInReview", a.status().name());
        }
        UserAccount reviewer = accounts.find(reviewerUserId)
                .orElseThrow(() -> DomainException.invalid("reviewerUserId", "grants.reviewerUnknown", reviewerUserId));
        if (reviewer.role() != Role.REVIEWER || !reviewer.enabled()) {
            throw DomainException.invalid("reviewerUserId", "grants.notAReviewer", reviewer.username());
        }
        if (Objects.equals(reviewer.organisationId(), a.applicantOrgId())) {
            throw DomainException.conflict("grants.reviewerSameOrganisation", reviewer.displayName());
        }
        if (hasConflict(reviewerUserId, a.applicantOrgId())) {
            throw DomainException.conflict("grants.reviewerConflict", reviewer.displayName());
        }
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO grant_assignment (application_id, stage_seq, reviewer_user_id, reviewer_name, status,
                          assigned_at) VALUES (:a, :s, :r, :name, 'ASSIGNED', :at)""")
                .param("a", applicationId)
                .param("s", a.stageSeq())
                .param("r", reviewerUserId)
                .param("name", reviewer.displayName())
                .param("at", Sql.timestamp(clock.instant()))
                .update(kh, "id");
        long id = kh.getKeyAs(Number.class).longValue();
        Assignment as = assignment(id);
        audit.record("GRANT_REVIEWER_ASSIGNED", "grant_application", applicationId, null, as);
        notify(
                Category.TASK,
                Audience.user(reviewerUserId),
                "grants.notify.reviewTask",
                List.of(a.title()),
                "/grants/review/" + id,
                null,
                "grants-review-" + id);
        return as;
    }

    private boolean hasConflict(long reviewerUserId, long orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM grant_conflict WHERE reviewer_user_id = :r AND organisation_id = :o")
                        .param("r", reviewerUserId)
                        .param("o", orgId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * A reviewer declares a conflict of interest with an organisation: open assignments on its
     * applications are withdrawn and no new ones can be made.
     */
    @Transactional
    public void declareConflict(long organisationId, String reason, Actor actor) {
        if (!GrantsAccess.isReviewer(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        registry.find(organisationId);
        if (!hasConflict(actor.userId(), organisationId)) {
            jdbc.sql("""
                            INSERT INTO grant_conflict (reviewer_user_id, organisation_id, reason, declared_at)
                            VALUES (:r, :o, :reason, :at)""")
                    .param("r", actor.userId())
                    .param("o", organisationId)
                    .param("reason", reason == null ? null : reason.strip())
                    .param("at", Sql.timestamp(clock.instant()))
                    .update();
        }
        jdbc.sql("""
                        UPDATE grant_assignment SET status = 'WITHDRAWN' WHERE reviewer_user_id = :r AND status = 'ASSIGNED'
                          AND application_id IN (SELECT id FROM grant_application WHERE applicant_org_id = :o)""").param("r", actor.userId()).param("o", organisationId).update();
        audit.record(
                "GRANT_CONFLICT_DECLARED",
                "organisation",
                organisationId,
                null,
                Map.of("reviewer", actor.username()),
                reason);
    }

    /** Declares a conflict on the organisation behind an assignment, without the reviewer seeing who it is. */
    @Transactional
    public void declareConflictOn(long assignmentId, String reason, Actor actor) {
        Assignment as = ownAssignment(assignmentId, actor);
        declareConflict(find(as.applicationId()).applicantOrgId(), reason, actor);
    }

    Assignment assignment(long id) {
        return jdbc.sql("SELECT * FROM grant_assignment WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> mapAssignment(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound("grants.assignmentUnknown", id));
    }

    private Assignment ownAssignment(long id, Actor actor) {
        Assignment as = assignment(id);
        if (as.reviewerUserId() != actor.userId() && !GrantsAccess.isOfficer(actor)) {
            throw DomainException.notFound("grants.assignmentUnknown", id);
        }
        return as;
    }

    private static Assignment mapAssignment(ResultSet rs) throws SQLException {
        return new Assignment(
                rs.getLong("id"),
                rs.getLong("application_id"),
                rs.getInt("stage_seq"),
                rs.getLong("reviewer_user_id"),
                rs.getString("reviewer_name"),
                rs.getString("status"),
                rs.getString("comment"),
                Sql.instant(rs, "assigned_at"),
                Sql.instant(rs, "submitted_at"));
    }

    private boolean assignedTo(long applicationId, long userId) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM grant_assignment WHERE application_id = :a AND reviewer_user_id = :u
                                  AND status <> 'WITHDRAWN'""")
                        .param("a", applicationId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    public List<Assignment> myAssignments(Actor actor) {
        return jdbc.sql(
                        "SELECT * FROM grant_assignment WHERE reviewer_user_id = :u AND status <> 'WITHDRAWN' ORDER BY id DESC")
                .param("u", actor.userId())
                .query((rs, n) -> mapAssignment(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Assignment> assignments(long applicationId, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        return jdbc.sql("SELECT * FROM grant_assignment WHERE application_id = :a ORDER BY stage_seq, id")
                .param("a", applicationId)
                .query((rs, n) -> mapAssignment(rs))
                .list();
    }

    /** What a reviewer works from: the application with the programme's blinded fields hidden, and the integrity records. */
    public record ReviewSheet(
            Assignment assignment,
            Application application,
            List<Criterion> criteria,
            Map<Long, BigDecimal> scores,
            List<IntegrityRecord> integrity) {}

    @Transactional(readOnly = true)
    public ReviewSheet reviewSheet(long assignmentId, Actor actor) {
        Assignment as = ownAssignment(assignmentId, actor);
        Application a = find(as.applicationId());
        Programme p = programme(a.programmeId());
        Map<Long, BigDecimal> scores = new HashMap<>();
        jdbc.sql("SELECT criterion_id, score FROM grant_score WHERE assignment_id = :a")
                .param("a", assignmentId)
                .query((rs, n) -> scores.put(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
        return new ReviewSheet(as, blinded(a, p.blindedFields()), p.criteria(), scores, integrity(a.applicantOrgId()));
    }

    @Transactional
    public Assignment score(long assignmentId, ScoreForm form, Actor actor) {
        Assignment as = assignment(assignmentId);
        if (as.reviewerUserId() != actor.userId()) {
            throw DomainException.notFound("grants.assignmentUnknown", assignmentId);
        }
        if (!"ASSIGNED".equals(as.status())) {
            throw DomainException.conflict("grants.reviewClosed", as.status());
        }
        Application a = find(as.applicationId());
        if (a.status() != ApplicationStatus.IN_REVIEW || !Objects.equals(a.stageSeq(), as.stageSeq())) {
            throw DomainException.conflict("grants.reviewClosed", a.status().name());
        }
        Programme p = programme(a.programmeId());
        Forms f = new Forms(messages);
        Map<Long, BigDecimal> scores = form.scores() == null ? Map.of() : form.scores();
        for (Criterion c : p.criteria()) {
            BigDecimal s = scores.get(c.id());
            String field = "scores." + c.id();
            if (s == null) {
                f.reject(field, "grants.required");
            } else if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(c.maxScore())) > 0 || s.scale() > 2) {
                f.reject(field, "grants.scoreRange", c.maxScore());
            }
        }
        for (Long k : scores.keySet()) {
            if (p.criteria().stream().noneMatch(c -> c.id() == k)) {
                f.reject("scores." + k, "grants.criterionUnknown", k);
            }
        }
        f.throwIfAny();
        for (Criterion c : p.criteria()) {
            jdbc.sql("INSERT INTO grant_score (assignment_id, criterion_id, score) VALUES (:a, :c, :s)")
                    .param("a", assignmentId)
                    .param("c", c.id())
                    .param("s", scores.get(c.id()))
                    .update();
        }
        jdbc.sql("UPDATE grant_assignment SET status = 'SUBMITTED', comment = :c, submitted_at = :at WHERE id = :id")
                .param("c", form.comment() == null ? null : form.comment().strip())
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", assignmentId)
                .update();
        Assignment after = assignment(assignmentId);
        audit.record("GRANT_REVIEW_SCORED", "grant_assignment", assignmentId, null, Map.of("scores", scores));
        return after;
    }

    /**
     * The running score of each application at a stage: per criterion the mean of the submitted
     * reviews over its maximum, times its weight (weights add up to 100); ranked best first.
     */
    @Transactional(readOnly = true)
    public List<Ranking> ranking(long programmeId, int stageSeq, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Programme p = programme(programmeId);
        List<Application> apps = jdbc.sql("""
                        SELECT a.*, p.name AS programme_name FROM grant_application a
                        JOIN grant_programme p ON p.id = a.programme_id
                        WHERE a.programme_id = :p AND a.stage_seq IS NOT NULL AND a.stage_seq >= :s
                          AND a.status IN ('IN_REVIEW', 'APPROVED', 'REJECTED') ORDER BY a.id""")
                .param("p", programmeId)
                .param("s", stageSeq)
                .query((rs, n) -> mapApplication(rs))
                .list();
        List<Ranking> rows = new ArrayList<>();
        for (Application a : apps) {
            Stagescore s = stageScore(a.id(), stageSeq, p.criteria());
            rows.add(new Ranking(
                    a.id(),
                    a.applicantName(),
                    a.title(),
                    a.requestedAmount(),
                    a.status(),
                    s.submitted,
                    s.assigned,
                    s.score,
                    0));
        }
        rows.sort((x, y) -> {
            if (x.score() == null && y.score() == null) {
                return Long.compare(x.applicationId(), y.applicationId());
            }
            if (x.score() == null) {
                return 1;
            }
            if (y.score() == null) {
                return -1;
            }
            int c = y.score().compareTo(x.score());
            return c != 0 ? c : Long.compare(x.applicationId(), y.applicationId());
        });
        List<Ranking> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Ranking r = rows.get(i);
            ranked.add(new Ranking(
                    r.applicationId(),
                    r.applicantName(),
                    r.title(),
                    r.requestedAmount(),
                    r.status(),
                    r.reviewsSubmitted(),
                    r.reviewsAssigned(),
                    r.score(),
                    r.score() == null ? 0 : i + 1));
        }
        return ranked;
    }

    private record Stagescore(int submitted, int assigned, BigDecimal score) {}

    private Stagescore stageScore(long applicationId, int stageSeq, List<Criterion> criteria) {
        List<Assignment> as = jdbc.sql("""
                        SELECT * FROM grant_assignment WHERE application_id = :a AND stage_seq = :s AND status <> 'WITHDRAWN'""")
                .param("a", applicationId)
                .param("s", stageSeq)
                .query((rs, n) -> mapAssignment(rs))
                .list();
        int submitted =
                (int) as.stream().filter(x -> "SUBMITTED".equals(x.status())).count();
        if (submitted == 0) {
            return new Stagescore(0, as.size(), null);
        }
        Map<Long, BigDecimal> means = new HashMap<>();
        jdbc.sql("""
                        SELECT s.criterion_id, AVG(s.score) FROM grant_score s JOIN grant_assignment g ON g.id = s.assignment_id
                        WHERE g.application_id = :a AND g.stage_seq = :s AND g.status = 'SUBMITTED' GROUP BY s.criterion_id""")
                .param("a", applicationId)
                .param("s", stageSeq)
                .query((rs, n) -> means.put(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
        return new Stagescore(submitted, as.size(), weighted(criteria, means));
    }

    /** Σ weight × mean ÷ max over the criteria, to 2 decimals. */
    static BigDecimal weighted(List<Criterion> criteria, Map<Long, BigDecimal> means) {
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            BigDecimal m = means.getOrDefault(c.id(), BigDecimal.ZERO);
            total = total.add(c.weight().multiply(m).divide(BigDecimal.valueOf(c.maxScore()), 8, RoundingMode.HALF_UP));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    /** The application's running score at its current stage (null before any review is in). */
    @Transactional(readOnly = true)
    public BigDecimal currentScore(long applicationId) {
        Application a = find(applicationId);
        if (a.stageSeq() == null) {
            return null;
        }
        return stageScore(
                        applicationId, a.stageSeq(), programme(a.programmeId()).criteria())
                .score;
    }

    /** Moves an application that passed its stage to the next one. */
    @Transactional
    public Application advance(long id, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Application a = find(id);
        Programme p = programme(a.programmeId());
        if (a.status() != ApplicationStatus.IN_REVIEW) {
            throw DomainException.conflict("grants.notInReview", a.status().name());
        }
        requirePassed(a, p);
        if (a.stageSeq() >= p.stages().size()) {
            throw DomainException.conflict("grants.lastStage");
        }
        jdbc.sql("UPDATE grant_application SET stage_seq = stage_seq + 1, updated_at = :at WHERE id = :id")
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("grant_application");
        Application after = find(id);
        audit.record("GRANT_STAGE_PASSED", "grant_application", id, a.stageSeq(), after.stageSeq());
        return after;
    }

    private void requirePassed(Application a, Programme p) {
        Stage stage = p.stages().get(a.stageSeq() - 1);
        BigDecimal score = stageScore(a.id(), a.stageSeq(), p.criteria()).score;
        if (score == null) {
            throw DomainException.conflict("grants.noReviewsYet");
        }
        if (score.compareTo(stage.passScore()) < 0) {
            throw DomainException.conflict(
                    "grants.belowPassScore",
                    score.toPlainString(),
                    stage.passScore().toPlainString());
        }
    }

    @Transactional
    public Application reject(long id, String reason, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Application a = find(id);
        if (a.status() != ApplicationStatus.IN_REVIEW && a.status() != ApplicationStatus.SUBMITTED) {
            throw DomainException.conflict("grants.cannotDecide", a.status().name());
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "grants.required");
        }
        jdbc.sql("UPDATE grant_application SET status = 'REJECTED', updated_at = :at WHERE id = :id")
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("grant_application");
        Application after = find(id);
        audit.record("GRANT_APPLICATION_REJECTED", "grant_application", id, a.status(), after.status(), reason.strip());
        notify(
                Category.RESULT,
                Audience.organisation(a.applicantOrgId()),
                "grants.notify.rejected",
                List.of(a.title()),
                "/grants/applications/" + id,
                null,
                null);
        return after;
    }

    /** Checks an application may be decided now: in review at the last stage, passed it, integrity clear. */
    Application decidable(long id) {
        Application a = find(id);
        Programme p = programme(a.programmeId());
        if (a.status() != ApplicationStatus.IN_REVIEW) {
            throw DomainException.conflict("grants.cannotDecide", a.status().name());
        }
        if (a.stageSeq() < p.stages().size()) {
            throw DomainException.conflict(
                    "grants.notLastStage", a.stageSeq(), p.stages().size());
        }
        requirePassed(a, p);
        checkIntegrity(a, p);
        return a;
    }

    void markApproved(long id) {
        jdbc.sql(
                        "UPDATE grant_application SET status = 'APPROVED', updated_at = :at WHERE id = :id AND status = 'IN_REVIEW'")
                .param("at", Sql.timestamp(clock.instant()))
                .param("id", id)
                .update();
        totals.changed("grant_application");
    }

    void notify(
            Category category,
            Audience audience,
            String code,
            List<String> args,
            String link,
            java.time.Instant due,
            String dedup) {
        List<String> safe = args.stream().map(s -> s == null ? "" : s).toList();
        events.publishEvent(new NotificationRequested("grants", category, audience, code, safe, link, due, dedup));
    }

    // ------------------------------------------------------------ demo

    int deleteDemo() {
        List<Long> apps = jdbc.sql("SELECT id FROM grant_application WHERE demo = TRUE")
                .query(Long.class)
                .list();
        for (Long a : apps) {
            jdbc.sql(
                            "DELETE FROM grant_score WHERE assignment_id IN (SELECT id FROM grant_assignment WHERE application_id = :a)")
                    .param("a", a)
                    .update();
            jdbc.sql("DELETE FROM grant_assignment WHERE application_id = :a")
                    .param("a", a)
                    .update();
            jdbc.sql("DELETE FROM grant_application_version WHERE application_id = :a")
                    .param("a", a)
                    .update();
        }
        jdbc.sql("DELETE FROM grant_application WHERE demo = TRUE").update();
        totals.changed("grant_application");
        jdbc.sql("DELETE FROM integrity_record WHERE demo = TRUE").update();
        List<Long> progs = jdbc.sql("SELECT id FROM grant_programme WHERE demo = TRUE")
                .query(Long.class)
                .list();
        for (Long p : progs) {
            jdbc.sql("DELETE FROM grant_round WHERE programme_id = :p")
                    .param("p", p)
                    .update();
            jdbc.sql("DELETE FROM grant_stage WHERE programme_id = :p")
                    .param("p", p)
                    .update();
            jdbc.sql("DELETE FROM grant_criterion WHERE programme_id = :p")
                    .param("p", p)
                    .update();
        }
        return jdbc.sql("DELETE FROM grant_programme WHERE demo = TRUE").update();
    }
}
