package org.gongtong.services;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.identity.UserAccount;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.gongtong.notifications.NotificationRequested.Category;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.SummedPage;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shared instruments: the catalogue, training, maintenance, booking (no double booking, enforced
 * by the database through {@link BookingCells}), check-in, usage records, charges, no-shows, the
 * ICS feed and utilisation. Every change of a status or money is audited in its transaction.
 */
@Service
public class InstrumentService {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public record InstrumentForm(
            String name,
            Long ownerId,
            String location,
            String category,
            BigDecimal value,
            Integer slotMinutes,
            Integer leadHours,
            Integer maxHours,
            Boolean approvalNeeded,
            Integer hoursPerDay,
            BigDecimal priceInternal,
            BigDecimal pricePartner,
            BigDecimal priceExternal,
            Boolean trainingRequired,
            String trainingNote) {}

    public record StatusForm(String status, String until) {}

    public record BookingForm(String start, String end, Long userId, String purpose) {}

    public record UsageForm(String actualStart, String actualEnd, Integer samples, String outcome) {}

    public record MaintenanceForm(String start, String end, String reason) {}

    /** An instrument's page: the record with its partners, trained users and coming maintenance. */
    public record Details(
            Instrument instrument,
            List<Long> partners,
            List<InstrumentTraining> trained,
            List<MaintenanceWindow> maintenance,
            boolean manages) {}

    private final Instruments instruments;
    private final Bookings bookings;
    private final Registry registry;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration grace;

    InstrumentService(
            Instruments instruments,
            Bookings bookings,
            Registry registry,
            Accounts accounts,
            AuditLog audit,
            ApplicationEventPublisher events,
            Messages messages,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${gongtong.services.no-show-grace-minutes:15}") int graceMinutes) {
        this.instruments = instruments;
        this.bookings = bookings;
        this.registry = registry;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.grace = Duration.ofMinutes(graceMinutes);
    }

    // access

    /** Oversight roles and the owner's own users manage an instrument. */
    public static boolean manages(Actor a, long ownerId) {
        return a.role() == Role.ADMIN
                || a.role() == Role.CITY_OFFICER
                || a.role() == Role.INSTITUTE_STAFF
                || Objects.equals(a.organisationId(), ownerId);
    }

    public Duration grace() {
        return grace;
    }

    // catalogue

    @Transactional
    public Instrument create(InstrumentForm f, Actor actor) {
        return create(f, actor, false);
    }

    @Transactional
    Instrument create(InstrumentForm f, Actor actor, boolean demo) {
        List<FieldError> errors = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            errors.add(error("name", "services.required"));
        } else if (f.name().strip().length() > 200) {
            errors.add(error("name", "services.tooLong", 200));
        }
        Organisation owner = null;
        if (f.ownerId() == null) {
            errors.add(error("ownerId", "services.required"));
        } else {
            try {
                owner = registry.find(f.ownerId());
            } catch (DomainException e) {
                errors.add(error("ownerId", "services.organisationUnknown", f.ownerId()));
            }
        }
        if (f.value() == null) {
            errors.add(error("value", "services.required"));
        } else if (f.value().signum() < 0 || f.value().scale() > 2) {
            errors.add(error("value", "services.moneyInvalid"));
        }
        int slot = orDefault(f.slotMinutes(), 60);
        if (slot <= 0 || slot % BookingCells.CELL_MINUTES != 0 || 1440 % slot != 0) {
            errors.add(error("slotMinutes", "services.instrument.slotInvalid", BookingCells.CELL_MINUTES));
        }
        int lead = orDefault(f.leadHours(), 0);
        int max = orDefault(f.maxHours(), 8);
        int hpd = orDefault(f.hoursPerDay(), 8);
        if (lead < 0) {
            errors.add(error("leadHours", "services.notNegative"));
        }
        if (max <= 0 || max > 24 * 7) {
            errors.add(error("maxHours", "services.instrument.maxInvalid"));
        }
        if (hpd <= 0 || hpd > 24) {
            errors.add(error("hoursPerDay", "services.instrument.hoursPerDayInvalid"));
        }
        BigDecimal pi = price(f.priceInternal(), "priceInternal", errors);
        BigDecimal pp = price(f.pricePartner(), "pricePartner", errors);
        BigDecimal pe = price(f.priceExternal(), "priceExternal", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!manages(actor, owner.id())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Instant now = clock.instant();
        Instrument draft = new Instrument(
                0,
                f.name().strip(),
                owner.id(),
                owner.name(),
                owner.county(),
                blank(f.location()),
                blank(f.category()),
                f.value().setScale(2),
                Instrument.mustShare(f.value()),
                InstrumentStatus.AVAILABLE,
                null,
                slot,
                lead,
                max,
                Boolean.TRUE.equals(f.approvalNeeded()),
                hpd,
                pi,
                pp,
                pe,
                Boolean.TRUE.equals(f.trainingRequired()),
                blank(f.trainingNote()),
                demo,
                0,
                now);
        long id = instruments.insert(draft, now);
        Instrument created = instruments.find(id).orElseThrow();
        audit.record("INSTRUMENT_CREATED", "instrument", id, null, auditView(created));
        return created;
    }

