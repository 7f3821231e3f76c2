package org.gongtong.market.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.gongtong.identity.Actor;
import org.gongtong.market.Brokerage;
import org.gongtong.market.BrokerageStatus;
import org.gongtong.market.Brokerages;
import org.gongtong.market.ContractType;
import org.gongtong.market.TechContract;
import org.gongtong.market.TechContracts;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.SummedPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Brokerage and contracts", description = "对接 and 技术合同认定登记")
class DealApi {

    private final Brokerages brokerages;
    private final TechContracts contracts;

    DealApi(Brokerages brokerages, TechContracts contracts) {
        this.brokerages = brokerages;
        this.contracts = contracts;
    }

    record ProposeForm(Long needId, Long resultId, Long expertId, String notes) {}

    record MoveForm(String status, String reason, String note) {}

    record CertifyForm(String type, BigDecimal technologyAmount) {}

    @GetMapping("/brokerages")
    @Operation(
            summary =
                    "Brokerages of needs the caller may see; filters county, introduced=true (reached a conversation)")
    org.gongtong.platform.PageResult<Brokerage> list(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean introduced,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return brokerages.page(county, Boolean.TRUE.equals(introduced), actor(), PageRequest.of(page, size));
    }

    @PostMapping("/brokerages")
    @Operation(summary = "Take up a match: {needId, resultId? | expertId?, notes?}")
    ResponseEntity<Brokerage> propose(@RequestBody ProposeForm f) {
        if (f.needId() == null) {
            throw DomainException.invalid("needId", "market.error.required");
        }
        Brokerage b = brokerages.propose(f.needId(), f.resultId(), f.expertId(), f.notes(), actor());
        return ResponseEntity.created(URI.create("/api/v1/brokerages/" + b.id()))
                .body(b);
    }

    @GetMapping("/brokerages/{id}")
    Brokerage get(@PathVariable long id) {
        Brokerage b = brokerages.find(id);
        if (brokerages.list(actor()).stream().noneMatch(x -> x.id() == id)) {
            throw DomainException.notFound("market.error.brokerageNotFound", id);
        }
        return b;
    }

    @PostMapping("/brokerages/{id}/status")
    @Operation(
            summary =
                    "Move: {status: CONTACTED|NEGOTIATING|SIGNED|COMPLETED|DROPPED, reason (for DROPPED), note?}; 409 if illegal")
    Brokerage move(@PathVariable long id, @RequestBody MoveForm f) {
        BrokerageStatus to;
        try {
            to = BrokerageStatus.valueOf(String.valueOf(f.status()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "market.error.statusInvalid");
        }
        return brokerages.move(id, to, f.reason(), f.note(), actor());
    }

    @GetMapping("/brokerages/funnel")
    @Operation(summary = "Introduction rate and conversion to contracts by industry (default) or by broker (by=broker)")
    List<Brokerages.Funnel> funnel(@RequestParam(required = false) String by) {
        return brokerages.funnel("broker".equalsIgnoreCase(by));
    }

    @GetMapping("/contracts")
    @Operation(
            summary =
                    "Technology contracts the caller may see, with the summed technology transaction amount; filters county, status")
    SummedPage<TechContract> contracts(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return contracts.page(new TechContracts.ContractCriteria(county, status), actor(), PageRequest.of(page, size));
    }

    @PostMapping("/contracts")
    @Operation(
            summary = "Register a contract (seller, within 30 days of signing; later is refused with 409)",
            description =
                    "{brokerageId?, sellerOrganisationId? (staff), buyerOrganisationId, type: DEVELOPMENT|TRANSFER|"
                            + "LICENCE|CONSULTING|SERVICE, title, contractAmount, signedOn}")
    ResponseEntity<TechContract> register(@RequestBody TechContracts.Registration r) {
        TechContract c = contracts.register(r, actor());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + c.id())).body(c);
    }

    @GetMapping("/contracts/{id}")
    TechContract contract(@PathVariable long id) {
        TechContract c = contracts.find(id);
        Actor a = actor();
        if (!a.citywide()
                && !Long.valueOf(c.sellerOrganisationId()).equals(a.organisationId())
                && !Long.valueOf(c.buyerOrganisationId()).equals(a.organisationId())) {
            throw DomainException.notFound("market.error.contractNotFound", id);
        }
        return c;
    }

    @PostMapping("/contracts/{id}/certify")
    @Operation(
            summary =
                    "The office classifies and certifies: {type?, technologyAmount (≤ contract amount)}; assigns the registration number")
    TechContract certify(@PathVariable long id, @RequestBody CertifyForm f) {
        ContractType t = null;
        if (f.type() != null && !f.type().isBlank()) {
            try {
                t = ContractType.valueOf(f.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("type", "market.error.notTechnologyContract");
            }
        }
        return contracts.certify(id, t, f.technologyAmount(), actor());
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }
}
