package org.gongtong.services.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.gongtong.services.Booking;
import org.gongtong.services.Instrument;
import org.gongtong.services.InstrumentService;
import org.gongtong.services.InstrumentStatus;
import org.gongtong.services.Utilisation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The instrument catalogue, an instrument's calendar with booking and usage forms, utilisation. */
@Controller
@RequestMapping("/instruments")
class InstrumentPages {

    private final InstrumentService instruments;
    private final Utilisation utilisation;
    private final Messages messages;
    private final Clock clock;

    InstrumentPages(InstrumentService instruments, Utilisation utilisation, Messages messages, Clock clock) {
        this.instruments = instruments;
        this.utilisation = utilisation;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean mustShare,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            Model model) {
        InstrumentStatus s = status(status);
        PageResult<Instrument> rows = instruments.search(q, null, null, mustShare, s, PageRequest.of(page, 50));
        model.addAttribute("page", rows);
        model.addAttribute("q", q);
        model.addAttribute("mustShare", mustShare);
        model.addAttribute("status", s == null ? null : s.name());
        model.addAttribute("statuses", InstrumentStatus.values());
        return "services/instruments";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean mustShare,
            @RequestParam(required = false) String status,
            HttpServletResponse response)
            throws IOException {
        PageResult<Instrument> rows =
                instruments.search(q, null, null, mustShare, status(status), PageRequest.of(0, PageRequest.MAX_SIZE));
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=instruments.xlsx");
        List<List<?>> data = new ArrayList<>();
        for (Instrument i : rows.content()) {
            data.add(List.of(
                    i.id(),
                    i.name(),
                    i.ownerName(),
                    nz(i.category()),
                    nz(i.location()),
                    i.value(),
                    i.mustShare() ? "Y" : "N",
                    i.status().name(),
                    i.priceInternal(),
                    i.pricePartner(),
                    i.priceExternal()));
        }
        Xlsx.write(
                response.getOutputStream(),
                "instruments",
                List.of(
                        "id",
                        messages.get("services.instrument.name"),
                        messages.get("services.instrument.owner"),
                        messages.get("services.instrument.category"),
                        messages.get("services.instrument.location"),
                        messages.get("services.instrument.value"),
                        messages.get("services.instrument.mustShare"),
                        messages.get("services.instrument.status"),
                        messages.get("services.tier.INTERNAL"),
                        messages.get("services.tier.PARTNER"),
                        messages.get("services.tier.EXTERNAL")),
                data);
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Instrument i = instruments.create(
                    new InstrumentService.InstrumentForm(
                            text(form, "name"),
                            longOf(form, "ownerId"),
                            text(form, "location"),
                            text(form, "category"),
                            decimal(form, "value"),
                            intOf(form, "slotMinutes"),
                            intOf(form, "leadHours"),
                            intOf(form, "maxHours"),
                            form.containsKey("approvalNeeded"),
                            intOf(form, "hoursPerDay"),
                            decimal(form, "priceInternal"),
                            decimal(form, "pricePartner"),
                            decimal(form, "priceExternal"),
                            form.containsKey("trainingRequired"),
                            text(form, "trainingNote")),
                    actor);
            return "redirect:/instruments/" + i.id();
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", message(e));
            flash.addFlashAttribute("values", form);
            return "redirect:/instruments";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String week, Model model) {
        Actor actor = Actor.current().orElseThrow();
        InstrumentService.Details d = instruments.details(id, actor);
        LocalDate from;
        try {
            from = week == null || week.isBlank()
                    ? LocalDate.now(clock.withZone(InstrumentService.ZONE))
                    : LocalDate.parse(week);
        } catch (DateTimeParseException e) {
            from = LocalDate.now(clock.withZone(InstrumentService.ZONE));
        }
        Instant start = from.atStartOfDay(InstrumentService.ZONE).toInstant();
        List<Booking> calendar =
                instruments.bookings(id, start.minus(Duration.ofDays(7)), start.plus(Duration.ofDays(14)), actor);
        model.addAttribute("d", d);
        model.addAttribute("i", d.instrument());
        model.addAttribute("calendar", calendar);
        model.addAttribute("me", actor.userId());
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", InstrumentService.ZONE);
        return "services/instrument";
    }

