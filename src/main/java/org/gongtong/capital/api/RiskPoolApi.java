package org.gongtong.capital.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.gongtong.capital.RiskPool;
import org.gongtong.capital.RiskRecords.Agreement;
import org.gongtong.capital.RiskRecords.LedgerEntry;
import org.gongtong.capital.RiskRecords.Loan;
import org.gongtong.capital.RiskRecords.LoanStatus;
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
@RequestMapping("/api/v1/risk-pool")
@Tag(name = "Risk pool", description = "Loan risk compensation (科技成果转化贷款风险补偿)")
class RiskPoolApi {

    private final RiskPool pool;

    RiskPoolApi(RiskPool pool) {
        this.pool = pool;
    }

    @GetMapping
    @Operation(summary = "Pool balance, filed loans, claims waiting, recovery rate")
    RiskPool.Summary summary() {
        return pool.summary(actor());
    }

    @GetMapping("/ledger")
    List<LedgerEntry> ledger(@RequestParam(required = false) Long loanId) {
        return pool.ledger(loanId, actor());
    }

    @PostMapping("/top-ups")
    @Operation(
            summary = "Top up the pool",
            description = "{payer: PROVINCE|CITY|COUNTY, amount, date?, note?}; pays waiting claims, oldest first")
    RiskPool.Summary topUp(@RequestBody(required = false) RiskPool.TopUpForm form) {
        return pool.topUp(form == null ? new RiskPool.TopUpForm(null, null, null, null) : form, actor());
    }

    @GetMapping("/agreements")
    List<Agreement> agreements() {
        return pool.agreements(actor());
    }

    @PostMapping("/agreements")
    @Operation(
            summary = "Sign an agreement with a partner bank",
            description = "{bankId, name?, provinceShare, cityShare, bankShare, earlyProvinceShare?, earlyCityShare?,"
                    + " earlyBankShare?, signedOn?}; shares are fractions summing to 1, bank ≥ 0.30, city ≥"
                    + " province. Without shares the Liaocheng defaults (settings) apply.")
    ResponseEntity<Agreement> agreement(@RequestBody(required = false) RiskPool.AgreementForm form) {
        Agreement a = pool.createAgreement(
                form == null ? new RiskPool.AgreementForm(null, null, null, null, null, null, null, null, null) : form,
                actor());
        return ResponseEntity.created(URI.create("/api/v1/risk-pool/agreements/" + a.id()))
                .body(a);
    }

    @GetMapping("/loans")
    List<Loan> loans(@RequestParam(required = false) String status) {
        LoanStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = LoanStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("status", "capital.choiceInvalid", List.of(LoanStatus.values()));
            }
        }
        return pool.loans(actor(), s);
    }

    @PostMapping("/loans")
    @Operation(
            summary = "File a loan",
            description = "{agreementId? or bankId? (a bank user's own bank by default), borrowerId, principal, rate"
                    + " (fraction), termMonths (≤ 36), disbursementDate, filingDate? (today)}. A filing later than"
                    + " 3 months after disbursement is refused.")
    ResponseEntity<Loan> file(@RequestBody(required = false) RiskPool.LoanForm form) {
        Loan l = pool.file(
                form == null ? new RiskPool.LoanForm(null, null, null, null, null, null, null, null, null) : form,
                actor());
        return ResponseEntity.created(URI.create("/api/v1/risk-pool/loans/" + l.id()))
                .body(l);
    }

    @GetMapping("/loans/{id}")
    Loan loan(@PathVariable long id) {
        return pool.find(id, actor());
    }

    @PostMapping("/loans/{id}/status")
    @Operation(
            summary = "Move a loan along its life-cycle",
            description = "{status, reason?}: FILED→ACTIVE|CLOSED, ACTIVE→ANOMALY|CLOSED, ANOMALY→ACTIVE,"
                    + " PAID|RECOVERING→CLOSED|WRITTEN_OFF; anything else is a 409 with the reason")
    Loan status(@PathVariable long id, @RequestBody(required = false) RiskPool.StatusForm form) {
        return pool.changeStatus(id, form == null ? new RiskPool.StatusForm(null, null) : form, actor());
    }

    @PostMapping("/loans/{id}/claims")
    @Operation(
            summary = "Claim compensation for a loss",
            description = "{date, lossPrincipal} → {parts: {province, city, bank}, paidNow, waiting}; the pool pays"
                    + " the province and city parts as far as its balance goes, the rest waits for top-ups")
    RiskPool.ClaimResult claim(@PathVariable long id, @RequestBody(required = false) RiskPool.ClaimForm form) {
        return pool.claim(id, form == null ? new RiskPool.ClaimForm(null, null) : form, actor());
    }

    @PostMapping("/loans/{id}/recoveries")
    @Operation(
            summary = "Record money recovered after a payout",
            description = "{date, amount} → {returned: {province, city, bank}} in the agreement's proportions,"
                    + " never more than each paid")
    RiskPool.RecoveryResult recover(@PathVariable long id, @RequestBody(required = false) RiskPool.RecoveryForm form) {
        return pool.recover(id, form == null ? new RiskPool.RecoveryForm(null, null) : form, actor());
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }
}