    @Transactional(readOnly = true)
    public Instrument find(long id) {
        return instruments.find(id).orElseThrow(() -> DomainException.notFound("services.instrument.notFound", id));
    }

    @Transactional(readOnly = true)
    public Details details(long id, Actor actor) {
        Instrument i = find(id);
        Instant now = clock.instant();
        return new Details(
                i,
                instruments.partners(id),
                instruments.trainings(id),
                instruments.maintenance(id, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(366))),
                manages(actor, i.ownerId()));
    }

    /** The catalogue is open to every signed-in user: sharing is its purpose. */
    @Transactional(readOnly = true)
    public PageResult<Instrument> search(
            String q, Long ownerId, String county, Boolean mustShare, InstrumentStatus status, PageRequest page) {
        return instruments.search(new Instruments.Criteria(q, ownerId, county, mustShare, status), page);
    }

    @Transactional(readOnly = true)
    public long count(String county, Boolean mustShare) {
        return instruments.count(new Instruments.Criteria(null, null, county, mustShare, null));
    }

    @Transactional
    public Instrument changeStatus(long id, StatusForm form, Actor actor) {
        Instrument before = find(id);
        requireManager(actor, before);
        InstrumentStatus status;
        try {
            status = InstrumentStatus.valueOf(
                    form.status() == null ? "" : form.status().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "services.choiceInvalid", "AVAILABLE, MAINTENANCE, RETIRED");
        }
        if (before.status() == InstrumentStatus.RETIRED) {
            throw DomainException.conflict("services.instrument.retired", before.name());
        }
        LocalDate until = null;
        if (status == InstrumentStatus.MAINTENANCE) {
            until = date(form.until(), "until");
            if (until == null) {
                throw DomainException.invalid("until", "services.required");
            }
        }
        if (!instruments.updateStatus(id, status, until, before.version())) {
            throw DomainException.conflict("problem.stale");
        }
        // the status is also kept as a dated window (from now to the end of its date), which utilisation
        // subtracts; a change of status or date ends the one before at this moment
        Instant now = clock.instant();
        instruments.endStatusMaintenance(id, now);
        if (until != null) {
            Instant back = until.plusDays(1).atStartOfDay(ZONE).toInstant();
            if (back.isAfter(now)) {
                instruments.addMaintenance(id, now, back, null, true);
            }
        }
        Instrument after = find(id);
        audit.record("INSTRUMENT_STATUS", "instrument", id, auditView(before), auditView(after));
        return after;
    }

    @Transactional
    public void addPartner(long id, long organisationId, Actor actor) {
        Instrument i = find(id);
        requireManager(actor, i);
        registry.find(organisationId);
        instruments.addPartner(id, organisationId);
        audit.record("INSTRUMENT_PARTNER_ADDED", "instrument", id, null, Map.of("organisationId", organisationId));
    }

    @Transactional
    public void recordTraining(long id, long userId, String on, Actor actor) {
        Instrument i = find(id);
        requireManager(actor, i);
        user(userId);
        LocalDate day = on == null || on.isBlank() ? LocalDate.now(clock.withZone(ZONE)) : date(on, "trainedOn");
        instruments.addTraining(id, userId, day, actor.username());
        audit.record(
                "INSTRUMENT_TRAINING", "instrument", id, null, Map.of("userId", userId, "trainedOn", day.toString()));
    }

    @Transactional
    public MaintenanceWindow addMaintenance(long id, MaintenanceForm form, Actor actor) {
        Instrument i = find(id);
        requireManager(actor, i);
        Instant start = instant(form.start(), "start");
        Instant end = instant(form.end(), "end");
        if (!end.isAfter(start)) {
            throw DomainException.invalid("end", "services.booking.endBeforeStart");
        }
        bookings.overlapping(id, start, end).ifPresent(b -> {
            throw conflictWith(b);
        });
        long mid = instruments.addMaintenance(id, start, end, blank(form.reason()), false);
        audit.record(
                "INSTRUMENT_MAINTENANCE",
                "instrument",
                id,
                null,
                Map.of("start", start.toString(), "end", end.toString()));
        return new MaintenanceWindow(mid, id, start, end, blank(form.reason()), false);
    }

    // booking

    /**
     * Books the instrument. The rules are checked first for a clear answer; the database's key on
     * the booking's cells is what refuses a second booking of the same time when requests race
     * (ADR 0030): the loser gets a 409 naming the booking that won.
     */
    public Booking book(long instrumentId, BookingForm form, Actor actor) {
        Instant start = instant(form.start(), "start");
        Instant end = instant(form.end(), "end");
        try {
            return tx.execute(s -> bookInTransaction(instrumentId, start, end, form, actor, false));
        } catch (DataIntegrityViolationException | TransientDataAccessException e) {
            Optional<Booking> winner = tx.execute(s -> bookings.overlapping(instrumentId, start, end));
            if (winner != null && winner.isPresent()) {
                throw conflictWith(winner.get());
            }
            throw DomainException.conflict("services.booking.busy");
        }
    }

    Booking bookDemo(long instrumentId, Instant start, Instant end, long userId, String purpose) {
        return bookInTransaction(
                instrumentId, start, end, new BookingForm(null, null, userId, purpose), Actor.SYSTEM, true);
    }

    private Booking bookInTransaction(
            long instrumentId, Instant start, Instant end, BookingForm form, Actor actor, boolean demo) {
        Instrument i = find(instrumentId);
        Instant now = clock.instant();
        long userId = form.userId() == null ? actor.userId() : form.userId();
        boolean forSomeoneElse = userId != actor.userId();
        boolean manager = manages(actor, i.ownerId());
        if (forSomeoneElse && !manager) {
            throw DomainException.forbidden("services.booking.onlyManagersForOthers");
        }
        UserAccount user = user(userId);
        checkTimes(i, start, end, now, demo);
        if (i.trainingRequired()
                && !instruments.trained(i.id(), userId)
                && !(actor.isAdmin() || (forSomeoneElse && manager))) {
            throw DomainException.forbidden("services.booking.untrained", i.name());
        }
        for (MaintenanceWindow m : instruments.maintenance(i.id(), start, end)) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "services.booking.maintenance",
                    null,
                    Map.of("maintenanceId", m.id()),
                    local(m.start()),
                    local(m.end()));
        }
        markNoShows(userId, now);
        Optional<Booking> due = bookings.usageDue(userId, now);
        if (due.isPresent()) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "services.booking.usageDue",
                    null,
                    Map.of("bookingId", due.get().id()),
                    due.get().id(),
                    due.get().instrumentName());
        }
        Optional<Booking> clash = bookings.overlapping(i.id(), start, end);
        if (clash.isPresent()) {
            throw conflictWith(clash.get());
        }
        Tier tier = tier(i, user.organisationId());
        BookingStatus status = i.approvalNeeded() && !manager ? BookingStatus.PENDING : BookingStatus.CONFIRMED;
        long id = bookings.insert(
                i.id(),
                userId,
                user.organisationId(),
                actor.username(),
                start,
                end,
                blank(form.purpose()),
                tier,
                status,
                demo,
                now);
        bookings.occupy(i.id(), id, BookingCells.cells(start, end));
        Booking b = bookings.find(id).orElseThrow();
        audit.record("BOOKING_CREATED", "booking", id, null, auditView(b));
        if (status == BookingStatus.PENDING) {
            events.publishEvent(new NotificationRequested(
                    "services",
                    Category.TASK,
                    Audience.organisation(i.ownerId()),
                    "services.notify.bookingToConfirm",
                    List.of(i.name(), local(start), user.displayName()),
                    "/instruments/" + i.id(),
                    start,
                    "booking-confirm-" + id));
        }
        return b;
    }

    private void checkTimes(Instrument i, Instant start, Instant end, Instant now, boolean demo) {
        if (!end.isAfter(start)) {
            throw DomainException.invalid("end", "services.booking.endBeforeStart");
        }
        if (i.status() == InstrumentStatus.RETIRED) {
            throw DomainException.conflict("services.instrument.retired", i.name());
        }
        if (i.status() == InstrumentStatus.MAINTENANCE) {
            // "maintenance until D": out of service through the whole of day D, Asia/Shanghai
            Instant back = i.maintenanceUntil() == null
                    ? Instant.MAX
                    : i.maintenanceUntil().plusDays(1).atStartOfDay(ZONE).toInstant();
            if (start.isBefore(back)) {
                throw DomainException.conflict(
                        "services.booking.underMaintenance", i.name(), String.valueOf(i.maintenanceUntil()));
            }
        }
        ZonedDateTime s = start.atZone(ZONE);
        ZonedDateTime e = end.atZone(ZONE);
        if (!BookingCells.aligned(start)
                || !BookingCells.aligned(end)
                || minuteOfDay(s) % i.slotMinutes() != 0
                || minuteOfDay(e) % i.slotMinutes() != 0) {
            throw DomainException.invalid("start", "services.booking.notOnSlot", i.slotMinutes());
        }
        if (Duration.between(start, end).compareTo(Duration.ofHours(i.maxHours())) > 0) {
            throw DomainException.invalid("end", "services.booking.tooLong", i.maxHours());
        }
        if (!demo && start.isBefore(now.plus(Duration.ofHours(i.leadHours())))) {
            throw DomainException.invalid("start", "services.booking.leadTime", i.leadHours());
        }
    }

    private static int minuteOfDay(ZonedDateTime t) {
        LocalTime lt = t.toLocalTime();
        return lt.getHour() * 60 + lt.getMinute();
    }

    private Tier tier(Instrument i, Long userOrg) {
        if (userOrg == null) {
            return Tier.EXTERNAL;
        }
        if (userOrg == i.ownerId()) {
            return Tier.INTERNAL;
        }
        return instruments.isPartner(i.id(), userOrg) ? Tier.PARTNER : Tier.EXTERNAL;
    }

    @Transactional
    public Booking approve(long bookingId, boolean approved, String reason, Actor actor) {
        Booking b = booking(bookingId);
        Instrument i = find(b.instrumentId());
        requireManager(actor, i);
        BookingStatus to = approved ? BookingStatus.CONFIRMED : BookingStatus.REJECTED;
        if (!bookings.setStatus(bookingId, BookingStatus.PENDING, to)) {
            throw illegal(b, to);
        }
        if (!approved) {
            bookings.release(bookingId);
        }
        Booking after = booking(bookingId);
        audit.record("BOOKING_" + to.name(), "booking", bookingId, auditView(b), auditView(after), reason);
        events.publishEvent(new NotificationRequested(
                "services",
                Category.RESULT,
                Audience.user(b.userId()),
                approved ? "services.notify.bookingConfirmed" : "services.notify.bookingRejected",
                List.of(i.name(), local(b.start())),
                "/instruments/" + i.id(),
                null,
                null));
        return after;
    }

    @Transactional
    public Booking cancel(long bookingId, Actor actor) {
        Booking b = booking(bookingId);
        Instrument i = find(b.instrumentId());
        requireOwnOrManager(actor, b, i);
        if (!clock.instant().isBefore(b.start())) {
            throw DomainException.conflict("services.booking.alreadyStarted", bookingId);
        }
        if ((b.status() != BookingStatus.PENDING && b.status() != BookingStatus.CONFIRMED)
                || !bookings.setStatus(bookingId, b.status(), BookingStatus.CANCELLED)) {
            throw illegal(b, BookingStatus.CANCELLED);
        }
        bookings.release(bookingId);
        Booking after = booking(bookingId);
        audit.record("BOOKING_CANCELLED", "booking", bookingId, auditView(b), auditView(after));
        return after;
    }

    @Transactional
    public Booking checkIn(long bookingId, Actor actor) {
        Booking b = booking(bookingId);
        Instrument i = find(b.instrumentId());
        requireOwnOrManager(actor, b, i);
        Instant now = clock.instant();
        if (now.isBefore(b.start().minus(Duration.ofMinutes(BookingCells.CELL_MINUTES))) || !now.isBefore(b.end())) {
            throw DomainException.conflict("services.booking.checkInWindow", bookingId);
        }
        if (!bookings.checkIn(bookingId, BookingStatus.CONFIRMED, now)) {
            throw illegal(b, BookingStatus.IN_USE);
        }
        Booking after = booking(bookingId);
        audit.record("BOOKING_CHECKED_IN", "booking", bookingId, auditView(b), auditView(after));
        return after;
    }

    /** The usage record after a session: actual times, samples, outcome; the charge follows from them and the tier. */
    @Transactional
    public Booking recordUsage(long bookingId, UsageForm form, Actor actor) {
        Booking b = booking(bookingId);
        Instrument i = find(b.instrumentId());
        requireOwnOrManager(actor, b, i);
        Instant now = clock.instant();
        if (b.status() != BookingStatus.IN_USE
                && !(b.status() == BookingStatus.CONFIRMED && !now.isBefore(b.start()))) {
            throw illegal(b, BookingStatus.COMPLETED);
        }
        Instant s = form.actualStart() == null || form.actualStart().isBlank()
                ? (b.checkedInAt() != null && b.checkedInAt().isAfter(b.start()) ? b.checkedInAt() : b.start())
                : instant(form.actualStart(), "actualStart");
        Instant e = form.actualEnd() == null || form.actualEnd().isBlank()
                ? (now.isBefore(b.end()) ? now : b.end())
                : instant(form.actualEnd(), "actualEnd");
        if (!e.isAfter(s)) {
            throw DomainException.invalid("actualEnd", "services.booking.endBeforeStart");
        }
        if (e.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw DomainException.invalid("actualEnd", "services.usage.inFuture");
        }
        if (form.samples() != null && form.samples() < 0) {
            throw DomainException.invalid("samples", "services.notNegative");
        }
        BigDecimal charge = Hours.charge(i.price(b.tier()), s, e);
        if (!bookings.recordUsage(bookingId, b.status(), s, e, form.samples(), blank(form.outcome()), charge)) {
            throw illegal(b, BookingStatus.COMPLETED);
        }
        Booking after = booking(bookingId);
        audit.record("BOOKING_USAGE_RECORDED", "booking", bookingId, auditView(b), auditView(after));
        return after;
    }

    /**
     * Marks confirmed bookings nobody checked in to within the grace period as no-shows, and asks
     * for the usage record of sessions that ended without one. Runs on a schedule and before each
     * booking (for the booking user); tests call it after moving the clock.
     */
    @Transactional
    public int markNoShows() {
        Instant now = clock.instant();
        int n = markNoShows(null, now);
        for (Booking b : bookings.endedInUse(now)) {
            events.publishEvent(new NotificationRequested(
                    "services",
                    Category.TASK,
                    Audience.user(b.userId()),
                    "services.notify.usageDue",
                    List.of(b.instrumentName(), local(b.start())),
                    "/instruments/" + b.instrumentId(),
                    b.end(),
                    "booking-usage-" + b.id()));
        }
        return n;
    }

    private int markNoShows(Long userId, Instant now) {
        int n = 0;
        for (Booking b : bookings.unattended(now.minus(grace))) {
            if (userId != null && b.userId() != userId) {
                continue;
            }
            if (bookings.setStatus(b.id(), BookingStatus.CONFIRMED, BookingStatus.NO_SHOW)) {
                audit.record("BOOKING_NO_SHOW", "booking", b.id(), auditView(b), Map.of("status", "NO_SHOW"));
                n++;
            }
        }
        return n;
    }

    @Transactional(readOnly = true)
    public Booking find(long bookingId, Actor actor) {
        Booking b = booking(bookingId);
        return visible(b, find(b.instrumentId()), actor);
    }

    /** The instrument's calendar between two instants; others' purposes and charges are hidden. */
    @Transactional(readOnly = true)
    public List<Booking> bookings(long instrumentId, Instant from, Instant to, Actor actor) {
        Instrument i = find(instrumentId);
        return bookings.between(instrumentId, from, to).stream()
                .map(b -> visible(b, i, actor))
                .toList();
    }

    /** Bookings behind an indicator (or a user's own), with the sum of the measure. */
    @Transactional(readOnly = true)
    public SummedPage<Booking> search(
            String measure, String county, Long instrumentId, Long userId, Actor actor, PageRequest page) {
        Bookings.Measure m = null;
        if (measure != null && !measure.isBlank()) {
            try {
                m = Bookings.Measure.valueOf(measure.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("measure", "services.choiceInvalid", "BOOKED, USED, CHARGED");
            }
        }
        Long owner = null;
        String c = county;
        if (!actor.citywide()) {
            if (actor.role() == Role.COUNTY_OFFICER) {
                c = actor.county();
            } else if (userId == null || userId != actor.userId()) {
                owner = actor.organisationId() == null ? -1L : actor.organisationId();
            }
        }
        Bookings.Criteria criteria = new Bookings.Criteria(m, c, instrumentId, owner, userId);
        PageResult<Booking> rows = bookings.search(criteria, page);
        BigDecimal sum = bookings.sum(
                new Bookings.Criteria(m == null ? Bookings.Measure.BOOKED : m, c, instrumentId, owner, userId));
        return SummedPage.of(rows, sum);
    }

    /** The value of a booking indicator: the same criteria the drill-down uses. */
    @Transactional(readOnly = true)
    public BigDecimal indicator(String measure, String county) {
        return bookings.sum(new Bookings.Criteria(Bookings.Measure.valueOf(measure), county, null, null, null));
    }

    /** The instrument's bookings as an iCalendar feed (RFC 5545), times in UTC. */
    @Transactional(readOnly = true)
    public String ics(long instrumentId, Actor actor) {
        Instrument i = find(instrumentId);
        Instant now = clock.instant();
        List<Booking> rows =
                bookings.between(instrumentId, now.minus(Duration.ofDays(90)), now.plus(Duration.ofDays(366)));
        return Ics.calendar(i, rows.stream().filter(b -> b.status().holdsTime()).toList(), now);
    }

    // helpers

    private Booking visible(Booking b, Instrument i, Actor actor) {
        if (manages(actor, i.ownerId()) || b.userId() == actor.userId()) {
            return b;
        }
        return new Booking(
                b.id(),
                b.instrumentId(),
                b.instrumentName(),
                0,
                null,
                null,
                b.start(),
                b.end(),
                null,
                b.tier(),
                b.status(),
                null,
                null,
                null,
                null,
                null,
                null,
                b.demo(),
                b.createdAt());
    }

    private Booking booking(long id) {
        return bookings.find(id).orElseThrow(() -> DomainException.notFound("services.booking.notFound", id));
    }

    private UserAccount user(long id) {
        return accounts.find(id).orElseThrow(() -> DomainException.invalid("userId", "services.userUnknown", id));
    }

    private void requireManager(Actor actor, Instrument i) {
        if (!manages(actor, i.ownerId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }

    private void requireOwnOrManager(Actor actor, Booking b, Instrument i) {
        if (b.userId() != actor.userId() && !manages(actor, i.ownerId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }

    private static DomainException illegal(Booking b, BookingStatus to) {
        return DomainException.conflict(
                "services.booking.illegalTransition", b.id(), b.status().name(), to.name());
    }

    private DomainException conflictWith(Booking other) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("conflictingBookingId", other.id());
        props.put("conflictingStart", other.start().toString());
        props.put("conflictingEnd", other.end().toString());
        return new DomainException(
                HttpStatus.CONFLICT,
                "services.booking.overlap",
                null,
                props,
                other.id(),
                local(other.start()),
                local(other.end()));
    }

    static String local(Instant t) {
        return t == null ? "" : OffsetDateTime.ofInstant(t, ZONE).toString();
    }

    /** An ISO-8601 time with offset; a bare local date-time is read as Asia/Shanghai. */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(field, "services.required");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text.strip()).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                throw DomainException.invalid(field, "services.timeInvalid", text);
            }
        }
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "services.dateInvalid", text);
        }
    }

    /** A period bound: a date (start of that day in Asia/Shanghai) or a time with offset. */
    public static Instant bound(String text, boolean end, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (text.strip().length() == 10) {
            LocalDate d = date(text, end ? "to" : "from");
            return (end ? d.plusDays(1) : d).atStartOfDay(ZONE).toInstant();
        }
        return instant(text, end ? "to" : "from");
    }

    private BigDecimal price(BigDecimal p, String field, List<FieldError> errors) {
        if (p == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (p.signum() < 0 || p.scale() > 2) {
            errors.add(error(field, "services.moneyInvalid"));
            return BigDecimal.ZERO;
        }
        return p.setScale(2);
    }

    private FieldError error(String field, String key, Object... args) {
        return new FieldError(field, messages.get(key, args));
    }

    private static int orDefault(Integer v, int d) {
        return v == null ? d : v;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> auditView(Instrument i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("ownerId", i.ownerId());
        m.put("value", i.value().toPlainString());
        m.put("status", i.status().name());
        m.put(
                "maintenanceUntil",
                i.maintenanceUntil() == null ? null : i.maintenanceUntil().toString());
        m.put(
                "prices",
                List.of(
                        i.priceInternal().toPlainString(),
                        i.pricePartner().toPlainString(),
                        i.priceExternal().toPlainString()));
        return m;
    }

    private static Map<String, Object> auditView(Booking b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrumentId", b.instrumentId());
        m.put("userId", b.userId());
        m.put("start", b.start().toString());
        m.put("end", b.end().toString());
        m.put("tier", b.tier().name());
        m.put("status", b.status().name());
        m.put("charge", b.charge() == null ? null : b.charge().toPlainString());
        return m;
    }

    // demo data

    @Transactional
    public int deleteDemo() {
        int n = bookings.deleteDemo();
        int m = instruments.deleteDemo();
        if (n + m > 0) {
            audit.record("INSTRUMENT_DEMO_REMOVED", "instrument", null, null, Map.of("instruments", m, "bookings", n));
        }
        return m;
    }

    Long idByName(String name) {
        return instruments.idByName(name).orElse(null);
    }

    void addTrainingDemo(long id, long userId) {
        instruments.addTraining(id, userId, LocalDate.now(clock.withZone(ZONE)), "system");
    }

    List<Instrument> all(Long ownerId, String county) {
        return instruments.all(new Instruments.Criteria(null, ownerId, county, null, null));
    }

    List<Booking> between(long instrumentId, Instant from, Instant to) {
        return bookings.between(instrumentId, from, to);
    }

    List<MaintenanceWindow> maintenance(long instrumentId, Instant from, Instant to) {
        return instruments.maintenance(instrumentId, from, to);
    }

    Clock clock() {
        return clock;
    }
}
