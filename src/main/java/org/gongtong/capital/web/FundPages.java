package org.gongtong.capital.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.capital.CapitalAccess;
import org.gongtong.capital.Fund;
import org.gongtong.capital.FundKind;
import org.gongtong.capital.FundRecords;
import org.gongtong.capital.FundService;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Fund list, fund page (metrics with definitions and the rows behind them), compliance list, export. */
@Controller
@RequestMapping("/funds")
class FundPages {

    private final FundService funds;
    private final Messages messages;

    FundPages(FundService funds, Messages messages) {
        this.funds = funds;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = Actor.current().orElseThrow();
        List<Fund> all = funds.list(actor, null);
        model.addAttribute("funds", all);
        model.addAttribute(
                "parents", all.stream().filter(f -> f.kind() == FundKind.PARENT).toList());
        model.addAttribute("kinds", FundKind.values());
        model.addAttribute("canCreate", CapitalAccess.managesAll(actor) || CapitalAccess.isFinance(actor));
        PageSupport.noErrors(model);
        return "capital/funds";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Map<String, String> errors = new HashMap<>();
        try {
            BigDecimal size = PageSupport.decimal(form, "size", errors, messages);
            Long parent = PageSupport.id(form, "parentFundId", errors, messages);
            Long manager = PageSupport.id(form, "managerId", errors, messages);
            Long vintage = PageSupport.id(form, "vintage", errors, messages);
            if (!errors.isEmpty()) {
                throw pageErrors(errors);
            }
            Fund f = funds.create(
                    new FundService.FundForm(
                            PageSupport.text(form, "name"),
                            PageSupport.text(form, "kind"),
                            parent,
                            size,
                            vintage == null ? null : vintage.intValue(),
                            manager),
                    actor);
            return "redirect:/funds/" + f.id();
        } catch (ValidationException | DomainException e) {
            PageSupport.refused(e, "fund", model, form, messages);
            return list(model);
        }
    }

    @GetMapping("/compliance")
    String compliance(@RequestParam(required = false) String asOf, Model model) {
        LocalDate at = date(asOf);
        model.addAttribute("asOf", at);
        model.addAttribute("rows", funds.complianceList(at, Actor.current().orElseThrow()));
        return "capital/compliance";
    }

    @GetMapping("/{id}")
    String fund(@PathVariable long id, @RequestParam(required = false) String asOf, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Fund fund = funds.find(id, actor);
        LocalDate at = date(asOf);
        model.addAttribute("fund", fund);
        model.addAttribute("m", funds.metrics(id, at, actor));
        model.addAttribute("flows", funds.flows(id, actor));
        model.addAttribute("valuations", funds.valuations(id, actor));
        model.addAttribute("commitments", funds.commitments(id, actor));
        model.addAttribute("statements", funds.statements(id, at, actor));
        model.addAttribute("investments", funds.investments(id, actor));
        model.addAttribute("investmentTypes", FundRecords.InvestmentType.values());
        model.addAttribute("canChange", CapitalAccess.canChange(actor, fund.managerId()));
        if (fund.kind() == FundKind.PARENT) {
            model.addAttribute("subFunds", funds.subFunds(id, actor));
            model.addAttribute("lookThrough", funds.lookThrough(id, at, actor));
            model.addAttribute("rollup", funds.rollup(id, at, actor));
        }
        model.addAttribute("asOfParam", asOf);
        PageSupport.noErrors(model);
        return "capital/fund";
    }

