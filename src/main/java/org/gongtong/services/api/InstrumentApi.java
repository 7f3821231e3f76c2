package org.gongtong.services.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.services.Booking;
import org.gongtong.services.Instrument;
import org.gongtong.services.InstrumentService;
import org.gongtong.services.InstrumentStatus;
import org.gongtong.services.MaintenanceWindow;
import org.gongtong.services.Utilisation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/instruments")
@Tag(name = "Instruments", description = "Shared research instruments (科研仪器共享): catalogue, booking, ICS, utilisation")
class InstrumentApi {

    private final InstrumentService instruments;
    private final Utilisation utilisation;
    private final java.time.Clock clock;

    InstrumentApi(InstrumentService instruments, Utilisation utilisation, java.time.Clock clock) {
        this.instruments = instruments;
        this.utilisation = utilisation;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The catalogue; filters q, ownerId, county, mustShare, status")
    PageResult<Instrument> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean mustShare,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        InstrumentStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = InstrumentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("status", "services.choiceInvalid", "AVAILABLE, MAINTENANCE, RETIRED");
            }
        }
        return instruments.search(q, ownerId, blank(county), mustShare, s, PageRequest.of(page, size));
    }

    @PostMapping
    @Operation(
            summary = "Add an instrument",
            description = "{name, ownerId (registry organisation), value (yuan; ≥ 500,000 → must share), location?,"
                    + " category?, slotMinutes? (multiple of 15, default 60), leadHours?, maxHours?, approvalNeeded?,"
                    + " hoursPerDay?, priceInternal?, pricePartner?, priceExternal? (yuan per hour),"
                    + " trainingRequired?, trainingNote?}")
    ResponseEntity<Instrument> create(@RequestBody(required = false) InstrumentService.InstrumentForm form) {
        Instrument i = instruments.create(
                form == null
                        ? new InstrumentService.InstrumentForm(
                                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                                null)
                        : form,
                actor());
        return ResponseEntity.created(URI.create("/api/v1/instruments/" + i.id()))
                .body(i);
    }

    @GetMapping("/{id}")
    InstrumentService.Details get(@PathVariable long id) {
        return instruments.details(id, actor());
    }

    @PostMapping("/{id}/status")
    @Operation(
            summary = "Change status",
            description = "{status: AVAILABLE|MAINTENANCE|RETIRED, until? (date, for MAINTENANCE)}")
    Instrument status(@PathVariable long id, @RequestBody InstrumentService.StatusForm form) {
        return instruments.changeStatus(id, form, actor());
    }

    @PostMapping("/{id}/partners")
    @Operation(summary = "Add a partner organisation (partner price tier)", description = "{organisationId}")
    ResponseEntity<Void> partner(@PathVariable long id, @RequestBody Map<String, Long> body) {
        Long org = body.get("organisationId");
        if (org == null) {
            throw DomainException.invalid("organisationId", "services.required");
        }
        instruments.addPartner(id, org, actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/trainings")
    @Operation(summary = "Record that a user was trained on the instrument", description = "{userId, trainedOn?}")
    ResponseEntity<Void> training(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Object user = body.get("userId");
        if (!(user instanceof Number n)) {
            throw DomainException.invalid("userId", "services.required");
        }
        Object on = body.get("trainedOn");
        instruments.recordTraining(id, n.longValue(), on == null ? null : on.toString(), actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/maintenance")
    @Operation(summary = "Plan a maintenance window", description = "{start, end (ISO-8601 with offset), reason?}")
    ResponseEntity<MaintenanceWindow> maintenance(
            @PathVariable long id, @RequestBody InstrumentService.MaintenanceForm form) {
        MaintenanceWindow m = instruments.addMaintenance(id, form, actor());
        return ResponseEntity.status(201).body(m);
    }

    @PostMapping("/{id}/bookings")
    @Operation(
            summary = "Book the instrument",
            description = "{start, end (ISO-8601 with offset, e.g. 2026-12-01T09:00:00+08:00), userId? (managers book"
                    + " for others), purpose}. 409 names the conflicting booking (conflictingBookingId).")
    ResponseEntity<Booking> book(
            @PathVariable long id, @RequestBody(required = false) InstrumentService.BookingForm form) {
        Booking b = instruments.book(
                id, form == null ? new InstrumentService.BookingForm(null, null, null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + b.id())).body(b);
    }

    @GetMapping("/{id}/bookings")
    @Operation(
            summary =
                    "The instrument's bookings overlapping [from, to): dates (Asia/Shanghai days) or times with offset")
    List<Booking> bookings(
            @PathVariable long id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant now = clock.instant();
        Instant f = InstrumentService.bound(from, false, null);
        Instant t = InstrumentService.bound(to, true, null);
        if (f == null) {
            f = (t == null ? now : t).minus(Duration.ofDays(31));
        }
        if (t == null) {
            t = f.plus(Duration.ofDays(62));
        }
        return instruments.bookings(id, f, t, actor());
    }

    @GetMapping(value = "/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "ICS feed of the instrument's bookings")
    ResponseEntity<String> ics(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(instruments.ics(id, actor()));
    }

    @GetMapping("/utilisation")
    @Operation(summary = "Utilisation per instrument and owner in a month (yyyy-MM)")
    Utilisation.Report utilisation(@RequestParam String month, @RequestParam(required = false) Long ownerId) {
        YearMonth m;
        try {
            m = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", "services.monthInvalid", month);
        }
        return utilisation.report(m, ownerId, actor());
    }

    static Actor actor() {
        return Actor.current().orElseThrow(() -> DomainException.forbidden("problem.forbidden"));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
