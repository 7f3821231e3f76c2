package org.gongtong.capital;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongtong.capital.RiskRecords.Agreement;
import org.gongtong.capital.RiskRecords.LedgerEntry;
import org.gongtong.capital.RiskRecords.Loan;
import org.gongtong.capital.RiskRecords.LoanStatus;
import org.gongtong.capital.RiskRecords.Payer;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loan risk-compensation pool: agreements with partner banks, loans they file, claims paid from
 * the pool's balance (what it cannot pay yet waits, visibly, for top-ups), and recoveries returned
 * to each payer in the agreement's proportions. Every movement is audited in its transaction.
 * Every write on a loan locks the pool row first and the loan second, always in that order, so
 * parallel claims, top-ups and status changes queue instead of deadlocking.
 */
@Service
public class RiskPool {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal MIN_BANK_SHARE = new BigDecimal("0.30");

    /** Status changes a person may make directly; claims, payouts and recoveries move the rest. */
    private static final Map<LoanStatus, Set<LoanStatus>> MANUAL = new EnumMap<>(Map.of(
            LoanStatus.FILED, Set.of(LoanStatus.ACTIVE, LoanStatus.CLOSED),
            LoanStatus.ACTIVE, Set.of(LoanStatus.ANOMALY, LoanStatus.CLOSED),
            LoanStatus.ANOMALY, Set.of(LoanStatus.ACTIVE),
            LoanStatus.PAID, Set.of(LoanStatus.CLOSED, LoanStatus.WRITTEN_OFF),
            LoanStatus.RECOVERING, Set.of(LoanStatus.CLOSED, LoanStatus.WRITTEN_OFF)));

    private static final Set<LoanStatus> CLAIMABLE = Set.of(LoanStatus.FILED, LoanStatus.ACTIVE, LoanStatus.ANOMALY);

    public record AgreementForm(
            Long bankId,
            String name,
            BigDecimal provinceShare,
            BigDecimal cityShare,
            BigDecimal bankShare,
            BigDecimal earlyProvinceShare,
            BigDecimal earlyCityShare,
            BigDecimal earlyBankShare,
            String signedOn) {}

    public record LoanForm(
            Long agreementId,
            Long bankId,
            Long borrowerId,
            BigDecimal principal,
            BigDecimal rate,
            Integer termMonths,
            String disbursementDate,
            String filingDate,
            Boolean earlyStage) {}

    public record ClaimForm(String date, BigDecimal lossPrincipal) {}

    public record RecoveryForm(String date, BigDecimal amount) {}

    public record TopUpForm(String payer, BigDecimal amount, String date, String note) {}

    public record StatusForm(String status, String reason) {}

    public record ClaimResult(
            long loanId, LossSharing.Parts parts, BigDecimal paidNow, BigDecimal waiting, LoanStatus status) {}

    public record RecoveryResult(
            long loanId,
            LossSharing.Parts returned,
            BigDecimal recoveredTotal,
            BigDecimal outstanding,
            LoanStatus status) {}

    public record Summary(
            BigDecimal balance,
            long loansFiled,
            BigDecimal principalFiled,
            long claimsWaiting,
            BigDecimal waitingTotal,
            BigDecimal paidTotal,
            BigDecimal lossTotal,
            BigDecimal recoveredTotal,
            BigDecimal recoveryRate,
            Map<String, Long> byStatus,
            Map<String, BigDecimal> topUpsByPayer) {}

