package org.gongtong.grants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.gongtong.grants.GrantRecords.Allocation;
import org.gongtong.grants.GrantRecords.FundSummary;
import org.gongtong.grants.GrantRecords.FundYear;
import org.gongtong.grants.GrantRecords.Movement;
import org.gongtong.grants.GrantRecords.TargetType;
import org.gongtong.grants.SpecialFund;
import org.gongtong.identity.Actor;
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
@RequestMapping("/api/v1/special-fund")
@Tag(name = "Special fund", description = "The city special development fund ledger (专项发展资金)")
class SpecialFundApi {

    private final SpecialFund fund;

    SpecialFundApi(SpecialFund fund) {
        this.fund = fund;
    }

    static Actor actor() {
        return Actor.current().orElseThrow(() -> DomainException.forbidden("problem.forbidden"));
    }

    @GetMapping
    @Operation(
            summary = "The fund: total and per year budget, committed, paid, available",
            description = "available = budget − committed − paid, exact. Without fundId: the oldest fund.")
    FundSummary summary(@RequestParam(required = false) Long fundId) {
        return fund.summary(fundId, actor());
    }

    @PostMapping
    @Operation(summary = "Create a fund", description = "{name, total, ownerOrgId?, years: [{year, budget}]}")
    ResponseEntity<FundSummary> create(@RequestBody(required = false) SpecialFund.FundForm form) {
        FundSummary s =
                fund.createFund(form == null ? new SpecialFund.FundForm(null, null, null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/special-fund?fundId=" + s.fundId()))
                .body(s);
    }

    @PostMapping("/allocations")
    @Operation(
            summary = "Allocate money of a fund year",
            description = "{year, targetType: PROGRAMME|INSTITUTION|ORGANISATION, targetId, amount, purpose, fundId?}"
                    + " → 201; 409 with `available` when the year does not hold the amount")
    ResponseEntity<Allocation> allocate(@RequestBody(required = false) SpecialFund.AllocationForm form) {
        Allocation a = fund.allocate(
                form == null ? new SpecialFund.AllocationForm(null, null, null, null, null, null) : form, actor());
        return ResponseEntity.created(URI.create("/api/v1/special-fund/allocations/" + a.id()))
                .body(a);
    }

    @GetMapping("/allocations")
    @Operation(
            summary = "Allocations, with the sum of a measure over all matching rows",
            description = "measure: amount (default), committed (amount − paid) or paid; county filters by the"
                    + " grantee organisation's county")
    SummedPage<Allocation> allocations(
            @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return fund.allocations(
                new SpecialFund.AllocationCriteria(fundId, year, type(targetType), blank(county), measure),
                PageRequest.of(page, size),
                actor());
    }

    @GetMapping("/allocations/{id}")
    Allocation allocation(@PathVariable long id) {
        return fund.allocation(id, actor());
    }

    @PostMapping("/allocations/{id}/disbursements")
    @Operation(summary = "Pay part of an allocation", description = "{amount, note?}; never more than is committed")
    Allocation disburse(@PathVariable long id, @RequestBody(required = false) SpecialFund.MoneyForm form) {
        return fund.disburse(id, form == null ? new SpecialFund.MoneyForm(null, null) : form, actor());
    }

    @PostMapping("/allocations/{id}/release")
    @Operation(summary = "Give the unpaid part back to the fund year", description = "{amount? (all unpaid), note?}")
    Allocation release(@PathVariable long id, @RequestBody(required = false) SpecialFund.MoneyForm form) {
        return fund.release(id, form, actor());
    }

    @GetMapping("/years")
    @Operation(summary = "Fund years, with the sum of budget (default) or available")
    SummedPage<FundYear> years(
            @RequestParam(required = false) Long fundId,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        actor();
        return fund.yearRows(fundId, blank(county), measure, PageRequest.of(page, size));
    }

    @GetMapping("/movements")
    @Operation(summary = "Every movement of money: COMMIT, CARVE, PAY, RELEASE, CLAW_BACK")
    List<Movement> movements(
            @RequestParam(required = false) Long fundId, @RequestParam(required = false) Long allocationId) {
        return fund.movements(fundId, allocationId, actor());
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static TargetType type(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return TargetType.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("targetType", "grants.choiceInvalid", List.of(TargetType.values()));
        }
    }
}
