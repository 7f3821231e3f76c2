package org.gongtong.capital.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongtong.capital.Fund;
import org.gongtong.capital.FundKind;
import org.gongtong.capital.FundRecords.CashFlow;
import org.gongtong.capital.FundRecords.Commitment;
import org.gongtong.capital.FundRecords.Investment;
import org.gongtong.capital.FundRecords.Valuation;
import org.gongtong.capital.FundService;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/funds")
@Tag(name = "Funds", description = "Parent fund (母基金), sub-funds, angel and venture funds: flows, NAV, metrics")
class FundApi {

    private final FundService funds;

    FundApi(FundService funds) {
        this.funds = funds;
    }

    @GetMapping
    @Operation(summary = "List the funds the caller may see; kind = PARENT | SUB | ANGEL | VENTURE")
    List<Fund> list(@RequestParam(required = false) String kind) {
        FundKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = FundKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("kind", "capital.choiceInvalid", "PARENT, SUB, ANGEL, VENTURE");
            }
        }
        return funds.list(actor(), k);
    }

    @PostMapping
    @Operation(
            summary = "Create a fund",
            description = "{name, kind: PARENT|SUB|ANGEL|VENTURE, parentFundId (required for SUB), size (yuan),"
                    + " vintage (year), managerId (registry organisation)}")
    ResponseEntity<Fund> create(@RequestBody(required = false) FundService.FundForm form) {
        Fund f = funds.create(
                form == null ? new FundService.FundForm(null, null, null, null, null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/funds/" + f.id())).body(f);
    }

    @GetMapping("/{id}")
    Fund get(@PathVariable long id) {
        return funds.find(id, actor());
    }

    @GetMapping("/{id}/sub-funds")
    List<Fund> subFunds(@PathVariable long id) {
        return funds.subFunds(id, actor());
    }

    @GetMapping("/{id}/commitments")
    List<Commitment> commitments(@PathVariable long id) {
        return funds.commitments(id, actor());
    }

    @PostMapping("/{id}/commitments")
    @Operation(
            summary = "Add an investor (LP) commitment",
            description = "{investorName?, investorOrgId?, investorFundId? (the parent fund investing in its"
                    + " sub-fund), amount, committedOn?}")
    ResponseEntity<Commitment> commit(
            @PathVariable long id, @RequestBody(required = false) FundService.CommitmentForm form) {
        Commitment c = funds.addCommitment(
                id, form == null ? new FundService.CommitmentForm(null, null, null, null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/funds/" + id + "/commitments/" + c.id()))
                .body(c);
    }

    @GetMapping("/{id}/investors")
    @Operation(summary = "Investor statements at a date: commitment, paid-in, distributed, unfunded, NAV share")
    List<FundService.InvestorStatement> statements(@PathVariable long id, @RequestParam(required = false) String asOf) {
        return funds.statements(id, date(asOf), actor());
    }

    @GetMapping("/{id}/cash-flows")
    List<CashFlow> flows(@PathVariable long id) {
        return funds.flows(id, actor());
    }

    @PostMapping("/{id}/cash-flows")
    @Operation(
            summary = "Record a capital call or a distribution",
            description = "{date, type: CALL|DISTRIBUTION, amount (> 0), breakdown?: {investment, fees, expenses}"
                    + " for a call or {returnOfCapital, gains, income} for a distribution, summing to the amount}."
                    + " The amount is allocated to the investors pro rata by commitment, to the cent. A call may be"
                    + " written with the investors' negative sign; it is stored as its size.")
    ResponseEntity<CashFlow> flow(@PathVariable long id, @RequestBody(required = false) FundService.FlowForm form) {
        CashFlow c = funds.recordFlow(
                id, form == null ? new FundService.FlowForm(null, null, null, null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/funds/" + id + "/cash-flows/" + c.id()))
                .body(c);
    }

    @GetMapping("/{id}/valuations")
    List<Valuation> valuations(@PathVariable long id) {
        return funds.valuations(id, actor());
    }

    @PostMapping("/{id}/valuations")
    @Operation(summary = "Record the NAV at a date", description = "{date, nav}; a second NAV on a date replaces it")
    ResponseEntity<Valuation> valuation(
            @PathVariable long id, @RequestBody(required = false) FundService.ValuationForm form) {
        Valuation v =
                funds.recordValuation(id, form == null ? new FundService.ValuationForm(null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/funds/" + id + "/valuations/" + v.id()))
                .body(v);
    }

    @GetMapping("/{id}/investments")
    List<Investment> investments(@PathVariable long id) {
        return funds.investments(id, actor());
    }

    @PostMapping("/{id}/investments")
    @Operation(
            summary = "Record a portfolio movement",
            description = "{organisationId, date, type: INITIAL|FOLLOW_ON|EXIT|WRITE_OFF, amount, localTarget?}")
    ResponseEntity<Investment> invest(
            @PathVariable long id, @RequestBody(required = false) FundService.InvestmentForm form) {
        Investment i = funds.recordInvestment(
                id, form == null ? new FundService.InvestmentForm(null, null, null, null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/funds/" + id + "/investments/" + i.id()))
                .body(i);
    }

    @GetMapping("/{id}/metrics")
    @Operation(
            summary = "Fund metrics at a date",
            description = "paidIn, distributed, nav (latest valuation on or before asOf), unfunded = commitments −"
                    + " paid-in; dpi, rvpi, tvpi as decimals; irr as a decimal rate (XIRR, actual/365, calls"
                    + " negative, distributions and NAV positive) or null with irrReason; leverage and"
                    + " reinvestment for the parent and its sub-funds.")
    FundService.Metrics metrics(@PathVariable long id, @RequestParam(required = false) String asOf) {
        return funds.metrics(id, date(asOf), actor());
    }

    @GetMapping("/{id}/rollup")
    @Operation(summary = "A parent's sub-funds rolled up: totals, DPI/RVPI/TVPI of the totals, one IRR over all flows")
    FundService.RolledUp rollup(@PathVariable long id, @RequestParam(required = false) String asOf) {
        return funds.rollup(id, date(asOf), actor());
    }

    @GetMapping("/{id}/look-through")
    @Operation(summary = "The parent fund's exposure to each portfolio company across its sub-funds")
    List<FundService.Exposure> lookThrough(@PathVariable long id, @RequestParam(required = false) String asOf) {
        return funds.lookThrough(id, date(asOf), actor());
    }

    @GetMapping("/compliance")
    @Operation(summary = "Sub-funds breaching the compliance settings, with each breach")
    List<FundService.Metrics> compliance(@RequestParam(required = false) String asOf) {
        return funds.complianceList(date(asOf), actor());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/demo")
    @Operation(summary = "Remove the demo funds (administrators)")
    java.util.Map<String, Integer> removeDemo() {
        return java.util.Map.of("removed", funds.deleteDemo(actor()));
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("asOf", "capital.dateInvalid");
        }
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }
}