    private final Loans loans;
    private final Agreements agreements;
    private final Registry registry;
    private final CapitalSettings settings;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    RiskPool(
            Loans loans,
            Agreements agreements,
            Registry registry,
            CapitalSettings settings,
            AuditLog audit,
            Messages messages,
            Clock clock) {
        this.loans = loans;
        this.agreements = agreements;
        this.registry = registry;
        this.settings = settings;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------ agreements

    @Transactional
    public Agreement createAgreement(AgreementForm form, Actor actor) {
        if (!CapitalAccess.managesAll(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Forms f = new Forms(messages);
        Organisation bank = null;
        if (form.bankId() == null) {
            f.reject("bankId", "capital.required");
        } else {
            bank = organisation(form.bankId());
            if (bank == null) {
                f.reject("bankId", "capital.organisationUnknown", form.bankId());
            } else if (bank.kind() != OrganisationKind.FINANCE) {
                f.reject("bankId", "risk.bankNotFinance");
            }
        }
        LocalDate signed = f.date("signedOn", form.signedOn(), false);
        boolean defaults = form.provinceShare() == null && form.cityShare() == null && form.bankShare() == null;
        BigDecimal[] shares = defaults
                ? new BigDecimal[] {
                    settings.decimal("risk.defaultProvinceShare"),
                    settings.decimal("risk.defaultCityShare"),
                    settings.decimal("risk.defaultBankShare")
                }
                : new BigDecimal[] {form.provinceShare(), form.cityShare(), form.bankShare()};
        checkShares(f, "", shares);
        boolean earlyGiven =
                form.earlyProvinceShare() != null || form.earlyCityShare() != null || form.earlyBankShare() != null;
        BigDecimal[] early = earlyGiven
                ? new BigDecimal[] {form.earlyProvinceShare(), form.earlyCityShare(), form.earlyBankShare()}
                : defaults
                        ? new BigDecimal[] {
                            settings.decimal("risk.defaultEarlyProvinceShare"),
                            settings.decimal("risk.defaultEarlyCityShare"),
                            settings.decimal("risk.defaultEarlyBankShare")
                        }
                        : null;
        if (early != null) {
            checkShares(f, "early", early);
        }
        String name = form.name() == null || form.name().isBlank()
                ? (bank == null ? null : bank.name() + " 风险补偿合作协议")
                : form.name().strip();
        if (name != null && name.length() > 200) {
            f.reject("name", "capital.tooLong", 200);
        }
        f.throwIfAny();
        long id = agreements.insert(
                bank.id(), name, shares, early, signed == null ? LocalDate.now(clock) : signed, clock.instant());
        Agreement a = agreements.find(id).orElseThrow();
        audit.record("RISK_AGREEMENT_CREATED", "risk_agreement", id, null, a);
        return a;
    }

    /** Shares are fractions (0.35 = 35%): each in [0, 1], summing to exactly 1, bank ≥ 30%, city ≥ province. */
    private static void checkShares(Forms f, String prefix, BigDecimal[] s) {
        String[] names = {"provinceShare", "cityShare", "bankShare"};
        boolean ok = true;
        for (int i = 0; i < 3; i++) {
            String field = prefix.isEmpty()
                    ? names[i]
                    : prefix + Character.toUpperCase(names[i].charAt(0)) + names[i].substring(1);
            if (s[i] == null) {
                f.reject(field, "capital.required");
                ok = false;
            } else if (s[i].signum() < 0
                    || s[i].compareTo(BigDecimal.ONE) > 0
                    || s[i].stripTrailingZeros().scale() > 4) {
                f.reject(field, "risk.shareInvalid");
                ok = false;
            }
        }
        if (!ok) {
            return;
        }
        String p = prefix.isEmpty() ? "" : prefix;
        if (s[0].add(s[1]).add(s[2]).compareTo(BigDecimal.ONE) != 0) {
            f.reject(
                    p.isEmpty() ? "shares" : p + "Shares",
                    "risk.sharesSum",
                    s[0].add(s[1]).add(s[2]).toPlainString());
        }
        if (s[2].compareTo(MIN_BANK_SHARE) < 0) {
            f.reject(p.isEmpty() ? "bankShare" : p + "BankShare", "risk.bankShareMin");
        }
        if (s[1].compareTo(s[0]) < 0) {
            f.reject(p.isEmpty() ? "cityShare" : p + "CityShare", "risk.cityBelowProvince");
        }
    }

    @Transactional(readOnly = true)
    public List<Agreement> agreements(Actor actor) {
        CapitalAccess.requireAny(actor);
        return agreements.list(CapitalAccess.seesAll(actor) ? null : actor.organisationId());
    }

    // ------------------------------------------------------------ loans

    @Transactional
    public Loan file(LoanForm form, Actor actor) {
        return file(form, actor, false);
    }

    @Transactional
    public Loan file(LoanForm form, Actor actor, boolean demo) {
        CapitalAccess.requireAny(actor);
        Forms f = new Forms(messages);
        Agreement agreement = null;
        Long bankId = form.bankId();
        if (bankId == null && CapitalAccess.isFinance(actor)) {
            bankId = actor.organisationId();
        }
        if (form.agreementId() != null) {
            agreement = agreements.find(form.agreementId()).orElse(null);
            if (agreement == null) {
                f.reject("agreementId", "risk.agreementUnknown", form.agreementId());
            } else if (bankId != null && agreement.bankOrgId() != bankId) {
                f.reject("agreementId", "risk.agreementOtherBank");
            }
        } else if (bankId == null) {
            f.reject("bankId", "capital.required");
        } else {
            agreement = agreements.current(bankId).orElse(null);
            if (agreement == null) {
                f.reject("bankId", "risk.noAgreement");
            }
        }
        Organisation borrower = null;
        if (form.borrowerId() == null) {
            f.reject("borrowerId", "capital.required");
        } else {
            borrower = organisation(form.borrowerId());
            if (borrower == null) {
                f.reject("borrowerId", "capital.organisationUnknown", form.borrowerId());
            } else if (borrower.kind() != OrganisationKind.ENTERPRISE) {
                f.reject("borrowerId", "risk.borrowerNotEnterprise");
            }
        }
        BigDecimal principal = f.money("principal", form.principal(), true, false);
        BigDecimal rateCap = settings.decimal("risk.benchmarkRate")
                .multiply(settings.decimal("risk.rateCapMultiple"))
                .setScale(6, RoundingMode.HALF_UP);
        BigDecimal rate = form.rate();
        if (rate == null) {
            f.reject("rate", "capital.required");
        } else if (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 6) {
            f.reject("rate", "risk.rateInvalid");
        } else if (rate.compareTo(rateCap) > 0) {
            f.reject("rate", "risk.rateAboveCap", rateCap.stripTrailingZeros().toPlainString());
        }
        int maxTerm = settings.decimal("risk.maxTermMonths").intValue();
        Integer term = form.termMonths();
        if (term == null) {
            f.reject("termMonths", "capital.required");
        } else if (term < 1 || term > maxTerm) {
            f.reject("termMonths", "risk.termTooLong", maxTerm);
        }
        LocalDate disbursed = f.date("disbursementDate", form.disbursementDate(), true);
        LocalDate filed = f.date("filingDate", form.filingDate(), false);
        if (filed == null && !f.has("filingDate")) {
            filed = LocalDate.now(clock);
        }
        int window = settings.decimal("risk.filingWindowMonths").intValue();
        if (disbursed != null && filed != null) {
            if (filed.isBefore(disbursed)) {
                f.reject("filingDate", "risk.filedBeforeDisbursement");
            } else if (filed.isAfter(disbursed.plusMonths(window))) {
                // the rule: a loan filed later than this is never compensated, so it is refused here
                f.reject(
                        "filingDate",
                        "risk.filingLate",
                        ChronoUnit.DAYS.between(disbursed, filed),
                        window,
                        disbursed.plusMonths(window).toString());
            }
        }
        f.throwIfAny();
        if (!CapitalAccess.canChange(actor, agreement.bankOrgId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        BigDecimal cap = settings.decimal("risk.maxBalancePerFirmYear");
        BigDecimal already = loans.countedInYear(borrower.id(), disbursed.getYear());
        BigDecimal room = cap.subtract(already).max(BigDecimal.ZERO);
        if (room.signum() == 0) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "risk.firmCapReached",
                    "principal",
                    Map.of("cap", cap, "counted", already),
                    cap.toPlainString(),
                    String.valueOf(disbursed.getYear()));
        }
        BigDecimal counted = principal.min(room).setScale(2, RoundingMode.UNNECESSARY);
        boolean early = Boolean.TRUE.equals(form.earlyStage());
        BigDecimal[] shares = early && agreement.hasEarlyStageShares()
                ? new BigDecimal[] {
                    agreement.earlyProvinceShare(), agreement.earlyCityShare(), agreement.earlyBankShare()
                }
                : new BigDecimal[] {agreement.provinceShare(), agreement.cityShare(), agreement.bankShare()};
        long id = loans.insert(
                agreement,
                borrower.id(),
                principal,
                counted,
                rate,
                term,
                disbursed,
                filed,
                early,
                shares,
                demo,
                clock.instant());
        Loan loan = loans.find(id).orElseThrow();
        audit.record("RISK_LOAN_FILED", "risk_loan", id, null, loan);
        return loan;
    }

    @Transactional(readOnly = true)
    public Loan find(long id, Actor actor) {
        CapitalAccess.requireAny(actor);
        Loan loan = loans.find(id).orElseThrow(() -> DomainException.notFound("risk.loanNotFound", id));
        if (!CapitalAccess.canSee(actor, loan.bankOrgId())) {
            throw DomainException.notFound("risk.loanNotFound", id);
        }
        return loan;
    }

    private Loan findForChange(long id, Actor actor) {
        Loan loan = find(id, actor);
        if (!CapitalAccess.canChange(actor, loan.bankOrgId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return loan;
    }

    @Transactional(readOnly = true)
    public List<Loan> loans(Actor actor, LoanStatus status) {
        CapitalAccess.requireAny(actor);
        return loans.list(CapitalAccess.seesAll(actor) ? null : actor.organisationId(), status);
    }

    @Transactional
    public Loan changeStatus(long id, StatusForm form, Actor actor) {
        findForChange(id, actor);
        Forms f = new Forms(messages);
        LoanStatus to = f.choice("status", form.status(), LoanStatus.class, true);
        f.throwIfAny();
        // every write that touches loans takes the pool row first, so no two can deadlock
        loans.lockBalance();
        loans.lock(id);
        Loan before = loans.find(id).orElseThrow();
        if (!MANUAL.getOrDefault(before.status(), Set.of()).contains(to)) {
            throw transition(before.status(), to);
        }
        if (!loans.setStatus(id, before.status(), to, clock.instant())) {
            throw DomainException.conflict("problem.stale");
        }
        Loan after = loans.find(id).orElseThrow();
        audit.record("RISK_LOAN_STATUS", "risk_loan", id, before.status(), after.status(), form.reason());
        return after;
    }

    private DomainException transition(LoanStatus from, LoanStatus to) {
        return new DomainException(
                HttpStatus.CONFLICT,
                "risk.transitionRefused",
                null,
                Map.of("from", from.name(), "to", to.name()),
                from.name(),
                to.name());
    }

    // ------------------------------------------------------------ claims

    @Transactional
    public ClaimResult claim(long id, ClaimForm form, Actor actor) {
        Loan seen = findForChange(id, actor);
        Forms f = new Forms(messages);
        LocalDate date = f.date("date", form.date(), true);
        BigDecimal loss = f.money("lossPrincipal", form.lossPrincipal(), true, false);
        if (loss != null && loss.compareTo(seen.countedPrincipal()) > 0) {
            f.reject(
                    "lossPrincipal",
                    "risk.lossAboveCounted",
                    seen.countedPrincipal().toPlainString());
        }
        if (date != null && date.isBefore(seen.disbursementDate())) {
            f.reject("date", "risk.claimBeforeDisbursement");
        }
        f.throwIfAny();
        BigDecimal balance = loans.lockBalance();
        loans.lock(id);
        Loan before = loans.find(id).orElseThrow();
        if (!CLAIMABLE.contains(before.status())) {
            throw transition(before.status(), LoanStatus.CLAIMED);
        }
        LossSharing.Parts parts =
                LossSharing.split(loss, before.provinceShare(), before.cityShare(), before.bankShare());
        BigDecimal due = parts.pool();
        BigDecimal paidNow = due.min(balance);
        if (paidNow.signum() > 0 && !loans.debit(paidNow)) {
            // cannot happen while the pool row is locked; the conditional update refuses it anyway
            throw DomainException.conflict("risk.poolShort");
        }
        BigDecimal waiting = due.subtract(paidNow);
        LoanStatus status = waiting.signum() == 0 ? LoanStatus.PAID : LoanStatus.CLAIMED;
        loans.recordClaim(id, date, loss, parts, paidNow, waiting, status, clock.instant());
        if (paidNow.signum() > 0) {
            loans.ledger(
                    date,
                    "PAYOUT",
                    null,
                    id,
                    paidNow.negate(),
                    "province " + parts.province() + ", city " + parts.city(),
                    clock.instant());
        }
        Loan after = loans.find(id).orElseThrow();
        audit.record("RISK_CLAIM", "risk_loan", id, before, after);
        return new ClaimResult(id, parts, paidNow, waiting, status);
    }

    // ------------------------------------------------------------ recoveries

    @Transactional
    public RecoveryResult recover(long id, RecoveryForm form, Actor actor) {
        Loan seen = findForChange(id, actor);
        Forms f = new Forms(messages);
        LocalDate date = f.date("date", form.date(), true);
        BigDecimal amount = f.money("amount", form.amount(), true, false);
        if (date != null && seen.claimedOn() != null && date.isBefore(seen.claimedOn())) {
            f.reject("date", "risk.recoveryBeforeClaim");
        }
        f.throwIfAny();
        loans.lockBalance();
        loans.lock(id);
        Loan before = loans.find(id).orElseThrow();
        if (before.status() != LoanStatus.PAID && before.status() != LoanStatus.RECOVERING) {
            throw transition(before.status(), LoanStatus.RECOVERING);
        }
        BigDecimal outstanding = before.lossPrincipal().subtract(before.recovered());
        if (amount.compareTo(outstanding) > 0) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "risk.recoveryTooLarge",
                    "amount",
                    Map.of("outstanding", outstanding),
                    outstanding.toPlainString());
        }
        LossSharing.Parts returned = LossSharing.recovery(amount, before.parts(), before.returned());
        loans.recordRecovery(id, amount, returned, clock.instant());
        if (returned.province().signum() > 0) {
            loans.credit(returned.province());
            loans.ledger(date, "RECOVERY", Payer.PROVINCE, id, returned.province(), null, clock.instant());
        }
        if (returned.city().signum() > 0) {
            loans.credit(returned.city());
            loans.ledger(date, "RECOVERY", Payer.CITY, id, returned.city(), null, clock.instant());
        }
        payWaiting(date);
        Loan after = loans.find(id).orElseThrow();
        audit.record("RISK_RECOVERY", "risk_loan", id, before, after);
        return new RecoveryResult(
                id, returned, after.recovered(), after.lossPrincipal().subtract(after.recovered()), after.status());
    }

    // ------------------------------------------------------------ pool

    @Transactional
    public Summary topUp(TopUpForm form, Actor actor) {
        if (!CapitalAccess.managesAll(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Forms f = new Forms(messages);
        Payer payer = f.choice("payer", form.payer(), Payer.class, true);
        BigDecimal amount = f.money("amount", form.amount(), true, false);
        LocalDate date = f.date("date", form.date(), false);
        String note = form.note() == null || form.note().isBlank()
                ? null
                : form.note().strip();
        if (note != null && note.length() > 500) {
            f.reject("note", "capital.tooLong", 500);
        }
        f.throwIfAny();
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        BigDecimal before = loans.lockBalance();
        loans.credit(amount);
        loans.ledger(on, "TOP_UP", payer, null, amount, note, clock.instant());
        audit.record(
                "RISK_POOL_TOP_UP",
                "risk_pool",
                1,
                Map.of("balance", before),
                Map.of("balance", before.add(amount), "payer", payer.name(), "amount", amount));
        payWaiting(on);
        return summarise(actor);
    }

    /** Pays waiting claims, oldest first, as far as the balance goes. Caller holds the pool lock. */
    private void payWaiting(LocalDate on) {
        for (Long loanId : loans.waitingIds()) {
            BigDecimal balance = loans.lockBalance();
            if (balance.signum() <= 0) {
                return;
            }
            loans.lock(loanId);
            Loan before = loans.find(loanId).orElseThrow();
            BigDecimal pay = before.waiting().min(balance);
            if (pay.signum() <= 0 || !loans.debit(pay)) {
                continue;
            }
            loans.recordPayment(loanId, pay, clock.instant());
            loans.ledger(on, "PAYOUT", null, loanId, pay.negate(), "waiting claim", clock.instant());
            audit.record(
                    "RISK_CLAIM_PAID",
                    "risk_loan",
                    loanId,
                    before,
                    loans.find(loanId).orElseThrow());
        }
    }

    @Transactional(readOnly = true)
    public Summary summary(Actor actor) {
        CapitalAccess.requireAny(actor);
        return summarise(actor);
    }

    private Summary summarise(Actor actor) {
        List<Loan> all = loans.list(CapitalAccess.seesAll(actor) ? null : actor.organisationId(), null);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (LoanStatus s : LoanStatus.values()) {
            byStatus.put(s.name(), all.stream().filter(l -> l.status() == s).count());
        }
        BigDecimal principal = FundService.sum(all.stream().map(Loan::principal).toList());
        BigDecimal waiting = FundService.sum(all.stream().map(Loan::waiting).toList());
        BigDecimal paid = FundService.sum(all.stream().map(Loan::paid).toList());
        List<Loan> claimed = all.stream().filter(l -> l.lossPrincipal() != null).toList();
        BigDecimal loss =
                FundService.sum(claimed.stream().map(Loan::lossPrincipal).toList());
        BigDecimal recovered =
                FundService.sum(claimed.stream().map(Loan::recovered).toList());
        Map<String, BigDecimal> topUps = new LinkedHashMap<>();
        for (Object[] row : loans.topUpsByPayer()) {
            topUps.put((String) row[0], (BigDecimal) row[1]);
        }
        return new Summary(
                loans.balance(),
                all.size(),
                principal,
                all.stream().filter(l -> l.waiting().signum() > 0).count(),
                waiting,
                paid,
                loss,
                recovered,
                FundMath.ratio(recovered, loss),
                byStatus,
                topUps);
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(Long loanId, Actor actor) {
        CapitalAccess.requireAny(actor);
        if (loanId != null) {
            find(loanId, actor);
            return loans.ledger(loanId, null, 500);
        }
        return loans.ledger(null, CapitalAccess.seesAll(actor) ? null : actor.organisationId(), 500);
    }

    private Organisation organisation(long id) {
        try {
            return registry.find(id);
        } catch (DomainException e) {
            return null;
        }
    }

    static BigDecimal zero() {
        return ZERO;
    }
}
