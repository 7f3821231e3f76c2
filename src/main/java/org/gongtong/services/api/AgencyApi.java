package org.gongtong.services.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gongtong.services.AgencyService;
import org.gongtong.services.ServiceOrders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agencies", description = "The public testing platform and service agencies: catalogues, orders, ratings")
class AgencyApi {

    private final AgencyService agencies;

    AgencyApi(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GetMapping("/api/v1/agencies")
    @Operation(summary = "Agencies with their services, order volumes and average rating; kind filter")
    List<ServiceOrders.Agency> list(@RequestParam(required = false) String kind) {
        InstrumentApi.actor();
        return agencies.list(kind);
    }

    @PostMapping("/api/v1/agencies")
    @Operation(
            summary = "Register an agency",
            description =
                    "{organisationId, name?, kind: TESTING_PLATFORM|IP|TECH_TRANSFER|DESIGN|CONSULTING, description?}")
    ResponseEntity<ServiceOrders.Agency> create(@RequestBody AgencyService.AgencyForm form) {
        ServiceOrders.Agency a = agencies.create(form, InstrumentApi.actor());
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + a.id())).body(a);
    }

    @GetMapping("/api/v1/agencies/{id}")
    ServiceOrders.Agency get(@PathVariable long id) {
        InstrumentApi.actor();
        return agencies.agency(id);
    }

    @PostMapping("/api/v1/agencies/{id}/services")
    @Operation(summary = "Add a service to the catalogue", description = "{name, category, unitPrice?, description?}")
    ResponseEntity<ServiceOrders.Agency> offering(@PathVariable long id, @RequestBody AgencyService.OfferingForm form) {
        return ResponseEntity.status(201).body(agencies.addOffering(id, form, InstrumentApi.actor()));
    }

    @PostMapping("/api/v1/agencies/{id}/orders")
    @Operation(
            summary = "Request a service",
            description = "{serviceId?, clientId? (default: the caller's organisation), description}")
    ResponseEntity<ServiceOrders.Order> request(@PathVariable long id, @RequestBody AgencyService.OrderForm form) {
        ServiceOrders.Order o = agencies.request(id, form, InstrumentApi.actor());
        return ResponseEntity.created(URI.create("/api/v1/service-orders/" + o.id()))
                .body(o);
    }

    @GetMapping("/api/v1/service-orders")
    List<ServiceOrders.Order> orders(@RequestParam(required = false) Long agencyId) {
        return agencies.orders(agencyId, InstrumentApi.actor());
    }

    @GetMapping("/api/v1/service-orders/{id}")
    ServiceOrders.Order order(@PathVariable long id) {
        return agencies.order(id, InstrumentApi.actor());
    }

    @PostMapping("/api/v1/service-orders/{id}/quote")
    @Operation(summary = "The agency quotes", description = "{amount}")
    ServiceOrders.Order quote(@PathVariable long id, @RequestBody Map<String, BigDecimal> body) {
        return agencies.quote(id, body.get("amount"), InstrumentApi.actor());
    }

    @PostMapping("/api/v1/service-orders/{id}/accept")
    ServiceOrders.Order accept(@PathVariable long id) {
        return agencies.accept(id, InstrumentApi.actor());
    }

    @PostMapping("/api/v1/service-orders/{id}/decline")
    ServiceOrders.Order decline(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return agencies.decline(id, body == null ? null : body.get("reason"), InstrumentApi.actor());
    }

    @PostMapping("/api/v1/service-orders/{id}/start")
    ServiceOrders.Order start(@PathVariable long id) {
        return agencies.start(id, InstrumentApi.actor());
    }

    @PostMapping("/api/v1/service-orders/{id}/deliver")
    @Operation(summary = "The agency delivers", description = "{note?}")
    ServiceOrders.Order deliver(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return agencies.deliver(id, body == null ? null : body.get("note"), InstrumentApi.actor());
    }

    @PostMapping("/api/v1/service-orders/{id}/rate")
    @Operation(summary = "The client rates", description = "{rating: 1-5, comment?}")
    ServiceOrders.Order rate(@PathVariable long id, @RequestBody Map<String, Object> body) {
        Object r = body.get("rating");
        Object c = body.get("comment");
        return agencies.rate(
                id,
                r instanceof Number n ? n.intValue() : null,
                c == null ? null : c.toString(),
                InstrumentApi.actor());
    }

    @PostMapping("/api/v1/service-orders/{id}/documents")
    @Operation(summary = "Attach a document reference", description = "{name, link?}")
    ServiceOrders.Order document(@PathVariable long id, @RequestBody Map<String, String> body) {
        return agencies.addDocument(id, body.get("name"), body.get("link"), InstrumentApi.actor());
    }
}
