package org.gongtong.capital.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.capital.CapitalAccess;
import org.gongtong.capital.RiskPool;
import org.gongtong.capital.RiskRecords.Loan;
import org.gongtong.capital.RiskRecords.LoanStatus;
import org.gongtong.capital.RiskRecords.Payer;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The risk-pool dashboard (officers) and the bank page for filing loans, claims and recoveries. */
@Controller
@RequestMapping("/risk-pool")
class RiskPoolPages {

    private final RiskPool pool;
    private final Messages messages;

    RiskPoolPages(RiskPool pool, Messages messages) {
        this.pool = pool;
        this.messages = messages;
    }

    @GetMapping
    String dashboard(Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("summary", pool.summary(actor));
        model.addAttribute("loans", pool.loans(actor, null));
        model.addAttribute("ledger", pool.ledger(null, actor).stream().limit(50).toList());
        model.addAttribute("agreements", pool.agreements(actor));
        model.addAttribute("payers", Payer.values());
        model.addAttribute("canManage", CapitalAccess.managesAll(actor));
        PageSupport.noErrors(model);
        return "capital/pool";
    }

    @PostMapping("/top-ups")
    String topUp(@RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
        Map<String, String> errors = new HashMap<>();
        try {
            BigDecimal amount = PageSupport.decimal(form, "amount", errors, messages);
            fail(errors);
            pool.topUp(
                    new RiskPool.TopUpForm(
                            PageSupport.text(form, "payer"),
                            amount,
                            PageSupport.text(form, "date"),
                            PageSupport.text(form, "note")),
                    Actor.current().orElseThrow());
            ra.addFlashAttribute("notice", messages.get("capital.page.saved"));
            return "redirect:/risk-pool";
        } catch (ValidationException | DomainException e) {
            PageSupport.refused(e, "topUp", model, form, messages);
            return dashboard(model);
        }
    }

    @PostMapping("/agreements")
    String agreement(@RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
        Map<String, String> errors = new HashMap<>();
        try {
            Long bank = PageSupport.id(form, "bankId", errors, messages);
            BigDecimal p = PageSupport.decimal(form, "provinceShare", errors, messages);
            BigDecimal c = PageSupport.decimal(form, "cityShare", errors, messages);
            BigDecimal b = PageSupport.decimal(form, "bankShare", errors, messages);
            BigDecimal ep = PageSupport.decimal(form, "earlyProvinceShare", errors, messages);
            BigDecimal ec = PageSupport.decimal(form, "earlyCityShare", errors, messages);
            BigDecimal eb = PageSupport.decimal(form, "earlyBankShare", errors, messages);
            fail(errors);
            pool.createAgreement(
                    new RiskPool.AgreementForm(
                            bank,
                            PageSupport.text(form, "name"),
                            p,
                            c,
                            b,
                            ep,
                            ec,
                            eb,
                            PageSupport.text(form, "signedOn")),
                    Actor.current().orElseThrow());
            ra.addFlashAttribute("notice", messages.get("capital.page.saved"));
            return "redirect:/risk-pool";
        } catch (ValidationException | DomainException e) {
            PageSupport.refused(e, "agreement", model, form, messages);
            return dashboard(model);
        }
    }

    @GetMapping("/bank")
    String bank(Model model) {
        Actor actor = Actor.current().orElseThrow();
        List<Loan> loans = pool.loans(actor, null);
        model.addAttribute("loans", loans);
        model.addAttribute("agreements", pool.agreements(actor));
        model.addAttribute("statuses", LoanStatus.values());
        model.addAttribute("isBank", CapitalAccess.isFinance(actor));
        PageSupport.noErrors(model);
        return "capital/bank";
    }

