package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Sql;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An enterprise's yearly figures (entered by its own users, officers of its county, or city-wide
 * roles; every change audited) and its readiness computed from them by both rule engines.
 */
@Service
public class Enterprises {

    public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final Figures figures;
    private final Records records;
    private final Registry registry;
    private final AuditLog audit;
    private final Messages messages;
    private final CultivationSettings settings;
    private final Clock clock;

    Enterprises(
            Figures figures,
            Records records,
            Registry registry,
            AuditLog audit,
            Messages messages,
            CultivationSettings settings,
            Clock clock) {
        this.figures = figures;
        this.records = records;
        this.registry = registry;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The enterprise, if the actor may read its private data; 404 for other kinds, 403 out of scope. */
    @Transactional(readOnly = true)
    public Organisation enterprise(long id, Actor actor) {
        Organisation o = registry.find(id);
        if (o.kind() != OrganisationKind.ENTERPRISE) {
            throw DomainException.notFound("cultivation.notEnterprise", id);
        }
        if (!actor.canSeePrivateOf(o.id(), o.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return o;
    }

    @Transactional(readOnly = true)
    public List<YearFigures> figures(long id, Actor actor) {
        enterprise(id, actor);
        return figures.of(id);
    }

    /** Records one year (insert or change); send {@code version} to refuse a stale change (409). */
    @Transactional
    public YearFigures save(long id, YearFigures f, Actor actor) {
        Organisation o = enterprise(id, actor);
        if (!actor.canEdit(o.id(), o.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        List<FieldError> errors = check(f);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OffsetDateTime now = Sql.timestamp(clock.instant());
        var before = figures.find(id, f.fiscalYear());
        if (before.isEmpty()) {
            figures.insert(id, f, now, actor.username());
        } else {
            int expected = f.version() == null ? before.get().version() : f.version();
            if (!figures.update(id, f, expected, now, actor.username())) {
                throw DomainException.conflict("problem.stale");
            }
        }
        YearFigures after = figures.find(id, f.fiscalYear()).orElseThrow();
        audit.record(
                before.isEmpty() ? "CULTIVATION_FIGURES_ADDED" : "CULTIVATION_FIGURES_CHANGED",
                "cultivation_figures",
                id + "/" + f.fiscalYear(),
                before.orElse(null),
                after);
        return after;
    }

    /** The latest fiscal year that can have closed accounts: last calendar year. */
    public int lastFiscalYear() {
        return LocalDate.now(clock.withZone(LOCAL)).getYear() - 1;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    /** Both evaluations built from the recorded figures, the latest year {@code year}. */
    public record Readiness(
            Organisation enterprise,
            int latestYear,
            HnteInput hnteInput,
            HnteResult hnte,
            List<FieldError> hnteProblems,
            TechSmeInput techSmeInput,
            TechSmeResult techSme,
            List<FieldError> techSmeProblems) {}

    @Transactional(readOnly = true)
    public Readiness readiness(long id, Integer year, LocalDate applicationDate, Actor actor) {
        return readinessOf(enterprise(id, actor), year, applicationDate);
    }

    /** Readiness without a scope check: for callers that already scoped their list of enterprises. */
    Readiness readinessOf(Organisation o, Integer year, LocalDate applicationDate) {
        long id = o.id();
        Map<Integer, YearFigures> byYear = new TreeMap<>();
        figures.of(id).forEach(f -> byYear.put(f.fiscalYear(), f));
        int latest = year != null
                ? year
                : byYear.isEmpty() ? lastFiscalYear() : ((TreeMap<Integer, YearFigures>) byYear).lastKey();
        HnteInput h = hnteInput(o, byYear, latest, applicationDate == null ? today() : applicationDate);
        TechSmeInput t = withCertificate(techSmeInput(o, byYear.get(latest)), validCertificate(id));
        RuleSettings s = settings.current();
        List<FieldError> hp = words(HnteRules.check(h));
        List<FieldError> tp = words(TechSmeRules.check(t));
        return new Readiness(
                o,
                latest,
                h,
                hp.isEmpty() ? HnteRules.evaluate(h, s) : null,
                hp,
                t,
                tp.isEmpty() ? TechSmeRules.evaluate(t, s) : null,
                tp);
    }

    /** The high-tech input from three years of figures; years without a row count as not operated. */
    public static HnteInput hnteInput(
            Organisation o, Map<Integer, YearFigures> byYear, int latest, LocalDate applicationDate) {
        YearFigures last = byYear.get(latest);
        List<BigDecimal> sales = new ArrayList<>();
        List<BigDecimal> net = new ArrayList<>();
        List<BigDecimal> rnd = new ArrayList<>();
        List<BigDecimal> domestic = new ArrayList<>();
        Integer transformations = null;
        for (int y = latest - 2; y <= latest; y++) {
            YearFigures f = byYear.get(y);
            sales.add(f == null ? null : f.salesRevenue());
            net.add(f == null ? null : f.netAssets());
            rnd.add(f == null ? null : f.rndTotal());
            domestic.add(f == null ? null : f.rndDomestic());
            if (f != null && f.transformations() != null) {
                transformations = (transformations == null ? 0 : transformations) + f.transformations();
            }
        }
        return new HnteInput(
                o.foundedOn(),
                applicationDate,
                last == null ? null : last.ownsCoreIp(),
                last == null ? null : last.inKeyField(),
                last == null ? fromRegistry(o) : last.employees(),
                last == null ? null : last.techStaff(),
                sales,
                net,
                rnd,
                domestic,
                last == null ? null : last.totalIncome(),
                last == null ? null : last.hitechRevenue(),
                last == null ? null : last.majorIncident(),
                last == null ? null : last.ipClassI(),
                last == null ? null : last.ipClassII(),
                last != null && Boolean.TRUE.equals(last.ownRndIp()),
                0,
                transformations,
                null,
                null,
                null,
                null);
    }

    /** A recognised firm whose certificate has not expired qualifies for tech SME directly. */
    private boolean validCertificate(long id) {
        LocalDate today = today();
        return records.find(id)
                .filter(r -> r.stage() == Stage.RECOGNISED || r.stage() == Stage.RENEWAL_APPLIED)
                .filter(r -> r.expiresOn() != null && today.isBefore(r.expiresOn()))
                .isPresent();
    }

    private static TechSmeInput withCertificate(TechSmeInput t, boolean certificate) {
        return new TechSmeInput(
                t.employees(),
                t.techStaff(),
                t.salesRevenue(),
                t.totalAssets(),
                t.totalCostAndExpense(),
                t.rndExpense(),
                t.ipClassI(),
                t.ipClassII(),
                t.prohibitedProducts(),
                t.seriousViolation(),
                certificate,
                t.nationalAwardTop3Within5y(),
                t.provincialRndInstitution(),
                t.ledStandardWithin5y());
    }

    public static TechSmeInput techSmeInput(Organisation o, YearFigures f) {
        if (f == null) {
            return new TechSmeInput(
                    fromRegistry(o),
                    null,
                    o.annualRevenue(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    false,
                    false,
                    false,
                    false,
                    false);
        }
        return new TechSmeInput(
                f.employees(),
                f.techStaff(),
                f.salesRevenue(),
                f.totalAssets(),
                f.totalCostAndExpense(),
                f.rndTotal(),
                f.ipClassI(),
                f.ipClassII(),
                Boolean.TRUE.equals(f.prohibitedProducts()),
                Boolean.TRUE.equals(f.seriousViolation()),
                false,
                false,
                false,
                false);
    }

    private static BigDecimal fromRegistry(Organisation o) {
        return o.employees() == null ? null : BigDecimal.valueOf(o.employees());
    }

    private List<FieldError> words(List<InputError> errors) {
        return errors.stream()
                .map(e -> new FieldError(e.field(), messages.get(e.key(), e.args())))
                .toList();
    }

    private List<FieldError> check(YearFigures f) {
        List<InputError> e = new ArrayList<>();
        int last = lastFiscalYear() + 1;
        if (f.fiscalYear() == null) {
            e.add(new InputError("fiscalYear", "cultivation.input.required"));
        } else if (f.fiscalYear() < 1949 || f.fiscalYear() > last) {
            e.add(new InputError("fiscalYear", "cultivation.input.between", "1949", String.valueOf(last)));
        }
        optional(e, "employees", f.employees());
        optional(e, "techStaff", f.techStaff());
        optional(e, "salesRevenue", f.salesRevenue());
        optional(e, "totalAssets", f.totalAssets());
        optional(e, "totalCostAndExpense", f.totalCostAndExpense());
        optional(e, "rndTotal", f.rndTotal());
        optional(e, "rndDomestic", f.rndDomestic());
        optional(e, "totalIncome", f.totalIncome());
        optional(e, "hitechRevenue", f.hitechRevenue());
        for (var c : List.of(
                Map.entry("ipClassI", nz(f.ipClassI())),
                Map.entry("ipClassII", nz(f.ipClassII())),
                Map.entry("transformations", nz(f.transformations())))) {
            if (c.getValue() < 0) {
                e.add(new InputError(c.getKey(), "cultivation.input.nonNegative"));
            }
        }
        if (f.employees() != null && f.techStaff() != null && f.techStaff().compareTo(f.employees()) > 0) {
            e.add(new InputError("techStaff", "cultivation.input.techStaffAboveEmployees"));
        }
        if (f.rndTotal() != null && f.rndDomestic() != null && f.rndDomestic().compareTo(f.rndTotal()) > 0) {
            e.add(new InputError("rndDomestic", "cultivation.input.domesticAboveTotal"));
        }
        if (f.totalIncome() != null
                && f.hitechRevenue() != null
                && f.hitechRevenue().compareTo(f.totalIncome()) > 0) {
            e.add(new InputError("hitechRevenue", "cultivation.input.hitechAboveIncome"));
        }
        return words(e);
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    private static void optional(List<InputError> e, String field, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            e.add(new InputError(field, "cultivation.input.nonNegative"));
        }
    }
}
