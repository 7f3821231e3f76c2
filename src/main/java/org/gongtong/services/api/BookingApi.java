package org.gongtong.services.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.SummedPage;
import org.gongtong.services.Booking;
import org.gongtong.services.InstrumentService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings", description = "Instrument bookings: approval, check-in, usage records, charges")
class BookingApi {

    private final InstrumentService instruments;

    BookingApi(InstrumentService instruments) {
        this.instruments = instruments;
    }

    @GetMapping
    @Operation(
            summary = "Bookings with the sum of a measure",
            description =
                    "measure = BOOKED (sum = booked hours) | USED (sum = used hours) | CHARGED (sum = charges, yuan);"
                            + " filters county, instrumentId, userId")
    SummedPage<Booking> list(
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Long instrumentId,
            @RequestParam(required = false) Long userId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return instruments.search(
                measure,
                InstrumentApi.blank(county),
                instrumentId,
                userId,
                InstrumentApi.actor(),
                PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    Booking get(@PathVariable long id) {
        return instruments.find(id, InstrumentApi.actor());
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve or reject a pending booking", description = "{approved: true|false, reason?}")
    Booking approve(@PathVariable long id, @RequestBody Map<String, Object> body) {
        boolean approved = !Boolean.FALSE.equals(body.get("approved"));
        Object reason = body.get("reason");
        return instruments.approve(id, approved, reason == null ? null : reason.toString(), InstrumentApi.actor());
    }

    @PostMapping("/{id}/cancel")
    Booking cancel(@PathVariable long id) {
        return instruments.cancel(id, InstrumentApi.actor());
    }

    @PostMapping("/{id}/check-in")
    Booking checkIn(@PathVariable long id) {
        return instruments.checkIn(id, InstrumentApi.actor());
    }

    @PostMapping("/{id}/usage")
    @Operation(
            summary = "Record the usage after a session",
            description = "{actualStart?, actualEnd?, samples?, outcome?}; the charge = hours × the tier's price")
    Booking usage(@PathVariable long id, @RequestBody(required = false) InstrumentService.UsageForm form) {
        return instruments.recordUsage(
                id,
                form == null ? new InstrumentService.UsageForm(null, null, null, null) : form,
                InstrumentApi.actor());
    }
}