    @PostMapping("/loans")
    String file(@RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
        Map<String, String> errors = new HashMap<>();
        try {
            Long agreement = PageSupport.id(form, "agreementId", errors, messages);
            Long borrower = PageSupport.id(form, "borrowerId", errors, messages);
            BigDecimal principal = PageSupport.decimal(form, "principal", errors, messages);
            BigDecimal ratePercent = PageSupport.decimal(form, "ratePercent", errors, messages);
            Long term = PageSupport.id(form, "termMonths", errors, messages);
            fail(errors);
            Loan l = pool.file(
                    new RiskPool.LoanForm(
                            agreement,
                            null,
                            borrower,
                            principal,
                            // people type 4.5 for 4.5%; the service keeps rates as fractions
                            ratePercent == null ? null : ratePercent.movePointLeft(2),
                            term == null ? null : term.intValue(),
                            PageSupport.text(form, "disbursementDate"),
                            PageSupport.text(form, "filingDate"),
                            "on".equals(form.get("earlyStage")) || "true".equals(form.get("earlyStage"))),
                    Actor.current().orElseThrow());
            ra.addFlashAttribute("notice", messages.get("risk.page.filed", String.valueOf(l.id())));
            return "redirect:/risk-pool/bank";
        } catch (ValidationException | DomainException e) {
            RuntimeException shown = e;
            if (e instanceof ValidationException v) {
                // the rate is typed in percent on the page: show its error there
                List<FieldError> moved = v.errors().stream()
                        .map(fe -> fe.field().equals("rate") ? new FieldError("ratePercent", fe.message()) : fe)
                        .toList();
                shown = new ValidationException(moved);
            }
            PageSupport.refused(shown, "loan", model, form, messages);
            return bank(model);
        }
    }

    @PostMapping("/loans/{id}/claims")
    String claim(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(id, ra, () -> {
            Map<String, String> errors = new HashMap<>();
            BigDecimal loss = PageSupport.decimal(form, "lossPrincipal", errors, messages);
            fail(errors);
            RiskPool.ClaimResult r = pool.claim(
                    id,
                    new RiskPool.ClaimForm(PageSupport.text(form, "date"), loss),
                    Actor.current().orElseThrow());
            return messages.get(
                    "risk.page.claimed",
                    String.valueOf(id),
                    r.paidNow().toPlainString(),
                    r.waiting().toPlainString());
        });
    }

    @PostMapping("/loans/{id}/recoveries")
    String recover(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(id, ra, () -> {
            Map<String, String> errors = new HashMap<>();
            BigDecimal amount = PageSupport.decimal(form, "amount", errors, messages);
            fail(errors);
            RiskPool.RecoveryResult r = pool.recover(
                    id,
                    new RiskPool.RecoveryForm(PageSupport.text(form, "date"), amount),
                    Actor.current().orElseThrow());
            return messages.get(
                    "risk.page.recovered",
                    String.valueOf(id),
                    r.returned().province().toPlainString(),
                    r.returned().city().toPlainString(),
                    r.returned().bank().toPlainString());
        });
    }

    @PostMapping("/loans/{id}/status")
    String status(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes ra) {
        return act(id, ra, () -> {
            Loan l = pool.changeStatus(
                    id,
                    new RiskPool.StatusForm(PageSupport.text(form, "status"), PageSupport.text(form, "reason")),
                    Actor.current().orElseThrow());
            return messages.get(
                    "risk.page.status",
                    String.valueOf(id),
                    messages.get("risk.status." + l.status().name()));
        });
    }

    /** Runs an action on one loan of the list; its outcome or refusal shows above the list. */
    private String act(long id, RedirectAttributes ra, java.util.function.Supplier<String> action) {
        try {
            ra.addFlashAttribute("notice", action.get());
        } catch (ValidationException e) {
            ra.addFlashAttribute(
                    "problem",
                    messages.get("risk.page.loan", String.valueOf(id)) + " "
                            + e.errors().stream()
                                    .map(fe -> fe.field() + ": " + fe.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""));
        } catch (DomainException e) {
            ra.addFlashAttribute(
                    "problem",
                    messages.get("risk.page.loan", String.valueOf(id)) + " " + messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/risk-pool/bank";
    }

    private static void fail(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
    }
}
