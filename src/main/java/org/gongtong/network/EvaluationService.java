package org.gongtong.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.network.EvaluationScoring.Figure;
import org.gongtong.network.EvaluationScoring.Points;
import org.gongtong.network.NetworkRecords.Institution;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual evaluation of R&D institutions: computes a year's points from the recorded figures by the
 * indicator set of the institution's kind ({@link EvaluationScoring}), proposes an outcome by the thresholds,
 * and lets the institute (or the office) confirm or override it; the decision moves the institution through
 * its life-cycle with {@link InstitutionService#transition}. Every step audited.
 */
@Service
public class EvaluationService {

    static final String TYPE = "institution_evaluation";
    private static final Set<InstitutionStatus> OUTCOMES =
            EnumSet.of(InstitutionStatus.CONTINUED, InstitutionStatus.WARNED, InstitutionStatus.EXITING);

    private final InstitutionEvaluations evaluations;
    private final Institutions institutions;
    private final InstitutionService institutionService;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    EvaluationService(
            InstitutionEvaluations evaluations,
            Institutions institutions,
            InstitutionService institutionService,
            AuditLog audit,
            Messages messages,
            Clock clock) {
        this.evaluations = evaluations;
        this.institutions = institutions;
        this.institutionService = institutionService;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** One indicator of a kind's set: the figure, its weight (points) and its target. */
    public record Indicator(Figure figure, BigDecimal weight, BigDecimal target) {}

    /** The thresholds: a score of at least continueAt continues, of at least warnAt is warned, else exits. */
    public record Thresholds(BigDecimal continueAt, BigDecimal warnAt) {}

    /** The settings: indicator sets per kind and the thresholds. */
    public record Settings(Map<InstitutionKind, List<Indicator>> indicators, Thresholds thresholds) {}

    /** A stored evaluation: its points, proposal and (once decided) final outcome. */
    public record Evaluation(
            long id,
            long institutionId,
            int year,
            BigDecimal score,
            List<Points> points,
            InstitutionStatus proposedOutcome,
            InstitutionStatus finalOutcome,
            String overrideReason,
            String decidedBy,
            Instant createdAt,
            String county) {}

    /** An evaluation in the overview, with the institution it belongs to. */
    public record Listed(Evaluation evaluation, String institutionName) {}

    /** Computes and stores the proposal for {@code year}; one per institution and year. */
    @Transactional
    public Evaluation compute(long institutionId, Integer year, Actor actor) {
        NetworkAccess.requireManager(actor);
        Institution inst = institutionService.find(institutionId, actor);
        int thisYear = LocalDate.now(clock).getYear();
        if (year == null || year < 2000 || year > thisYear) {
            throw DomainException.invalid("year", "network.figures.year");
        }
        if (!inst.status().evaluable()) {
            throw DomainException.conflict(
                    "network.evaluation.notOperating", messages.get("network.institution.status." + inst.status()));
        }
        if (evaluations.exists(institutionId, year)) {
            throw DomainException.conflict("network.evaluation.duplicate", Integer.toString(year));
        }
        NetworkRecords.YearFigures figures =
                institutions.figures(institutionId, year).orElse(null);
        List<Points> lines = new ArrayList<>();
        for (Indicator i : evaluations.indicators(inst.kind())) {
            BigDecimal actual = i.figure().of(figures);
            lines.add(new Points(
                    i.figure(),
                    i.target(),
                    actual,
                    i.weight(),
                    EvaluationScoring.points(i.weight(), i.target(), actual)));
        }
        BigDecimal score = EvaluationScoring.score(lines);
        Thresholds t = evaluations.thresholds();
        InstitutionStatus proposed = EvaluationScoring.propose(score, t.continueAt(), t.warnAt());
        long id;
        try {
            id = evaluations.insert(institutionId, year, score, lines, proposed.name(), clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.conflict("network.evaluation.duplicate", Integer.toString(year));
        }
        Evaluation created = evaluations.find(id).orElseThrow();
        audit.record("EVALUATION_PROPOSED", TYPE, id, null, created);
        return created;
    }

    /** Confirms the proposal: the institution moves to the proposed outcome. */
    @Transactional
    public Evaluation confirm(long id, Actor actor) {
        Evaluation e = undecided(id, actor);
        String reason = messages.get(
                "network.evaluation.confirmReason",
                Integer.toString(e.year()),
                e.score().toPlainString());
        return decide(e, e.proposedOutcome(), null, reason, actor, "EVALUATION_CONFIRMED");
    }

    /** Overrides the proposal with another outcome; the reason is mandatory. */
    @Transactional
    public Evaluation override(long id, String outcome, String reason, Actor actor) {
        Evaluation e = undecided(id, actor);
        List<FieldError> errors = new ArrayList<>();
        InstitutionStatus to = null;
        try {
            to = InstitutionService.parse(InstitutionStatus.class, outcome, "outcome");
        } catch (DomainException ex) {
            // reported below
        }
        if (to == null || !OUTCOMES.contains(to)) {
            errors.add(new FieldError("outcome", messages.get("network.evaluation.outcome")));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", messages.get("network.reason.required")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return decide(e, to, reason.strip(), reason.strip(), actor, "EVALUATION_OVERRIDDEN");
    }

    private Evaluation undecided(long id, Actor actor) {
        NetworkAccess.requireManager(actor);
        Evaluation e = find(id, actor);
        if (e.finalOutcome() != null) {
            throw DomainException.conflict("network.evaluation.decided");
        }
        return e;
    }

    private Evaluation decide(
            Evaluation e, InstitutionStatus to, String overrideReason, String reason, Actor actor, String action) {
        if (!evaluations.decide(e.id(), to.name(), overrideReason, actor.username())) {
            throw DomainException.conflict("network.evaluation.decided");
        }
        institutionService.transition(e.institutionId(), to.name(), reason, actor);
        Evaluation after = evaluations.find(e.id()).orElseThrow();
        audit.record(
                action,
                TYPE,
                e.id(),
                Map.of("proposedOutcome", e.proposedOutcome()),
                Map.of("finalOutcome", to, "decidedBy", actor.username()),
                reason);
        return after;
    }

    @Transactional(readOnly = true)
    public Evaluation find(long id, Actor actor) {
        Evaluation e = evaluations.find(id).orElseThrow(() -> DomainException.notFound("network.notFound"));
        NetworkAccess.requireSee(actor, e.county());
        return e;
    }

    @Transactional(readOnly = true)
    public List<Evaluation> list(long institutionId, Actor actor) {
        institutionService.find(institutionId, actor);
        return evaluations.ofInstitution(institutionId);
    }

    /** Evaluations of every institution the caller may see (a county officer: its county), of one year if given. */
    @Transactional(readOnly = true)
    public List<Listed> overview(Integer year, Actor actor) {
        return evaluations.overview(year, NetworkAccess.managesAll(actor) ? null : scopedCounty(actor));
    }

    private static String scopedCounty(Actor actor) {
        // canSee lets everybody but county officers see every county; a county officer sees only its own
        return NetworkAccess.canSee(actor, null) ? null : (actor.county() == null ? "-" : actor.county());
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        Map<InstitutionKind, List<Indicator>> map = new LinkedHashMap<>();
        for (InstitutionKind k : InstitutionKind.values()) {
            map.put(k, evaluations.indicators(k));
        }
        return new Settings(map, evaluations.thresholds());
    }

    /**
     * Changes the settings: each kind given replaces its indicator set (weights positive, summing to exactly 100;
     * targets not negative; each figure at most once); thresholds between 0 and 100 with warnAt below continueAt.
     */
    @Transactional
    public Settings updateSettings(Settings s, Actor actor) {
        NetworkAccess.requireManager(actor);
        List<FieldError> errors = new ArrayList<>();
        Map<InstitutionKind, List<Indicator>> clean = new LinkedHashMap<>();
        if (s.indicators() != null) {
            s.indicators().forEach((kind, list) -> {
                String f = "indicators." + kind;
                if (kind == null || list == null || list.isEmpty()) {
                    errors.add(new FieldError(f, messages.get("network.required")));
                    return;
                }
                BigDecimal sum = BigDecimal.ZERO;
                Set<Figure> seen = EnumSet.noneOf(Figure.class);
                List<Indicator> ok = new ArrayList<>();
                for (Indicator i : list) {
                    if (i == null || i.figure() == null || !seen.add(i.figure())) {
                        errors.add(new FieldError(f, messages.get("network.evaluation.figure")));
                        return;
                    }
                    if (i.weight() == null
                            || i.weight().signum() <= 0
                            || i.target() == null
                            || i.target().signum() < 0) {
                        errors.add(new FieldError(f, messages.get("network.figures.nonNegative")));
                        return;
                    }
                    sum = sum.add(i.weight());
                    ok.add(new Indicator(
                            i.figure(),
                            i.weight().setScale(2, RoundingMode.HALF_UP),
                            i.target().setScale(2, RoundingMode.HALF_UP)));
                }
                if (sum.compareTo(InstitutionService.HUNDRED) != 0) {
                    errors.add(new FieldError(
                            f,
                            messages.get(
                                    "network.evaluation.weights",
                                    sum.stripTrailingZeros().toPlainString())));
                    return;
                }
                clean.put(kind, ok);
            });
        }
        Thresholds t = s.thresholds();
        if (t != null) {
            if (t.continueAt() == null
                    || t.warnAt() == null
                    || t.warnAt().signum() < 0
                    || t.continueAt().compareTo(InstitutionService.HUNDRED) > 0
                    || t.warnAt().compareTo(t.continueAt()) >= 0) {
                errors.add(new FieldError("thresholds", messages.get("network.evaluation.thresholds")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Settings before = settings();
        clean.forEach(evaluations::replaceIndicators);
        if (t != null) {
            evaluations.updateThresholds(new Thresholds(
                    t.continueAt().setScale(2, RoundingMode.HALF_UP), t.warnAt().setScale(2, RoundingMode.HALF_UP)));
        }
        Settings after = settings();
        audit.record("EVALUATION_SETTINGS", TYPE, 0L, before, after);
        return after;
    }
}
