package org.gongtong.cultivation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Sql;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 小升高 pipeline: one record per enterprise (none stored = candidate), guarded moves (409 with
 * the reason when illegal), annual and change reports, and reminders computed against the clock.
 */
@Service
public class Pipeline {

    public enum Action {
        REGISTER_TECH_SME,
        APPLY_HNTE,
        RECOGNISE,
        REJECT,
        CANCEL
    }

    /** A requested move; fields used depend on the action. */
    public record Move(Action action, Integer year, String number, LocalDate date, String reason, Integer version) {}

    public record Status(
            CultivationRecord record, List<Integer> filedYears, List<Deadlines.Reminder> reminders, LocalDate today) {}

    /** One row of the office view: firms per stage, and how many are one step from the next stage. */
    public record Row(
            String key, Map<Stage, Integer> stages, int readyForTechSme, int readyForHnte, int renewalDue, int total) {}

    private final Records records;
    private final Enterprises enterprises;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    Pipeline(Records records, Enterprises enterprises, Registry registry, AuditLog audit, Clock clock) {
        this.records = records;
        this.enterprises = enterprises;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Enterprises.LOCAL));
    }

    @Transactional(readOnly = true)
    public Status status(long id, Actor actor) {
        enterprises.enterprise(id, actor);
        return status(id);
    }

    private Status status(long id) {
        CultivationRecord r = records.find(id).orElse(CultivationRecord.candidate(id));
        List<Integer> filed = records.filedYears(id);
        LocalDate today = today();
        return new Status(r, filed, Deadlines.of(r, filed, records.changes(id), today), today);
    }

    @Transactional
    public CultivationRecord move(long id, Move move, Actor actor) {
        Organisation o = enterprises.enterprise(id, actor);
        if (move == null || move.action() == null) {
            throw DomainException.invalid("action", "cultivation.input.required");
        }
        boolean firmMayDo = move.action() == Action.APPLY_HNTE && actor.canEdit(o.id(), o.county());
        if (!firmMayDo && !officer(actor, o)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        CultivationRecord before = records.find(id).orElse(CultivationRecord.candidate(id));
        if (move.version() != null && move.version() != before.version()) {
            throw DomainException.conflict("problem.stale");
        }
        LocalDate date = move.date() == null ? today() : move.date();
        CultivationRecord after;
        try {
            after = switch (move.action()) {
                case REGISTER_TECH_SME ->
                    before.registerTechSme(move.year() == null ? today().getYear() : move.year(), move.number());
                case APPLY_HNTE -> before.applyHnte(date);
                case RECOGNISE -> before.recognise(move.number(), date);
                case REJECT -> before.reject();
                case CANCEL -> before.cancel(date, move.reason());
            };
        } catch (CultivationRecord.IllegalTransition e) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    e.key(),
                    null,
                    Map.of("stage", before.stage().name()),
                    e.args());
        }
        if (!records.save(after, Sql.timestamp(clock.instant()))) {
            throw DomainException.conflict("problem.stale");
        }
        audit.record("CULTIVATION_" + move.action().name(), "cultivation_record", id, before, after, move.reason());
        return records.find(id).orElseThrow();
    }

    /** Files the HNTE annual report of a year of the certificate (the firm or an officer). */
    @Transactional
    public Status fileReport(long id, int year, Actor actor) {
        Organisation o = enterprises.enterprise(id, actor);
        if (!actor.canEdit(o.id(), o.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        CultivationRecord r = records.find(id).orElse(CultivationRecord.candidate(id));
        if (!Deadlines.reportYears(r).contains(year)
                || (r.stage() != Stage.RECOGNISED && r.stage() != Stage.RENEWAL_APPLIED)) {
            throw new DomainException(HttpStatus.CONFLICT, "cultivation.pipeline.noReportDue", "year", null, year);
        }
        if (today().isBefore(LocalDate.of(year + 1, 1, 1))) {
            throw new DomainException(HttpStatus.CONFLICT, "cultivation.pipeline.reportTooEarly", "year", null, year);
        }
        try {
            records.fileReport(id, year, today());
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "cultivation.pipeline.reportFiled", "year", null, year);
        }
        audit.record("CULTIVATION_ANNUAL_REPORT", "cultivation_record", id, null, Map.of("year", year));
        return status(id);
    }

    /** Records a name or major change, reported now or (reportedOn null) still to report. */
    @Transactional
    public Status recordChange(long id, Deadlines.Change change, Actor actor) {
        Organisation o = enterprises.enterprise(id, actor);
        if (!actor.canEdit(o.id(), o.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (change == null || change.changedOn() == null) {
            throw DomainException.invalid("changedOn", "cultivation.input.required");
        }
        if (change.description() == null || change.description().isBlank()) {
            throw DomainException.invalid("description", "cultivation.input.required");
        }
        records.addChange(id, change);
        audit.record("CULTIVATION_CHANGE", "cultivation_record", id, null, change);
        return status(id);
    }

    /** Cancels every recognition with two missed reports in its validity period; returns how many. */
    @Transactional
    public int applyMissedReports(Actor actor) {
        if (!actor.citywide()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        int n = 0;
        LocalDate today = today();
        for (CultivationRecord r : records.all().values()) {
            if (r.stage() != Stage.RECOGNISED && r.stage() != Stage.RENEWAL_APPLIED) {
                continue;
            }
            List<Integer> missed = Deadlines.missedReports(r, records.filedYears(r.organisationId()), today);
            if (missed.size() >= Deadlines.MISSED_REPORTS_CANCEL) {
                String reason = "MISSED_ANNUAL_REPORTS " + missed;
                CultivationRecord after = r.cancel(today, reason);
                if (records.save(after, Sql.timestamp(clock.instant()))) {
                    audit.record("CULTIVATION_CANCEL", "cultivation_record", r.organisationId(), r, after, reason);
                    n++;
                }
            }
        }
        return n;
    }

    /** The pipeline by county or industry for the enterprises the actor may see. */
    @Transactional(readOnly = true)
    public List<Row> overview(String by, Actor actor) {
        if (!seesOverview(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        String county = actor.role() == Role.COUNTY_OFFICER ? actor.county() : null;
        Map<Long, CultivationRecord> all = records.all();
        Map<String, int[]> counts = new TreeMap<>();
        LocalDate today = today();
        List<Organisation> firms = new ArrayList<>();
        registry.forEach(new OrganisationCriteria(null, OrganisationKind.ENTERPRISE, county, null, null), firms::add);
        for (Organisation o : firms) {
            String key = "industry".equals(by) ? o.industry() : o.county();
            key = key == null ? "" : key;
            int[] c = counts.computeIfAbsent(key, k -> new int[Stage.values().length + 4]);
            CultivationRecord r = all.getOrDefault(o.id(), CultivationRecord.candidate(o.id()));
            c[r.stage().ordinal()]++;
            int base = Stage.values().length;
            c[base + 3]++;
            if (r.stage() == Stage.CANDIDATE || r.stage() == Stage.TECH_SME) {
                Enterprises.Readiness ready = enterprises.readinessOf(o, null, today);
                if (r.stage() == Stage.CANDIDATE
                        && ready.techSme() != null
                        && ready.techSme().eligible()) {
                    c[base]++;
                }
                if (ready.hnte() != null && ready.hnte().verdict() != HnteResult.Verdict.NOT_YET) {
                    c[base + 1]++;
                }
            }
            if (r.stage() == Stage.RECOGNISED
                    && r.expiresOn() != null
                    && !today.isBefore(r.expiresOn().minusMonths(Deadlines.RENEWAL_MONTHS_AHEAD))) {
                c[base + 2]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, c) -> {
            Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
            for (Stage s : Stage.values()) {
                stages.put(s, c[s.ordinal()]);
            }
            int base = Stage.values().length;
            rows.add(new Row(key, stages, c[base], c[base + 1], c[base + 2], c[base + 3]));
        });
        return rows;
    }

    /** The pipeline overview is the office's view: the city's roles and county officers (their county). */
    public static boolean seesOverview(Actor actor) {
        return actor.citywide() || actor.role() == Role.COUNTY_OFFICER;
    }

    private static boolean officer(Actor actor, Organisation o) {
        if (actor.citywide()) {
            return true;
        }
        return actor.role() == Role.COUNTY_OFFICER
                && actor.county() != null
                && actor.county().equals(o.county());
    }
}