    @PostMapping("/{id}/book")
    String book(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            String date = text(form, "date");
            String start =
                    date == null || text(form, "from") == null ? null : date + "T" + text(form, "from") + ":00+08:00";
            String end = date == null || text(form, "to") == null ? null : date + "T" + text(form, "to") + ":00+08:00";
            Booking b = instruments.book(
                    id,
                    new InstrumentService.BookingForm(start, end, longOf(form, "userId"), text(form, "purpose")),
                    Actor.current().orElseThrow());
            flash.addFlashAttribute("notice", messages.get("services.page.booked", b.id()));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/instruments/" + id;
    }

    @PostMapping("/{id}/bookings/{booking}/{action}")
    String act(
            @PathVariable long id,
            @PathVariable long booking,
            @PathVariable String action,
            @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        Actor actor = Actor.current().orElseThrow();
        try {
            switch (action) {
                case "check-in" -> instruments.checkIn(booking, actor);
                case "cancel" -> instruments.cancel(booking, actor);
                case "approve" -> instruments.approve(booking, true, null, actor);
                case "reject" -> instruments.approve(booking, false, text(form, "reason"), actor);
                case "usage" -> {
                    String day = text(form, "date");
                    String s = day == null || text(form, "actualFrom") == null
                            ? null
                            : day + "T" + text(form, "actualFrom") + ":00+08:00";
                    String e = day == null || text(form, "actualTo") == null
                            ? null
                            : day + "T" + text(form, "actualTo") + ":00+08:00";
                    instruments.recordUsage(
                            booking,
                            new InstrumentService.UsageForm(s, e, intOf(form, "samples"), text(form, "outcome")),
                            actor);
                }
                default -> throw DomainException.notFound("services.booking.notFound", booking);
            }
            flash.addFlashAttribute("notice", messages.get("services.page.done"));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/instruments/" + id;
    }

    @GetMapping("/utilisation")
    String utilisation(@RequestParam(required = false) String month, Model model) {
        YearMonth m;
        try {
            m = month == null || month.isBlank()
                    ? YearMonth.now(clock.withZone(InstrumentService.ZONE))
                    : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            m = YearMonth.now(clock.withZone(InstrumentService.ZONE));
        }
        Utilisation.Report r = utilisation.report(m, null, Actor.current().orElseThrow());
        model.addAttribute("report", r);
        model.addAttribute("month", m.toString());
        model.addAttribute("bars", Bars.of(r.instruments()));
        return "services/utilisation";
    }

    private String message(RuntimeException e) {
        if (e instanceof DomainException d) {
            return messages.get(d.messageKey(), d.args());
        }
        if (e instanceof ValidationException v) {
            return String.join("；", v.errors().stream().map(FieldError::message).toList());
        }
        throw e;
    }

    private static InstrumentStatus status(String s) {
        try {
            return s == null || s.isBlank() ? null : InstrumentStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static BigDecimal decimal(Map<String, String> form, String key) {
        String v = text(form, key);
        try {
            return v == null ? null : new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key, "services.moneyInvalid");
        }
    }

    static Long longOf(Map<String, String> form, String key) {
        BigDecimal d = decimal(form, key);
        return d == null ? null : d.longValue();
    }

    static Integer intOf(Map<String, String> form, String key) {
        BigDecimal d = decimal(form, key);
        return d == null ? null : d.intValue();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A bar per instrument for the server-drawn SVG chart (no JavaScript needed). */
    record Bars(List<Bar> bars) {
        record Bar(String label, int booked, int used, String bookedText, String usedText, int y) {}

        static Bars of(List<Utilisation.Row> rows) {
            List<Bar> out = new ArrayList<>();
            int y = 0;
            for (Utilisation.Row r : rows) {
                out.add(new Bar(
                        r.instrumentName(),
                        width(r.bookedRate()),
                        width(r.usedRate()),
                        pct(r.bookedRate()),
                        pct(r.usedRate()),
                        y));
                y += 44;
            }
            return new Bars(out);
        }

        public int height() {
            return Math.max(44, bars.size() * 44);
        }

        private static int width(BigDecimal rate) {
            return rate == null
                    ? 0
                    : Math.min(400, rate.multiply(BigDecimal.valueOf(400)).intValue());
        }

        private static String pct(BigDecimal rate) {
            return rate == null
                    ? "—"
                    : rate.multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
        }
    }
}
