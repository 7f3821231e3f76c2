package org.gongtong.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.gongtong.services.Incubation.Cohort;
import org.gongtong.services.Incubation.Criterion;
import org.gongtong.services.Incubation.Incubatee;
import org.gongtong.services.Incubation.Incubator;
import org.gongtong.services.Incubation.Kpi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incubators per industry, cohorts, intake by the scoring rubric, incubatees' monthly KPIs (entered
 * by the firm or the incubator, or imported from Excel), graduation and exit with reasons, and the
 * KPI export. Status changes are audited.
 */
@Service
public class IncubatorService {

    public record IncubatorForm(String name, Long operatorId, String industry, String address, BigDecimal spaceM2) {}

    public record IntakeForm(
            Long organisationId, Long cohortId, String entryDate, String space, Map<String, Integer> scores) {}

    public record LeaveForm(String on, String reason) {}

    public record KpiForm(
            BigDecimal revenue, Integer staff, BigDecimal rndSpend, Integer ipCount, BigDecimal fundingRaised) {}

    public record ImportReport(int imported, List<String> errors) {}

    private final Incubators incubators;
    private final Registry registry;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    IncubatorService(
            Incubators incubators,
            Registry registry,
            ReferenceData reference,
            AuditLog audit,
            Messages messages,
            Clock clock) {
        this.incubators = incubators;
        this.registry = registry;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The city's roles, which oversee every incubator. */
    public static boolean oversees(Actor a) {
        return a.role() == Role.ADMIN || a.role() == Role.CITY_OFFICER || a.role() == Role.INSTITUTE_STAFF;
    }

    /** May run the incubator: open cohorts, admit, enter and import KPIs, graduate and exit. */
    public static boolean operates(Actor a, Incubator i) {
        return oversees(a) || Objects.equals(a.organisationId(), i.operatorId());
    }

    /**
     * May read a firm's monthly figures (revenue, funding: the firm's private data): whoever may see the
     * firm's private data (the city, the firm itself, its county's officer) and the incubator's operator.
     */
    public static boolean readsKpis(Actor a, Incubatee e, Incubator i) {
        return operates(a, i) || a.canSeePrivateOf(e.organisationId(), e.county());
    }

    /** May export every firm's figures of the incubator at once. */
    public static boolean exportsKpis(Actor a, Incubator i) {
        return operates(a, i) || a.citywide();
    }

    @Transactional
    public Incubator create(IncubatorForm f, Actor actor) {
        return create(f, actor, false);
    }

    @Transactional
    Incubator create(IncubatorForm f, Actor actor, boolean demo) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(f.name()) == null) {
            errors.add(error("name", "services.required"));
        }
        Organisation op = null;
        if (f.operatorId() == null) {
            errors.add(error("operatorId", "services.required"));
        } else {
            try {
                op = registry.find(f.operatorId());
            } catch (DomainException e) {
                errors.add(error("operatorId", "services.organisationUnknown", f.operatorId()));
            }
        }
        String industry = null;
        if (blank(f.industry()) != null) {
            industry = reference
                    .industry(f.industry().strip())
                    .map(ReferenceData.Industry::code)
                    .orElse(null);
            if (industry == null) {
                errors.add(error(
                        "industry",
                        "services.choiceInvalid",
                        reference.industries().stream()
                                .map(ReferenceData.Industry::code)
                                .collect(Collectors.joining(", "))));
            }
        }
        if (f.spaceM2() != null && f.spaceM2().signum() < 0) {
            errors.add(error("spaceM2", "services.notNegative"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!oversees(actor) && !Objects.equals(actor.organisationId(), op.id())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (industry == null) {
            industry = op.industry();
        }
        long id = incubators.insert(
                f.name().strip(), op.id(), industry, blank(f.address()), f.spaceM2(), demo, clock.instant());
        audit.record(
                "INCUBATOR_CREATED",
                "incubator",
                id,
                null,
                Map.of("name", f.name().strip(), "operatorId", op.id()));
        return incubator(id);
    }

    @Transactional(readOnly = true)
    public Incubator incubator(long id) {
        return incubators.find(id).orElseThrow(() -> DomainException.notFound("services.incubator.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<Incubator> list(String industry) {
        return incubators.list(blank(industry), null);
    }

    @Transactional
    public Cohort addCohort(long incubatorId, String name, String startsOn, Actor actor) {
        Incubator i = incubator(incubatorId);
        if (!operates(actor, i)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (blank(name) == null) {
            throw DomainException.invalid("name", "services.required");
        }
        LocalDate starts = InstrumentService.date(startsOn, "startsOn");
        long id = incubators.insertCohort(incubatorId, name.strip(), starts == null ? today() : starts);
        return incubators.cohorts(incubatorId).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Cohort> cohorts(long incubatorId) {
        return incubators.cohorts(incubatorId);
    }

    /** Scores an applicant by the rubric: every criterion within 0..max, total ≥ {@link Incubation#PASS}. */
    public static int score(Map<String, Integer> scores, List<FieldError> errors, Messages messages) {
        int total = 0;
        for (Criterion c : Criterion.values()) {
            Integer v = scores == null ? null : scores.get(c.name());
            if (v == null || v < 0 || v > c.max) {
                errors.add(new FieldError("scores." + c.name(), messages.get("services.intake.scoreRange", c.max)));
            } else {
                total += v;
            }
        }
        if (scores != null) {
            for (String k : scores.keySet()) {
                try {
                    Criterion.valueOf(k);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("scores." + k, messages.get("services.intake.unknownCriterion", k)));
                }
            }
        }
        return total;
    }

    @Transactional
    public Incubatee admit(long incubatorId, IntakeForm f, Actor actor) {
        return admit(incubatorId, f, actor, false);
    }

    @Transactional
    Incubatee admit(long incubatorId, IntakeForm f, Actor actor, boolean demo) {
        Incubator i = incubator(incubatorId);
        if (!operates(actor, i)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        List<FieldError> errors = new ArrayList<>();
        if (f.organisationId() == null) {
            errors.add(error("organisationId", "services.required"));
        } else {
            try {
                registry.find(f.organisationId());
            } catch (DomainException e) {
                errors.add(error("organisationId", "services.organisationUnknown", f.organisationId()));
            }
        }
        if (f.cohortId() != null && incubators.cohorts(incubatorId).stream().noneMatch(c -> c.id() == f.cohortId())) {
            errors.add(error("cohortId", "services.incubator.cohortUnknown", f.cohortId()));
        }
        int total = score(f.scores(), errors, messages);
        LocalDate entry = f.entryDate() == null || f.entryDate().isBlank()
                ? today()
                : InstrumentService.date(f.entryDate(), "entryDate");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (total < Incubation.PASS) {
            throw new DomainException(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "services.intake.belowPass",
                    null,
                    Map.of("score", total),
                    total,
                    Incubation.PASS);
        }
        String scores = java.util.Arrays.stream(Criterion.values())
                .map(c -> c.name() + "=" + f.scores().get(c.name()))
                .collect(Collectors.joining(","));
        long id;
        try {
            id = incubators.insertIncubatee(
                    incubatorId,
                    f.cohortId(),
                    f.organisationId(),
                    entry,
                    blank(f.space()),
                    scores,
                    total,
                    demo,
                    clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.conflict("services.incubatee.duplicate", f.organisationId());
        }
        audit.record(
                "INCUBATEE_ADMITTED",
                "incubatee",
                id,
                null,
                Map.of(
                        "incubatorId",
                        incubatorId,
                        "organisationId",
                        f.organisationId(),
                        "intakeScore",
                        total,
                        "status",
                        "INCUBATING"));
        return incubatee(id);
    }

    @Transactional(readOnly = true)
    public Incubatee incubatee(long id) {
        return incubators
                .findIncubatee(id)
                .orElseThrow(() -> DomainException.notFound("services.incubatee.notFound", id));
    }

    @Transactional(readOnly = true)
    public PageResult<Incubatee> incubatees(Long incubatorId, String status, String county, PageRequest page) {
        return incubators.incubatees(criteria(incubatorId, status, county), page);
    }

    @Transactional(readOnly = true)
    public long count(String status, String county) {
        return incubators.count(criteria(null, status, county));
    }

    private static Incubators.Criteria criteria(Long incubatorId, String status, String county) {
        String s = blank(status) == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of("INCUBATING", "GRADUATED", "EXITED").contains(s)) {
            throw DomainException.invalid("status", "services.choiceInvalid", "INCUBATING, GRADUATED, EXITED");
        }
        return new Incubators.Criteria(incubatorId, s, blank(county), null);
    }

    /** INCUBATING → GRADUATED (reason optional) or EXITED (reason required). */
    @Transactional
    public Incubatee leave(long id, boolean graduated, LeaveForm f, Actor actor) {
        Incubatee e = incubatee(id);
        if (!operates(actor, incubator(e.incubatorId()))) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (!graduated && blank(f.reason()) == null) {
            throw DomainException.invalid("reason", "services.required");
        }
        LocalDate on = f.on() == null || f.on().isBlank() ? today() : InstrumentService.date(f.on(), "on");
        if (on.isBefore(e.entryDate())) {
            throw DomainException.invalid("on", "services.incubatee.leftBeforeEntry");
        }
        String to = graduated ? "GRADUATED" : "EXITED";
        if (!incubators.leave(id, to, on, blank(f.reason()))) {
            throw DomainException.conflict("services.incubatee.illegalTransition", id, e.status(), to);
        }
        audit.record(
                "INCUBATEE_" + to,
                "incubatee",
                id,
                Map.of("status", e.status()),
                Map.of("status", to, "on", on.toString()),
                blank(f.reason()));
        return incubatee(id);
    }

    /** The firm itself, its incubator's operator or the city enters a month's KPIs (again: replaced). */
    @Transactional
    public Kpi putKpi(long incubateeId, String month, KpiForm f, Actor actor) {
        Incubatee e = incubatee(incubateeId);
        if (!operates(actor, incubator(e.incubatorId()))
                && !Objects.equals(actor.organisationId(), e.organisationId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Kpi k = kpi(incubateeId, month, f, actor.username());
        incubators.putKpi(k);
        audit.record("INCUBATEE_KPI", "incubatee", incubateeId, null, Map.of("month", k.month()));
        return k;
    }

    private Kpi kpi(long incubateeId, String month, KpiForm f, String by) {
        YearMonth m;
        try {
            m = YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException ex) {
            throw DomainException.invalid("month", "services.monthInvalid", month);
        }
        List<FieldError> errors = new ArrayList<>();
        nonNegative(f.revenue(), "revenue", errors);
        nonNegative(f.rndSpend(), "rndSpend", errors);
        nonNegative(f.fundingRaised(), "fundingRaised", errors);
        if (f.staff() != null && f.staff() < 0) {
            errors.add(error("staff", "services.notNegative"));
        }
        if (f.ipCount() != null && f.ipCount() < 0) {
            errors.add(error("ipCount", "services.notNegative"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Kpi(
                incubateeId,
                m.toString(),
                scale(f.revenue()),
                f.staff(),
                scale(f.rndSpend()),
                f.ipCount(),
                scale(f.fundingRaised()),
                by);
    }

    @Transactional(readOnly = true)
    public List<Kpi> kpis(long incubateeId, Actor actor) {
        Incubatee e = incubatee(incubateeId);
        if (!readsKpis(actor, e, incubator(e.incubatorId()))) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return incubators.kpis(incubateeId, null);
    }

    /**
     * Imports KPIs from the first sheet: columns incubatee id, month (yyyy-MM), revenue, staff, R&D,
     * IP count, funding raised; a header row is skipped. Rows of other incubators are refused.
     */
    @Transactional
    public ImportReport importKpis(long incubatorId, InputStream in, Actor actor) throws IOException {
        Incubator i = incubator(incubatorId);
        if (!operates(actor, i)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        List<String> errors = new ArrayList<>();
        List<Kpi> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                String first = Xlsx.text(row.getCell(0));
                if (row.getRowNum() == 0 && first != null && !first.matches("\\d+")) {
                    continue;
                }
                if (first == null) {
                    continue;
                }
                int line = row.getRowNum() + 1;
                try {
                    long id = Long.parseLong(first);
                    Incubatee e = incubators.findIncubatee(id).orElse(null);
                    if (e == null || e.incubatorId() != incubatorId) {
                        errors.add(messages.get("services.kpi.import.unknownIncubatee", line, first));
                        continue;
                    }
                    rows.add(kpi(
                            id,
                            Xlsx.text(row.getCell(1)),
                            new KpiForm(dec(row, 2), integer(row, 3), dec(row, 4), integer(row, 5), dec(row, 6)),
                            actor.username()));
                } catch (NumberFormatException | DomainException | ValidationException ex) {
                    errors.add(messages.get("services.kpi.import.badRow", line));
                }
            }
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.EmptyFileException e) {
            throw DomainException.invalid("file", "services.kpi.import.notExcel");
        }
        if (!errors.isEmpty()) {
            return new ImportReport(0, errors);
        }
        rows.forEach(incubators::putKpi);
        audit.record("INCUBATEE_KPI_IMPORT", "incubator", incubatorId, null, Map.of("rows", rows.size()));
        return new ImportReport(rows.size(), List.of());
    }

    /** All KPIs of an incubator's incubatees as one sheet. */
    @Transactional(readOnly = true)
    public void exportKpis(long incubatorId, OutputStream out, Actor actor) throws IOException {
        if (!exportsKpis(actor, incubator(incubatorId))) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Map<Long, String> names = new LinkedHashMap<>();
        incubators
                .incubatees(
                        new Incubators.Criteria(incubatorId, null, null, null), PageRequest.of(0, PageRequest.MAX_SIZE))
                .content()
                .forEach(e -> names.put(e.id(), e.organisationName()));
        List<List<?>> rows = new ArrayList<>();
        for (Kpi k : incubators.kpis(null, incubatorId)) {
            List<Object> r = new ArrayList<>();
            r.add(k.incubateeId());
            r.add(k.month());
            r.add(k.revenue());
            r.add(k.staff());
            r.add(k.rndSpend());
            r.add(k.ipCount());
            r.add(k.fundingRaised());
            r.add(names.getOrDefault(k.incubateeId(), ""));
            rows.add(r);
        }
        Xlsx.write(
                out,
                "KPI",
                List.of(
                        messages.get("services.kpi.incubatee"),
                        messages.get("services.month"),
                        messages.get("services.kpi.revenue"),
                        messages.get("services.kpi.staff"),
                        messages.get("services.kpi.rnd"),
                        messages.get("services.kpi.ip"),
                        messages.get("services.kpi.funding"),
                        messages.get("services.kpi.name")),
                rows);
    }

    @Transactional
    public int deleteDemo() {
        return incubators.deleteDemo();
    }

    Long idByName(String name) {
        return incubators.idByName(name).orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(InstrumentService.ZONE));
    }

    private static BigDecimal dec(Row row, int i) {
        String t = Xlsx.text(row.getCell(i));
        return t == null ? null : new BigDecimal(t.replace(",", ""));
    }

    private static Integer integer(Row row, int i) {
        String t = Xlsx.text(row.getCell(i));
        return t == null ? null : Integer.valueOf(t);
    }

    private void nonNegative(BigDecimal v, String field, List<FieldError> errors) {
        if (v != null && (v.signum() < 0 || v.scale() > 2)) {
            errors.add(error(field, "services.moneyInvalid"));
        }
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(2);
    }

    private FieldError error(String field, String key, Object... args) {
        return new FieldError(field, messages.get(key, args));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