    @PostMapping("/{id}/cash-flows")
    String flow(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
        Map<String, String> errors = new HashMap<>();
        try {
            BigDecimal amount = PageSupport.decimal(form, "amount", errors, messages);
            BigDecimal[] parts = new BigDecimal[6];
            String[] names = {"investment", "fees", "expenses", "returnOfCapital", "gains", "income"};
            boolean any = false;
            for (int i = 0; i < 6; i++) {
                parts[i] = PageSupport.decimal(form, names[i], errors, messages);
                any |= parts[i] != null;
            }
            if (!errors.isEmpty()) {
                throw pageErrors(errors);
            }
            funds.recordFlow(
                    id,
                    new FundService.FlowForm(
                            PageSupport.text(form, "date"),
                            PageSupport.text(form, "type"),
                            amount,
                            any
                                    ? new FundService.BreakdownForm(
                                            parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
                                    : null,
                            PageSupport.text(form, "note")),
                    Actor.current().orElseThrow());
            ra.addFlashAttribute("notice", messages.get("capital.page.saved"));
            return "redirect:/funds/" + id;
        } catch (ValidationException | DomainException e) {
            PageSupport.refused(e, "flow", model, form, messages);
            return fund(id, null, model);
        }
    }

    @PostMapping("/{id}/valuations")
    String valuation(
            @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
        Map<String, String> errors = new HashMap<>();
        try {
            BigDecimal nav = PageSupport.decimal(form, "nav", errors, messages);
            if (!errors.isEmpty()) {
                throw pageErrors(errors);
            }
            funds.recordValuation(
                    id,
                    new FundService.ValuationForm(PageSupport.text(form, "date"), nav),
                    Actor.current().orElseThrow());
            ra.addFlashAttribute("notice", messages.get("capital.page.saved"));
            return "redirect:/funds/" + id;
        } catch (ValidationException | DomainException e) {
            PageSupport.refused(e, "valuation", model, form, messages);
            return fund(id, null, model);
        }
    }

    @PostMapping("/{id}/commitments")
    String commitment(
            @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
        Map<String, String> errors = new HashMap<>();
        try {
            BigDecimal amount = PageSupport.decimal(form, "amount", errors, messages);
            Long org = PageSupport.id(form, "investorOrgId", errors, messages);
            Long investorFund = PageSupport.id(form, "investorFundId", errors, messages);
            if (!errors.isEmpty()) {
                throw pageErrors(errors);
            }
            funds.addCommitment(
                    id,
                    new FundService.CommitmentForm(
                            PageSupport.text(form, "investorName"),
                            org,
                            investorFund,
                            amount,
                            PageSupport.text(form, "committedOn")),
                    Actor.current().orElseThrow());
            ra.addFlashAttribute("notice", messages.get("capital.page.saved"));
            return "redirect:/funds/" + id;
        } catch (ValidationException | DomainException e) {
            PageSupport.refused(e, "commitment", model, form, messages);
            return fund(id, null, model);
        }
    }

    @PostMapping("/{id}/investments")
    String investment(
            @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
        Map<String, String> errors = new HashMap<>();
        try {
            BigDecimal amount = PageSupport.decimal(form, "amount", errors, messages);
            Long org = PageSupport.id(form, "organisationId", errors, messages);
            if (!errors.isEmpty()) {
                throw pageErrors(errors);
            }
            funds.recordInvestment(
                    id,
                    new FundService.InvestmentForm(
                            org, PageSupport.text(form, "date"), PageSupport.text(form, "type"), amount, null),
                    Actor.current().orElseThrow());
            ra.addFlashAttribute("notice", messages.get("capital.page.saved"));
            return "redirect:/funds/" + id;
        } catch (ValidationException | DomainException e) {
            PageSupport.refused(e, "investment", model, form, messages);
            return fund(id, null, model);
        }
    }

    /** The metrics and every cash flow and valuation behind them, in one sheet. */
    @GetMapping("/{id}/export")
    void export(@PathVariable long id, @RequestParam(required = false) String asOf, HttpServletResponse response)
            throws IOException {
        Actor actor = Actor.current().orElseThrow();
        Fund fund = funds.find(id, actor);
        FundService.Metrics m = funds.metrics(id, date(asOf), actor);
        List<List<?>> rows = new ArrayList<>();
        for (FundRecords.CashFlow c : funds.flows(id, actor)) {
            FundRecords.Breakdown b = c.breakdown();
            rows.add(java.util.Arrays.asList(
                    c.date(),
                    messages.get("capital.flow." + c.type().name()),
                    c.amount(),
                    c.date().isAfter(m.asOf())
                            ? null
                            : (c.type() == org.gongtong.capital.FlowType.CALL
                                    ? c.amount().negate()
                                    : c.amount()),
                    b == null ? null : b.investment(),
                    b == null ? null : b.fees(),
                    b == null ? null : b.expenses(),
                    b == null ? null : b.returnOfCapital(),
                    b == null ? null : b.gains(),
                    b == null ? null : b.income()));
        }
        for (FundRecords.Valuation v : funds.valuations(id, actor)) {
            rows.add(java.util.Arrays.asList(
                    v.date(),
                    messages.get("capital.valuation"),
                    v.nav(),
                    v.date().equals(m.navDate()) ? v.nav() : null));
        }
        rows.add(List.of());
        rows.add(List.of(messages.get("capital.metric.asOf"), m.asOf().toString()));
        String[][] metrics = {
            {"paidIn", str(m.paidIn())},
            {"distributed", str(m.distributed())},
            {"nav", str(m.nav())},
            {"unfunded", str(m.unfunded())},
            {"dpi", str(m.dpi())},
            {"rvpi", str(m.rvpi())},
            {"tvpi", str(m.tvpi())},
            {"irr", m.irr() == null ? m.irrReason() : m.irr().toPlainString()},
            {"leverage", str(m.leverage())}
        };
        for (String[] x : metrics) {
            rows.add(java.util.Arrays.asList(
                    messages.get("capital.metric." + x[0]),
                    x[1],
                    null,
                    messages.get("capital.metric." + x[0] + ".def")));
        }
        response.setContentType(Xlsx.CONTENT_TYPE);
        String filename = URLEncoder.encode(fund.name() + "-" + m.asOf() + ".xlsx", StandardCharsets.UTF_8)
                .replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + filename);
        Xlsx.write(
                response.getOutputStream(),
                "fund",
                List.of(
                        messages.get("capital.col.date"),
                        messages.get("capital.col.type"),
                        messages.get("capital.col.amount"),
                        messages.get("capital.col.irrFlow"),
                        messages.get("capital.breakdown.investment"),
                        messages.get("capital.breakdown.fees"),
                        messages.get("capital.breakdown.expenses"),
                        messages.get("capital.breakdown.returnOfCapital"),
                        messages.get("capital.breakdown.gains"),
                        messages.get("capital.breakdown.income")),
                rows);
    }

    private static String str(BigDecimal b) {
        return b == null ? "—" : b.toPlainString();
    }

    private static ValidationException pageErrors(Map<String, String> errors) {
        return new ValidationException(errors.entrySet().stream()
                .map(e -> new org.gongtong.platform.FieldError(e.getKey(), e.getValue()))
                .toList());
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("asOf", "capital.dateInvalid");
        }
    }
}
