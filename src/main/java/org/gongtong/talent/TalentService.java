package org.gongtong.talent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.gongtong.notifications.NotificationRequested.Category;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.Registry;
import org.gongtong.search.Matching;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Talent appointments (create, report, evaluate, end; expiring terms and missing reports flagged),
 * commissioner-to-need matching through the market's matching engine, horizontal projects and the
 * researcher's record. Status and evaluation changes and money are audited in their transaction.
 */
@Service
public class TalentService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A term ending within this many days is flagged as expiring. */
    public static final int EXPIRING_DAYS = 60;

    static final Set<String> GRADES = Set.of("EXCELLENT", "GOOD", "PASS", "FAIL");

    public record AppointmentForm(
            String programme,
            String personName,
            Long homeOrgId,
            Long hostOrgId,
            String startsOn,
            String endsOn,
            String duties,
            String agreedOutputs,
            String expertise,
            String industry,
            String studentName,
            String academicMentor,
            Boolean paidPartTime,
            Integer reportEveryMonths) {}

    public record ReportForm(String periodEnd, String summary, String outputs) {}

    public record EvaluationForm(String grade, String note) {}

    public record ProjectForm(
            String title,
            String contractNo,
            String researcherName,
            Long researcherOrgId,
            Long clientOrgId,
            String signedOn,
            BigDecimal amount) {}

    public record MilestoneForm(String title, String dueOn, String doneOn) {}

    public record ReceiptForm(String receivedOn, BigDecimal amount, String note) {}

    /** A researcher's record: appointments and horizontal projects with their totals. */
    public record ResearcherRecord(
            String name,
            List<Appointment> appointments,
            List<HorizontalProject> projects,
            int projectCount,
            BigDecimal contractTotal,
            BigDecimal receivedTotal) {}

    /** A need matched to a commissioner, from the market's matching engine. */
    public record NeedMatch(
            String needId, String title, Long organisationId, double score, List<String> matchedTerms) {}

    private final Appointments appointments;
    private final HorizontalProjects projects;
    private final Registry registry;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;
    private final ObjectProvider<Matching> matching;

    TalentService(
            Appointments appointments,
            HorizontalProjects projects,
            Registry registry,
            AuditLog audit,
            ApplicationEventPublisher events,
            Messages messages,
            Clock clock,
            ObjectProvider<Matching> matching) {
        this.appointments = appointments;
        this.projects = projects;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.matching = matching;
    }

    static boolean oversees(Actor a) {
        return a.role() == Role.ADMIN || a.role() == Role.CITY_OFFICER || a.role() == Role.INSTITUTE_STAFF;
    }

    private static boolean party(Actor a, long home, long host) {
        return oversees(a) || Objects.equals(a.organisationId(), home) || Objects.equals(a.organisationId(), host);
    }

    /** May {@code a} file reports on and end this appointment (the office, the home or the host organisation)? */
    public static boolean isParty(Actor a, Appointment appointment) {
        return party(a, appointment.homeOrgId(), appointment.hostOrgId());
    }

    /** May {@code a} evaluate it (the office or the host organisation)? */
    public static boolean mayEvaluate(Actor a, Appointment appointment) {
        return oversees(a) || Objects.equals(a.organisationId(), appointment.hostOrgId());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    @Transactional
    public Appointment appoint(AppointmentForm f, Actor actor) {
        return appoint(f, actor, false);
    }

    @Transactional
    Appointment appoint(AppointmentForm f, Actor actor, boolean demo) {
        List<FieldError> errors = new ArrayList<>();
        Programme programme = null;
        try {
            programme = Programme.valueOf(
                    f.programme() == null ? "" : f.programme().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(error(
                    "programme",
                    "talent.choiceInvalid",
                    "INDUSTRY_PROFESSOR, DUAL_MENTOR, COMMISSIONER, TECH_VICE_PRESIDENT"));
        }
        if (blank(f.personName()) == null) {
            errors.add(error("personName", "talent.required"));
        }
        Organisation home = org(f.homeOrgId(), "homeOrgId", errors);
        Organisation host = org(f.hostOrgId(), "hostOrgId", errors);
        LocalDate starts = date(f.startsOn(), "startsOn", errors);
        LocalDate ends = date(f.endsOn(), "endsOn", errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add(error("endsOn", "talent.endBeforeStart"));
        }
        int every = f.reportEveryMonths() == null ? 6 : f.reportEveryMonths();
        if (every < 1 || every > 24) {
            errors.add(error("reportEveryMonths", "talent.reportEveryInvalid"));
        }
        if (programme == Programme.DUAL_MENTOR && blank(f.studentName()) == null) {
            errors.add(error("studentName", "talent.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!party(actor, home.id(), host.id())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("programme", programme.name());
        v.put("person", f.personName().strip());
        v.put("home", home.id());
        v.put("host", host.id());
        v.put("starts", starts);
        v.put("ends", ends);
        v.put("duties", blank(f.duties()));
        v.put("outputs", blank(f.agreedOutputs()));
        v.put("expertise", blank(f.expertise()));
        v.put("industry", blank(f.industry()) == null ? host.industry() : blank(f.industry()));
        v.put("student", blank(f.studentName()));
        v.put("academic", blank(f.academicMentor()));
        v.put("paid", Boolean.TRUE.equals(f.paidPartTime()));
        v.put("every", every);
        v.put("demo", demo);
        v.put("at", org.gongtong.platform.Sql.timestamp(clock.instant()));
        long id = appointments.insert(v);
        Appointment a = find(id);
        audit.record(
                "APPOINTMENT_CREATED",
                "talent_appointment",
                id,
                null,
                Map.of(
                        "programme",
                        a.programme().name(),
                        "person",
                        a.personName(),
                        "home",
                        a.homeOrgId(),
                        "host",
                        a.hostOrgId(),
                        "term",
                        a.startsOn() + "/" + a.endsOn(),
                        "status",
                        a.status()));
        return a;
    }

    @Transactional(readOnly = true)
    public Appointment find(long id) {
        return appointments
                .find(id)
                .map(this::flagged)
                .orElseThrow(() -> DomainException.notFound("talent.appointment.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<Report> reports(long id) {
        find(id);
        return appointments.reports(id);
    }

    /** Appointments, with their flags; {@code flag} = EXPIRING or MISSING_REPORTS keeps only those flagged. */
    @Transactional(readOnly = true)
    public PageResult<Appointment> search(
            String programme, String county, Long organisationId, String person, String flag, PageRequest page) {
        Appointments.Criteria c = criteria(programme, county, organisationId, person);
        if (flag == null || flag.isBlank()) {
            return appointments.search(c, page).map(this::flagged);
        }
        String f = flag.strip().toUpperCase(Locale.ROOT);
        List<Appointment> all = appointments.search(c, PageRequest.of(0, PageRequest.MAX_SIZE)).content().stream()
                .map(this::flagged)
                .filter(a -> f.equals("EXPIRING") ? a.expiring() : a.reportsMissing())
                .toList();
        int from = (int) Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.size());
        return new PageResult<>(all.subList(from, to), all.size(), page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public long count(String programme, String county) {
        return appointments.count(criteria(programme, county, null, null));
    }

    private Appointments.Criteria criteria(String programme, String county, Long organisationId, String person) {
        Programme p = null;
        if (programme != null && !programme.isBlank()) {
            try {
                p = Programme.valueOf(programme.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(
                        "programme",
                        "talent.choiceInvalid",
                        "INDUSTRY_PROFESSOR, DUAL_MENTOR, COMMISSIONER, TECH_VICE_PRESIDENT");
            }
        }
        return new Appointments.Criteria(p, blank(county), organisationId, blank(person), null);
    }

    @Transactional
    public Report report(long id, ReportForm f, Actor actor) {
        Appointment a = find(id);
        if (!party(actor, a.homeOrgId(), a.hostOrgId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (!"ACTIVE".equals(a.status())) {
            throw DomainException.conflict("talent.appointment.notActive", id);
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate period = date(f.periodEnd(), "periodEnd", errors);
        if (blank(f.summary()) == null) {
            errors.add(error("summary", "talent.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long rid;
        try {
            rid = appointments.insertReport(
                    id, period, f.summary().strip(), blank(f.outputs()), actor.username(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("talent.report.duplicate", period);
        }
        audit.record("APPOINTMENT_REPORT", "talent_appointment", id, null, Map.of("periodEnd", period.toString()));
        return appointments.reports(id).stream()
                .filter(r -> r.id() == rid)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public Appointment evaluate(long id, EvaluationForm f, Actor actor) {
        Appointment a = find(id);
        if (!mayEvaluate(actor, a)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        String grade = f.grade() == null ? "" : f.grade().strip().toUpperCase(Locale.ROOT);
        if (!GRADES.contains(grade)) {
            throw DomainException.invalid("grade", "talent.choiceInvalid", "EXCELLENT, GOOD, PASS, FAIL");
        }
        appointments.evaluate(id, grade, blank(f.note()), today());
        Appointment after = find(id);
        audit.record(
                "APPOINTMENT_EVALUATED",
                "talent_appointment",
                id,
                a.evaluation() == null ? null : Map.of("evaluation", a.evaluation()),
                Map.of("evaluation", grade));
        return after;
    }

    /** Ends an active appointment (term over or terminated early). */
    @Transactional
    public Appointment end(long id, String reason, Actor actor) {
        Appointment a = find(id);
        if (!party(actor, a.homeOrgId(), a.hostOrgId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (!appointments.setStatus(id, "ACTIVE", "ENDED")) {
            throw DomainException.conflict("talent.appointment.notActive", id);
        }
        audit.record(
                "APPOINTMENT_ENDED",
                "talent_appointment",
                id,
                Map.of("status", "ACTIVE"),
                Map.of("status", "ENDED"),
                reason);
        return find(id);
    }

    /**
     * Flags expiring terms and missing reports as notifications to the host and home organisations
     * (deduplicated per appointment and period, so a daily run raises each once). Returns how many
     * appointments were flagged.
     */
    @Transactional
    public int flagDeadlines() {
        int n = 0;
        for (Appointments.Row r : appointments.active()) {
            Appointment a = flagged(r);
            if (a.expiring()) {
                n++;
                for (long org : new long[] {a.hostOrgId(), a.homeOrgId()}) {
                    events.publishEvent(new NotificationRequested(
                            "talent",
                            Category.DEADLINE,
                            Audience.organisation(org),
                            "talent.notify.expiring",
                            List.of(a.personName(), a.hostOrgName(), a.endsOn().toString()),
                            "/talent/appointments/" + a.id(),
                            a.endsOn().atStartOfDay(ZONE).toInstant(),
                            "talent-expiring-" + a.id()));
                }
            }
            if (a.reportsMissing()) {
                n++;
                events.publishEvent(new NotificationRequested(
                        "talent",
                        Category.TASK,
                        Audience.organisation(a.homeOrgId()),
                        "talent.notify.reportMissing",
                        List.of(a.personName(), a.hostOrgName(), String.valueOf(a.reportsDue() - a.reportsFiled())),
                        "/talent/appointments/" + a.id(),
                        null,
                        "talent-report-" + a.id() + "-" + a.reportsDue()));
            }
        }
        return n;
    }

    /**
     * Enterprises' needs matching a commissioner's expertise and field, through the market's
     * matching engine (the {@code search} module's {@link Matching}); no second search here.
     */
    @Transactional(readOnly = true)
    public List<NeedMatch> needsFor(long appointmentId, Actor actor, int limit) {
        Appointment a = find(appointmentId);
        Matching engine = matching.getIfAvailable();
        if (engine == null) {
            return List.of();
        }
        String text = String.join(" ", nz(a.expertise()), nz(a.duties()), nz(a.agreedOutputs()))
                .strip();
        Matching.MatchRequest request = new Matching.MatchRequest(
                text,
                a.industry(),
                Map.of(),
                Set.of("need"),
                Map.of(),
                List.of(),
                null,
                a.homeOrgId(),
                SearchScope.of(actor),
                limit);
        List<NeedMatch> out = new ArrayList<>();
        for (SearchHit h : engine.match(request)) {
            out.add(new NeedMatch(
                    h.id(),
                    h.title(),
                    h.document().ownerOrganisation(),
                    h.score(),
                    h.explanation() == null ? List.of() : h.explanation().matchedTerms()));
        }
        return out;
    }

    // horizontal projects

    @Transactional
    public HorizontalProject createProject(ProjectForm f, Actor actor) {
        return createProject(f, actor, false);
    }

    @Transactional
    HorizontalProject createProject(ProjectForm f, Actor actor, boolean demo) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(f.title()) == null) {
            errors.add(error("title", "talent.required"));
        }
        if (blank(f.researcherName()) == null) {
            errors.add(error("researcherName", "talent.required"));
        }
        Organisation ro = org(f.researcherOrgId(), "researcherOrgId", errors);
        Organisation client = org(f.clientOrgId(), "clientOrgId", errors);
        LocalDate signed = date(f.signedOn(), "signedOn", errors);
        if (f.amount() == null || f.amount().signum() <= 0 || f.amount().scale() > 2) {
            errors.add(error("amount", "talent.amountInvalid"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!party(actor, ro.id(), client.id())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        long id = projects.insert(
                f.title().strip(),
                blank(f.contractNo()),
                f.researcherName().strip(),
                ro.id(),
                client.id(),
                signed,
                f.amount().setScale(2),
                demo,
                clock.instant());
        audit.record(
                "HORIZONTAL_PROJECT_CREATED",
                "horizontal_project",
                id,
                null,
                Map.of(
                        "amount",
                        f.amount().setScale(2).toPlainString(),
                        "researcher",
                        f.researcherName().strip()));
        return project(id);
    }

    @Transactional(readOnly = true)
    public HorizontalProject project(long id) {
        return projects.find(id).orElseThrow(() -> DomainException.notFound("talent.project.notFound", id));
    }

    @Transactional
    public HorizontalProject addMilestone(long id, MilestoneForm f, Actor actor) {
        HorizontalProject p = projectFor(id, actor);
        List<FieldError> errors = new ArrayList<>();
        if (blank(f.title()) == null) {
            errors.add(error("title", "talent.required"));
        }
        LocalDate due = date(f.dueOn(), "dueOn", errors);
        LocalDate done = f.doneOn() == null || f.doneOn().isBlank() ? null : date(f.doneOn(), "doneOn", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        projects.addMilestone(p.id(), f.title().strip(), due, done);
        return project(id);
    }

    @Transactional
    public HorizontalProject addReceipt(long id, ReceiptForm f, Actor actor) {
        HorizontalProject p = projectFor(id, actor);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date(f.receivedOn(), "receivedOn", errors);
        if (f.amount() == null || f.amount().signum() <= 0 || f.amount().scale() > 2) {
            errors.add(error("amount", "talent.amountInvalid"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (p.received().add(f.amount()).compareTo(p.amount()) > 0) {
            throw DomainException.conflict("talent.receipt.exceeds", p.amount().toPlainString());
        }
        projects.addReceipt(id, on, f.amount().setScale(2), blank(f.note()));
        audit.record(
                "HORIZONTAL_RECEIPT",
                "horizontal_project",
                id,
                Map.of("received", p.received().toPlainString()),
                Map.of("received", p.received().add(f.amount()).setScale(2).toPlainString()));
        return project(id);
    }

    private HorizontalProject projectFor(long id, Actor actor) {
        HorizontalProject p = project(id);
        if (!party(actor, p.researcherOrgId(), p.clientOrgId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return p;
    }

    /** The researcher's record: their appointments and horizontal projects, with the totals. */
    @Transactional(readOnly = true)
    public ResearcherRecord researcher(String name, Long orgId) {
        if (blank(name) == null) {
            throw DomainException.invalid("name", "talent.required");
        }
        List<Appointment> apps = appointments
                .search(
                        new Appointments.Criteria(null, null, orgId, name.strip(), null),
                        PageRequest.of(0, PageRequest.MAX_SIZE))
                .content()
                .stream()
                .map(this::flagged)
                .toList();
        List<HorizontalProject> ps = projects.byResearcher(name.strip(), orgId);
        BigDecimal contract =
                ps.stream().map(HorizontalProject::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal received =
                ps.stream().map(HorizontalProject::received).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new ResearcherRecord(name.strip(), apps, ps, ps.size(), contract, received);
    }

    /** Home ↔ host organisation pairs with the start date, for the collaboration graph. */
    @Transactional(readOnly = true)
    public List<Object[]> pairs(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        List<long[]> p = appointments.pairs(from, to, dates);
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            out.add(new Object[] {p.get(i)[0], p.get(i)[1], dates.get(i)});
        }
        return out;
    }

    @Transactional
    public int deleteDemo() {
        int p = projects.deleteDemo();
        int a = appointments.deleteDemo();
        if (a + p > 0) {
            audit.record(
                    "TALENT_DEMO_REMOVED", "talent_appointment", null, null, Map.of("appointments", a, "projects", p));
        }
        return a;
    }

    @org.springframework.context.event.EventListener
    @Transactional
    public void on(org.gongtong.registry.DemoDataRemoving event) {
        deleteDemo();
    }

    // flags

    Appointment flagged(Appointments.Row r) {
        LocalDate today = today();
        LocalDate last = today.isBefore(r.endsOn()) ? today : r.endsOn();
        int due = 0;
        for (int k = 1;
                !r.startsOn().plusMonths((long) k * r.reportEveryMonths()).isAfter(last);
                k++) {
            due++;
        }
        boolean active = "ACTIVE".equals(r.status());
        boolean expiring = active && !r.endsOn().isBefore(today) && !r.endsOn().isAfter(today.plusDays(EXPIRING_DAYS));
        return new Appointment(
                r.id(),
                r.programme(),
                r.personName(),
                r.homeOrgId(),
                r.homeName(),
                r.hostOrgId(),
                r.hostName(),
                r.hostCounty(),
                r.startsOn(),
                r.endsOn(),
                r.duties(),
                r.agreedOutputs(),
                r.expertise(),
                r.industry(),
                r.studentName(),
                r.academicMentor(),
                r.paidPartTime(),
                r.reportEveryMonths(),
                r.status(),
                r.evaluation(),
                r.evaluationNote(),
                r.evaluatedOn(),
                due,
                r.reportsFiled(),
                expiring,
                active && r.reportsFiled() < due,
                r.demo(),
                r.createdAt());
    }

    private Organisation org(Long id, String field, List<FieldError> errors) {
        if (id == null) {
            errors.add(error(field, "talent.required"));
            return null;
        }
        try {
            return registry.find(id);
        } catch (DomainException e) {
            errors.add(error(field, "talent.organisationUnknown", id));
            return null;
        }
    }

    private LocalDate date(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(error(field, "talent.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(error(field, "talent.dateInvalid", text));
            return null;
        }
    }

    private FieldError error(String field, String key, Object... args) {
        return new FieldError(field, messages.get(key, args));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
