package org.gongtong.capital;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongtong.capital.FundRecords.Breakdown;
import org.gongtong.capital.FundRecords.CashFlow;
import org.gongtong.capital.FundRecords.Commitment;
import org.gongtong.capital.FundRecords.Investment;
import org.gongtong.capital.FundRecords.InvestmentType;
import org.gongtong.capital.FundRecords.Valuation;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funds: create them, record their investors, cash flows, valuations and portfolio (each change
 * audited in its transaction), and compute their metrics, compliance and look-through at a date.
 */
@Service
public class FundService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public record FundForm(
            String name, String kind, Long parentFundId, BigDecimal size, Integer vintage, Long managerId) {}

    public record CommitmentForm(
            String investorName, Long investorOrgId, Long investorFundId, BigDecimal amount, String committedOn) {}

    public record BreakdownForm(
            BigDecimal investment,
            BigDecimal fees,
            BigDecimal expenses,
            BigDecimal returnOfCapital,
            BigDecimal gains,
            BigDecimal income) {}

    public record FlowForm(String date, String type, BigDecimal amount, BreakdownForm breakdown, String note) {}

    public record ValuationForm(String date, BigDecimal nav) {}

    public record InvestmentForm(
            Long organisationId, String date, String type, BigDecimal amount, Boolean localTarget) {}

    public record Reinvestment(
            BigDecimal parentContribution,
            BigDecimal multipleRequired,
            BigDecimal required,
            BigDecimal achieved,
            BigDecimal achievedMultiple,
            boolean met) {}

    public record Breach(String code, String message) {}

    public record Compliance(
            Long parentFundId,
            BigDecimal parentCommitment,
            BigDecimal totalCommitments,
            BigDecimal parentShare,
            BigDecimal largestOtherCommitment,
            List<Breach> breaches) {}

    /** Everything the metrics endpoint returns; see {@link FundMath} for the definitions. */
    public record Metrics(
            long fundId,
            String fundName,
            FundKind kind,
            LocalDate asOf,
            BigDecimal commitments,
            BigDecimal paidIn,
            BigDecimal distributed,
            BigDecimal nav,
            LocalDate navDate,
            BigDecimal unfunded,
            BigDecimal dpi,
            BigDecimal rvpi,
            BigDecimal tvpi,
            BigDecimal irr,
            String irrReasonCode,
            String irrReason,
            BigDecimal leverage,
            Reinvestment reinvestment,
            Compliance compliance,
            List<Breach> breaches,
            List<Xirr.Flow> irrFlows,
            Map<String, String> rules) {}

    /** One investor's statement: what it committed, paid in and got back, from its parts of each flow. */
    public record InvestorStatement(
            long commitmentId,
            String investorName,
            Long investorFundId,
            BigDecimal commitment,
            BigDecimal paidIn,
            BigDecimal distributed,
            BigDecimal unfunded,
            BigDecimal navShare) {}

    /** A parent's sub-funds added up: totals, multiples of the totals, and one IRR over all their flows. */
    public record RolledUp(
            long fundId,
            LocalDate asOf,
            BigDecimal commitments,
            BigDecimal paidIn,
            BigDecimal distributed,
            BigDecimal nav,
            BigDecimal unfunded,
            BigDecimal dpi,
            BigDecimal rvpi,
            BigDecimal tvpi,
            BigDecimal irr,
            String irrReasonCode,
            String irrReason,
            List<Metrics> subFunds) {}

    public record Exposure(long organisationId, String organisationName, BigDecimal exposure, List<String> via) {}

    private final Funds funds;
    private final Registry registry;
    private final AuditLog audit;
    private final Messages messages;
    private final CapitalSettings settings;
    private final Clock clock;

    FundService(
            Funds funds, Registry registry, AuditLog audit, Messages messages, CapitalSettings settings, Clock clock) {
        this.funds = funds;
        this.registry = registry;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ funds

    @Transactional
    public Fund create(FundForm form, Actor actor) {
        return create(form, actor, false);
    }

    @Transactional
    public Fund create(FundForm form, Actor actor, boolean demo) {
        CapitalAccess.requireAny(actor);
        Forms f = new Forms(messages);
        String name = f.text("name", form.name(), 200);
        FundKind kind = f.choice("kind", form.kind(), FundKind.class, true);
        BigDecimal size = f.money("size", form.size(), true, false);
        Integer vintage = form.vintage();
        if (vintage == null) {
            f.reject("vintage", "capital.required");
        } else if (vintage < 1980 || vintage > LocalDate.now(clock).getYear() + 5) {
            f.reject("vintage", "capital.vintageInvalid");
        }
        Long parentId = form.parentFundId();
        if (parentId != null) {
            Fund parent = funds.find(parentId).orElse(null);
            if (parent == null) {
                f.reject("parentFundId", "capital.fund.parentUnknown", parentId);
            } else if (parent.kind() != FundKind.PARENT) {
                f.reject("parentFundId", "capital.fund.parentNotParent");
            }
        } else if (kind == FundKind.SUB) {
            f.reject("parentFundId", "capital.fund.parentRequired");
        }
        if (kind == FundKind.PARENT && parentId != null) {
            f.reject("parentFundId", "capital.fund.parentOfParent");
        }
        Long managerId = form.managerId();
        if (managerId == null && CapitalAccess.isFinance(actor)) {
            managerId = actor.organisationId();
        }
        if (managerId != null && !exists(managerId)) {
            f.reject("managerId", "capital.organisationUnknown", managerId);
        }
        f.throwIfAny();
        if (!CapitalAccess.canChange(actor, managerId)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        long id = funds.insert(name, kind, parentId, size, vintage, managerId, demo, clock.instant());
        Fund created = funds.find(id).orElseThrow();
        audit.record("FUND_CREATED", "fund", id, null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public Fund find(long id, Actor actor) {
        CapitalAccess.requireAny(actor);
        Fund fund = funds.find(id).orElseThrow(() -> DomainException.notFound("capital.fund.notFound", id));
        if (!CapitalAccess.canSee(actor, fund.managerId())) {
            // someone else's fund is reported as absent, so ids reveal nothing
            throw DomainException.notFound("capital.fund.notFound", id);
        }
        return fund;
    }

    private Fund findForChange(long id, Actor actor) {
        Fund fund = find(id, actor);
        if (!CapitalAccess.canChange(actor, fund.managerId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return fund;
    }

    @Transactional(readOnly = true)
    public List<Fund> list(Actor actor, FundKind kind) {
        CapitalAccess.requireAny(actor);
        Long scope = CapitalAccess.seesAll(actor) ? null : actor.organisationId();
        return funds.list(scope, kind, null);
    }

    @Transactional(readOnly = true)
    public List<Fund> subFunds(long parentId, Actor actor) {
        find(parentId, actor);
        return funds.list(null, null, parentId).stream()
                .filter(s -> CapitalAccess.canSee(actor, s.managerId()) || CapitalAccess.seesAll(actor))
                .toList();
    }

    // ------------------------------------------------------------ investors

    @Transactional
    public Commitment addCommitment(long fundId, CommitmentForm form, Actor actor) {
        Fund fund = findForChange(fundId, actor);
        Forms f = new Forms(messages);
        BigDecimal amount = f.money("amount", form.amount(), true, false);
        LocalDate on = f.date("committedOn", form.committedOn(), false);
        String name = form.investorName() == null ? null : form.investorName().strip();
        if (form.investorFundId() != null) {
            Fund investor = funds.find(form.investorFundId()).orElse(null);
            if (investor == null) {
                f.reject("investorFundId", "capital.fund.notFound", form.investorFundId());
            } else if (investor.id() == fundId) {
                f.reject("investorFundId", "capital.commitment.self");
            } else if (name == null || name.isEmpty()) {
                name = investor.name();
            }
        }
        if (form.investorOrgId() != null) {
            if (!exists(form.investorOrgId())) {
                f.reject("investorOrgId", "capital.organisationUnknown", form.investorOrgId());
            } else if (name == null || name.isEmpty()) {
                name = registry.find(form.investorOrgId()).name();
            }
        }
        if (name == null || name.isEmpty()) {
            f.reject("investorName", "capital.required");
        } else if (name.length() > 200) {
            f.reject("investorName", "capital.tooLong", 200);
        }
        f.throwIfAny();
        BigDecimal committed =
                sum(funds.commitments(fundId).stream().map(Commitment::amount).toList());
        if (committed.add(amount).compareTo(fund.size()) > 0) {
            throw new DomainException(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "capital.commitment.exceedsSize",
                    "amount",
                    Map.of("size", fund.size(), "committed", committed),
                    fund.size().toPlainString(),
                    committed.toPlainString());
        }
        long id = funds.insertCommitment(
                fundId, name, form.investorOrgId(), form.investorFundId(), amount, on, clock.instant());
        Commitment c = funds.commitments(fundId).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record("FUND_COMMITMENT_ADDED", "fund", fundId, null, c);
        return c;
    }

    @Transactional(readOnly = true)
    public List<Commitment> commitments(long fundId, Actor actor) {
        find(fundId, actor);
        return funds.commitments(fundId);
    }

    /** Each investor's statement at a date; its NAV share is pro rata by commitment. */
    @Transactional(readOnly = true)
    public List<InvestorStatement> statements(long fundId, LocalDate asOf, Actor actor) {
        find(fundId, actor);
        LocalDate at = asOf == null ? LocalDate.now(clock) : asOf;
        List<Commitment> commitments = funds.commitments(fundId);
        if (commitments.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal> paid = new LinkedHashMap<>();
        Map<Long, BigDecimal> back = new LinkedHashMap<>();
        for (CashFlow c : funds.flows(fundId)) {
            if (c.date().isAfter(at)) {
                continue;
            }
            for (FundRecords.Share sh : c.shares()) {
                (c.type() == FlowType.CALL ? paid : back).merge(sh.commitmentId(), sh.amount(), BigDecimal::add);
            }
        }
        BigDecimal nav = funds.valuations(fundId).stream()
                .filter(v -> !v.date().isAfter(at))
                .reduce((a, b) -> b)
                .map(Valuation::nav)
                .orElse(ZERO);
        List<BigDecimal> navShares = Allocation.split(
                nav, commitments.stream().map(Commitment::amount).toList());
        List<InvestorStatement> out = new ArrayList<>();
        for (int i = 0; i < commitments.size(); i++) {
            Commitment c = commitments.get(i);
            BigDecimal p = paid.getOrDefault(c.id(), ZERO);
            out.add(new InvestorStatement(
                    c.id(),
                    c.investorName(),
                    c.investorFundId(),
                    c.amount(),
                    p,
                    back.getOrDefault(c.id(), ZERO),
                    c.amount().subtract(p),
                    navShares.get(i)));
        }
        return out;
    }

    // ------------------------------------------------------------ cash flows

    @Transactional
    public CashFlow recordFlow(long fundId, FlowForm form, Actor actor) {
        Fund fund = findForChange(fundId, actor);
        Forms f = new Forms(messages);
        LocalDate date = f.date("date", form.date(), true);
        FlowType type = f.choice("type", form.type(), FlowType.class, true);
        BigDecimal raw = form.amount();
        // a call written with the investors' sign (negative) is still a call of that size
        if (type == FlowType.CALL && raw != null && raw.signum() < 0) {
            raw = raw.negate();
        }
        BigDecimal amount = f.money("amount", raw, true, false);
        Breakdown breakdown = breakdown(f, type, amount, form.breakdown());
        String note = form.note() == null || form.note().isBlank()
                ? null
                : form.note().strip();
        if (note != null && note.length() > 500) {
            f.reject("note", "capital.tooLong", 500);
        }
        f.throwIfAny();
        List<Commitment> commitments = funds.commitments(fundId);
        if (type == FlowType.CALL) {
            BigDecimal committed = commitments.isEmpty()
                    ? fund.size()
                    : sum(commitments.stream().map(Commitment::amount).toList());
            BigDecimal paid = sum(funds.flows(fundId).stream()
                    .filter(c -> c.type() == FlowType.CALL)
                    .map(CashFlow::amount)
                    .toList());
            if (paid.add(amount).compareTo(committed) > 0) {
                throw new DomainException(
                        org.springframework.http.HttpStatus.CONFLICT,
                        "capital.flow.callExceedsCommitments",
                        "amount",
                        Map.of("unfunded", committed.subtract(paid)),
                        committed.subtract(paid).toPlainString());
            }
        }
        long id = funds.insertFlow(fundId, date, type, amount, breakdown, note, clock.instant());
        if (!commitments.isEmpty()) {
            List<BigDecimal> parts = Allocation.split(
                    amount, commitments.stream().map(Commitment::amount).toList());
            for (int i = 0; i < parts.size(); i++) {
                funds.insertShare(id, commitments.get(i).id(), parts.get(i));
            }
        }
        CashFlow flow = funds.flows(fundId).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record("FUND_CASH_FLOW_RECORDED", "fund", fundId, null, flow);
        return flow;
    }

    private static Breakdown breakdown(Forms f, FlowType type, BigDecimal amount, BreakdownForm b) {
        if (b == null) {
            return null;
        }
        BigDecimal investment = f.money("breakdown.investment", b.investment(), false, true);
        BigDecimal fees = f.money("breakdown.fees", b.fees(), false, true);
        BigDecimal expenses = f.money("breakdown.expenses", b.expenses(), false, true);
        BigDecimal roc = f.money("breakdown.returnOfCapital", b.returnOfCapital(), false, true);
        BigDecimal gains = f.money("breakdown.gains", b.gains(), false, true);
        BigDecimal income = f.money("breakdown.income", b.income(), false, true);
        Breakdown br = new Breakdown(investment, fees, expenses, roc, gains, income);
        if (br.empty() || type == null || amount == null) {
            return br.empty() ? null : br;
        }
        boolean callParts = investment != null || fees != null || expenses != null;
        boolean distParts = roc != null || gains != null || income != null;
        if ((type == FlowType.CALL && distParts) || (type == FlowType.DISTRIBUTION && callParts)) {
            f.reject("breakdown", type == FlowType.CALL ? "capital.flow.callBreakdown" : "capital.flow.distBreakdown");
            return null;
        }
        BigDecimal total = sum(java.util.stream.Stream.of(investment, fees, expenses, roc, gains, income)
                .filter(Objects::nonNull)
                .toList());
        if (total.compareTo(amount) != 0) {
            f.reject("breakdown", "capital.flow.breakdownSum", total.toPlainString(), amount.toPlainString());
            return null;
        }
        return br;
    }

    @Transactional(readOnly = true)
    public List<CashFlow> flows(long fundId, Actor actor) {
        find(fundId, actor);
        return funds.flows(fundId);
    }

    // ------------------------------------------------------------ valuations

    @Transactional
    public Valuation recordValuation(long fundId, ValuationForm form, Actor actor) {
        findForChange(fundId, actor);
        Forms f = new Forms(messages);
        LocalDate date = f.date("date", form.date(), true);
        BigDecimal nav = f.money("nav", form.nav(), true, true);
        f.throwIfAny();
        Valuation before = funds.valuationAt(fundId, date).orElse(null);
        funds.upsertValuation(fundId, date, nav, clock.instant());
        Valuation after = funds.valuationAt(fundId, date).orElseThrow();
        audit.record("FUND_VALUATION_RECORDED", "fund", fundId, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<Valuation> valuations(long fundId, Actor actor) {
        find(fundId, actor);
        return funds.valuations(fundId);
    }

    // ------------------------------------------------------------ portfolio

    @Transactional
    public Investment recordInvestment(long fundId, InvestmentForm form, Actor actor) {
        findForChange(fundId, actor);
        Forms f = new Forms(messages);
        LocalDate date = f.date("date", form.date(), true);
        InvestmentType type = f.choice("type", form.type(), InvestmentType.class, true);
        BigDecimal amount = f.money("amount", form.amount(), true, type == InvestmentType.WRITE_OFF);
        Organisation org = null;
        if (form.organisationId() == null) {
            f.reject("organisationId", "capital.required");
        } else if (!exists(form.organisationId())) {
            f.reject("organisationId", "capital.organisationUnknown", form.organisationId());
        } else {
            org = registry.find(form.organisationId());
        }
        f.throwIfAny();
        // a company registered with a Liaocheng county or zone counts as local unless told otherwise
        boolean local = form.localTarget() != null ? form.localTarget() : org.county() != null;
        long id = funds.insertInvestment(fundId, org.id(), date, type, amount, local, clock.instant());
        Investment inv = funds.investments(fundId).stream()
                .filter(i -> i.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record("FUND_INVESTMENT_RECORDED", "fund", fundId, null, inv);
        return inv;
    }

    @Transactional(readOnly = true)
    public List<Investment> investments(long fundId, Actor actor) {
        find(fundId, actor);
        return funds.investments(fundId);
    }

    // ------------------------------------------------------------ metrics

    @Transactional(readOnly = true)
    public Metrics metrics(long fundId, LocalDate asOf, Actor actor) {
        Fund fund = find(fundId, actor);
        return metrics(fund, asOf == null ? LocalDate.now(clock) : asOf);
    }

    Metrics metrics(Fund fund, LocalDate asOf) {
        List<Commitment> commitments = funds.commitments(fund.id());
        BigDecimal committed = commitments.isEmpty()
                ? fund.size()
                : sum(commitments.stream().map(Commitment::amount).toList());
        FundMath.Performance p = FundMath.at(
                asOf,
                committed,
                funds.flows(fund.id()).stream()
                        .map(c -> new FundMath.Flow(c.date(), c.type(), c.amount()))
                        .toList(),
                funds.valuations(fund.id()).stream()
                        .map(v -> new FundMath.Valuation(v.date(), v.nav()))
                        .toList());
        Map<String, String> rules = new LinkedHashMap<>();
        BigDecimal leverage = null;
        Reinvestment reinvestment = null;
        Compliance compliance = null;
        List<Breach> breaches = new ArrayList<>();
        BigDecimal multiple = settings.decimal("fund.reinvestmentMultiple");
        if (fund.kind() == FundKind.PARENT) {
            List<Commitment> toSubs = funds.commitmentsBy(fund.id());
            BigDecimal contributed = sum(toSubs.stream().map(Commitment::amount).toList());
            List<Fund> subs = funds.list(null, null, fund.id());
            BigDecimal subCapital = sum(subs.stream().map(Fund::size).toList());
            leverage = FundMath.ratio(subCapital, contributed);
            BigDecimal achieved = ZERO;
            BigDecimal required = ZERO;
            for (Fund s : subs) {
                BigDecimal parentPart = sum(funds.commitments(s.id()).stream()
                        .filter(c -> Objects.equals(c.investorFundId(), fund.id()))
                        .map(Commitment::amount)
                        .toList());
                achieved = achieved.add(localInvested(s.id(), asOf));
                required = required.add(parentPart.multiply(multiple).setScale(2, RoundingMode.HALF_UP));
            }
            reinvestment = new Reinvestment(
                    contributed,
                    multiple,
                    required,
                    achieved,
                    FundMath.ratio(achieved, contributed),
                    achieved.compareTo(required) >= 0);
            rules.put("fund.reinvestmentMultiple", multiple.toPlainString());
        } else if (fund.parentFundId() != null) {
            compliance = compliance(fund, commitments, rules);
            BigDecimal parentPart = compliance.parentCommitment();
            leverage = FundMath.ratio(fund.size(), parentPart);
            BigDecimal required = parentPart.multiply(multiple).setScale(2, RoundingMode.HALF_UP);
            BigDecimal achieved = localInvested(fund.id(), asOf);
            reinvestment = new Reinvestment(
                    parentPart,
                    multiple,
                    required,
                    achieved,
                    FundMath.ratio(achieved, parentPart),
                    achieved.compareTo(required) >= 0);
            rules.put("fund.reinvestmentMultiple", multiple.toPlainString());
            breaches.addAll(compliance.breaches());
            if (!reinvestment.met() && parentPart.signum() > 0) {
                breaches.add(breach(
                        "REINVESTMENT_SHORT",
                        achieved.toPlainString(),
                        required.toPlainString(),
                        multiple.toPlainString()));
            }
        }
        Xirr.Result irr = p.irr();
        return new Metrics(
                fund.id(),
                fund.name(),
                fund.kind(),
                asOf,
                p.commitments(),
                p.paidIn(),
                p.distributed(),
                p.nav(),
                p.navDate(),
                p.unfunded(),
                p.dpi(),
                p.rvpi(),
                p.tvpi(),
                irr.rate(),
                irr.defined() ? null : irr.reason().name(),
                irr.defined()
                        ? null
                        : messages.get("capital.xirr." + irr.reason().name()),
                leverage,
                reinvestment,
                compliance,
                breaches,
                p.irrFlows(),
                rules);
    }

    private Compliance compliance(Fund fund, List<Commitment> commitments, Map<String, String> rules) {
        BigDecimal min = settings.decimal("fund.parentShareMin");
        BigDecimal max = settings.decimal("fund.parentShareMax");
        boolean neverLargest = settings.flag("fund.parentNeverLargest");
        rules.put("fund.parentShareMin", min.toPlainString());
        rules.put("fund.parentShareMax", max.toPlainString());
        rules.put("fund.parentNeverLargest", Boolean.toString(neverLargest));
        BigDecimal parentPart = sum(commitments.stream()
                .filter(c -> Objects.equals(c.investorFundId(), fund.parentFundId()))
                .map(Commitment::amount)
                .toList());
        BigDecimal total = commitments.isEmpty()
                ? fund.size()
                : sum(commitments.stream().map(Commitment::amount).toList());
        BigDecimal largestOther = commitments.stream()
                .filter(c -> !Objects.equals(c.investorFundId(), fund.parentFundId()))
                .map(Commitment::amount)
                .max(BigDecimal::compareTo)
                .orElse(ZERO);
        BigDecimal share = FundMath.ratio(parentPart, total);
        List<Breach> breaches = new ArrayList<>();
        if (parentPart.signum() == 0) {
            breaches.add(breach("PARENT_COMMITMENT_MISSING"));
        } else {
            if (share.compareTo(min) < 0) {
                breaches.add(breach("SHARE_BELOW_MIN", pct(share), pct(min)));
            }
            if (share.compareTo(max) > 0) {
                breaches.add(breach("SHARE_ABOVE_MAX", pct(share), pct(max)));
            }
            // a tie with the largest other investor still makes the parent (one of) the largest
            if (neverLargest && parentPart.compareTo(largestOther) >= 0) {
                breaches.add(breach("PARENT_LARGEST", parentPart.toPlainString(), largestOther.toPlainString()));
            }
        }
        return new Compliance(fund.parentFundId(), parentPart, total, share, largestOther, breaches);
    }

    private Breach breach(String code, Object... args) {
        return new Breach(code, messages.get("capital.breach." + code, args));
    }

    private static String pct(BigDecimal ratio) {
        return ratio.movePointRight(2)
                        .setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    private BigDecimal localInvested(long fundId, LocalDate asOf) {
        return sum(funds.investments(fundId).stream()
                .filter(i -> i.localTarget() && !i.date().isAfter(asOf))
                .filter(i -> i.type() == InvestmentType.INITIAL || i.type() == InvestmentType.FOLLOW_ON)
                .map(Investment::amount)
                .toList());
    }

    /**
     * The sub-funds of a parent rolled up at a date. The IRR takes every sub-fund's calls and
     * distributions and each one's NAV at its own valuation date, all in one XIRR.
     */
    @Transactional(readOnly = true)
    public RolledUp rollup(long parentId, LocalDate asOf, Actor actor) {
        Fund parent = find(parentId, actor);
        LocalDate at = asOf == null ? LocalDate.now(clock) : asOf;
        List<Metrics> subs = funds.list(null, null, parent.id()).stream()
                .map(s -> metrics(s, at))
                .toList();
        BigDecimal commitments = sum(subs.stream().map(Metrics::commitments).toList());
        BigDecimal paidIn = sum(subs.stream().map(Metrics::paidIn).toList());
        BigDecimal distributed = sum(subs.stream().map(Metrics::distributed).toList());
        BigDecimal nav = sum(subs.stream().map(Metrics::nav).toList());
        List<Xirr.Flow> flows = new ArrayList<>();
        subs.forEach(m -> flows.addAll(m.irrFlows()));
        Xirr.Result irr = Xirr.of(flows);
        BigDecimal dpi = FundMath.ratio(distributed, paidIn);
        BigDecimal rvpi = FundMath.ratio(nav, paidIn);
        return new RolledUp(
                parent.id(),
                at,
                commitments,
                paidIn,
                distributed,
                nav,
                commitments.subtract(paidIn),
                dpi,
                rvpi,
                dpi == null ? null : dpi.add(rvpi),
                irr.rate(),
                irr.defined() ? null : irr.reason().name(),
                irr.defined()
                        ? null
                        : messages.get("capital.xirr." + irr.reason().name()),
                subs);
    }

    /** Every sub-fund with a breach, for the office's compliance list. */
    @Transactional(readOnly = true)
    public List<Metrics> complianceList(LocalDate asOf, Actor actor) {
        LocalDate at = asOf == null ? LocalDate.now(clock) : asOf;
        return list(actor, FundKind.SUB).stream()
                .map(s -> metrics(s, at))
                .filter(m -> !m.breaches().isEmpty())
                .toList();
    }

    /** The parent's exposure to each portfolio company: each sub-fund's cost times the parent's share of it. */
    @Transactional(readOnly = true)
    public List<Exposure> lookThrough(long parentId, LocalDate asOf, Actor actor) {
        Fund parent = find(parentId, actor);
        LocalDate at = asOf == null ? LocalDate.now(clock) : asOf;
        Map<Long, BigDecimal> exposure = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<String>> via = new LinkedHashMap<>();
        List<Fund> holders = new ArrayList<>(funds.list(null, null, parent.id()));
        for (Fund s : holders) {
            List<Commitment> cs = funds.commitments(s.id());
            BigDecimal total = cs.isEmpty()
                    ? s.size()
                    : sum(cs.stream().map(Commitment::amount).toList());
            BigDecimal parentPart = sum(cs.stream()
                    .filter(c -> Objects.equals(c.investorFundId(), parent.id()))
                    .map(Commitment::amount)
                    .toList());
            if (parentPart.signum() == 0 || total.signum() == 0) {
                continue;
            }
            Map<Long, BigDecimal> cost = new LinkedHashMap<>();
            java.util.Set<Long> closed = new java.util.HashSet<>();
            for (Investment i : funds.investments(s.id())) {
                if (i.date().isAfter(at)) {
                    continue;
                }
                names.put(i.organisationId(), i.organisationName());
                switch (i.type()) {
                    case INITIAL, FOLLOW_ON -> cost.merge(i.organisationId(), i.amount(), BigDecimal::add);
                    case EXIT, WRITE_OFF -> closed.add(i.organisationId());
                }
            }
            for (Map.Entry<Long, BigDecimal> e : cost.entrySet()) {
                if (closed.contains(e.getKey())) {
                    continue;
                }
                BigDecimal part = e.getValue().multiply(parentPart).divide(total, 2, RoundingMode.HALF_EVEN);
                exposure.merge(e.getKey(), part, BigDecimal::add);
                via.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s.name());
            }
        }
        return exposure.entrySet().stream()
                .map(e -> new Exposure(e.getKey(), names.get(e.getKey()), e.getValue(), via.get(e.getKey())))
                .sorted((a, b) -> b.exposure().compareTo(a.exposure()))
                .toList();
    }

    @Transactional
    public int deleteDemo(Actor actor) {
        if (!actor.isAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        int n = funds.deleteDemo();
        if (n > 0) {
            audit.record("FUND_DEMO_REMOVED", "fund", null, null, Map.of("funds", n));
        }
        return n;
    }

    /** One-call demo removal: the demo funds go before the sample organisations they refer to. */
    @org.springframework.context.event.EventListener
    @Transactional
    public void on(org.gongtong.registry.DemoDataRemoving event) {
        int n = funds.deleteDemo();
        if (n > 0) {
            audit.record("FUND_DEMO_REMOVED", "fund", null, null, Map.of("funds", n));
        }
    }

    Long fundIdByName(String name) {
        return funds.idByName(name).orElse(null);
    }

    private boolean exists(long orgId) {
        try {
            registry.find(orgId);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(ZERO, BigDecimal::add);
    }
}
