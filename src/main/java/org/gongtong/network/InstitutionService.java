package org.gongtong.network;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.network.NetworkRecords.FigureRow;
import org.gongtong.network.NetworkRecords.Institution;
import org.gongtong.network.NetworkRecords.Partner;
import org.gongtong.network.NetworkRecords.Transition;
import org.gongtong.network.NetworkRecords.YearFigures;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.SummedPage;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.ReferenceData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R&D institutions: register them, change their profile, partners (shares sum to 100%) and yearly
 * figures, and move them through their life-cycle; every change audited in its transaction.
 */
@Service
public class InstitutionService {

    static final String TYPE = "institution";
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Institutions institutions;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    InstitutionService(
            Institutions institutions, ReferenceData reference, AuditLog audit, Messages messages, Clock clock) {
        this.institutions = institutions;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a person or client sends to register or change an institution. */
    public record InstitutionForm(
            String name,
            String kind,
            String establishmentMode,
            String county,
            String industry,
            String field,
            Integer staffCount,
            Long organisationId,
            Integer version) {}

    /** A list filter as typed (codes or names); null fields are open. */
    public record Filter(String q, String kind, String mode, String status, String county, String industry) {}

    @Transactional
    public Institution create(InstitutionForm form, Actor actor) {
        return create(form, actor, false);
    }

    @Transactional
    public Institution create(InstitutionForm form, Actor actor, boolean demo) {
        Valid v = validate(form);
        NetworkAccess.requireEdit(actor, v.county);
        long id = institutions.insert(
                v.name,
                v.kind,
                v.mode,
                v.county,
                v.industry,
                v.field,
                v.staff,
                form.organisationId(),
                demo,
                clock.instant());
        Institution created = institutions.find(id).orElseThrow();
        audit.record("INSTITUTION_CREATED", TYPE, id, null, created);
        institutions.recordTransition(TYPE, id, null, created.status().name(), actor.username(), null, clock.instant());
        return created;
    }

    @Transactional
    public Institution update(long id, InstitutionForm form, Actor actor) {
        Institution before = find(id, actor);
        NetworkAccess.requireEdit(actor, before.county());
        Valid v = validate(form);
        NetworkAccess.requireEdit(actor, v.county);
        int version = form.version() == null ? before.version() : form.version();
        if (!institutions.update(
                id,
                version,
                v.name,
                v.kind,
                v.mode,
                v.county,
                v.industry,
                v.field,
                v.staff,
                form.organisationId(),
                clock.instant())) {
            throw DomainException.conflict("network.stale");
        }
        Institution after = institutions.find(id).orElseThrow();
        audit.record("INSTITUTION_UPDATED", TYPE, id, before, after);
        return after;
    }

    /** Moves the institution to {@code to}, if its life-cycle allows it; a reason is required. */
    @Transactional
    public Institution transition(long id, String to, String reason, Actor actor) {
        Institution before = find(id, actor);
        NetworkAccess.requireEdit(actor, before.county());
        InstitutionStatus target = parse(InstitutionStatus.class, to, "to");
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "network.reason.required");
        }
        if (!before.status().canMoveTo(target)) {
            throw DomainException.conflict(
                    "network.transition.illegal",
                    label("network.institution.status." + before.status()),
                    label("network.institution.status." + target));
        }
        if (!institutions.moveStatus(id, before.status(), target, clock.instant())) {
            throw DomainException.conflict("network.stale");
        }
        Institution after = institutions.find(id).orElseThrow();
        audit.record(
                "INSTITUTION_STATUS", TYPE, id, Map.of("status", before.status()), Map.of("status", target), reason);
        institutions.recordTransition(
                TYPE, id, before.status().name(), target.name(), actor.username(), reason.strip(), clock.instant());
        return after;
    }

    /** Replaces the partners; their shares must each be positive and sum to exactly 100%. */
    @Transactional
    public List<Partner> setPartners(long id, List<Partner> partners, Actor actor) {
        Institution inst = find(id, actor);
        NetworkAccess.requireEdit(actor, inst.county());
        List<FieldError> errors = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<Partner> clean = new ArrayList<>();
        for (int i = 0; i < (partners == null ? 0 : partners.size()); i++) {
            Partner p = partners.get(i);
            if (p == null || p.name() == null || p.name().isBlank()) {
                errors.add(new FieldError("partners[" + i + "].name", messages.get("network.required")));
                continue;
            }
            if (p.sharePercent() == null
                    || p.sharePercent().signum() <= 0
                    || p.sharePercent().compareTo(HUNDRED) > 0) {
                errors.add(new FieldError("partners[" + i + "].sharePercent", messages.get("network.partners.share")));
                continue;
            }
            sum = sum.add(p.sharePercent());
            clean.add(new Partner(p.organisationId(), p.name().strip(), blank(p.role()), p.sharePercent()));
        }
        if (errors.isEmpty() && !clean.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            errors.add(new FieldError(
                    "partners",
                    messages.get(
                            "network.partners.sum", sum.stripTrailingZeros().toPlainString())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Partner> before = institutions.partners(id);
        institutions.replacePartners(id, clean);
        audit.record("INSTITUTION_PARTNERS", TYPE, id, before, clean);
        return institutions.partners(id);
    }

    /** Records (or corrects) the figures of one year. */
    @Transactional
    public YearFigures recordFigures(long id, YearFigures f, Actor actor) {
        Institution inst = find(id, actor);
        NetworkAccess.requireEdit(actor, inst.county());
        List<FieldError> errors = new ArrayList<>();
        int thisYear = LocalDate.now(clock).getYear();
        if (f.year() < 2000 || f.year() > thisYear) {
            errors.add(new FieldError("year", messages.get("network.figures.year")));
        }
        if (f.rndSpend() == null || f.rndSpend().signum() < 0) {
            errors.add(new FieldError("rndSpend", messages.get("network.figures.nonNegative")));
        }
        if (f.contractRevenue() == null || f.contractRevenue().signum() < 0) {
            errors.add(new FieldError("contractRevenue", messages.get("network.figures.nonNegative")));
        }
        if (f.resultsTransferred() < 0 || f.spinOffs() < 0 || f.talents() < 0) {
            errors.add(new FieldError("talents", messages.get("network.figures.nonNegative")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        YearFigures clean = new YearFigures(
                id,
                f.year(),
                f.rndSpend().setScale(2, java.math.RoundingMode.HALF_UP),
                f.contractRevenue().setScale(2, java.math.RoundingMode.HALF_UP),
                f.resultsTransferred(),
                f.spinOffs(),
                f.talents());
        YearFigures before = institutions.figures(id, f.year()).orElse(null);
        institutions.upsertFigures(clean);
        audit.record("INSTITUTION_FIGURES", TYPE, id, before, clean);
        return clean;
    }

    @Transactional(readOnly = true)
    public Institution find(long id, Actor actor) {
        Institution i = institutions.find(id).orElseThrow(() -> DomainException.notFound("network.notFound"));
        NetworkAccess.requireSee(actor, i.county());
        return i;
    }

    @Transactional(readOnly = true)
    public PageResult<Institution> search(Filter filter, PageRequest page, Actor actor) {
        return institutions.search(criteria(filter, actor), page);
    }

    @Transactional(readOnly = true)
    public long count(Filter filter, Actor actor) {
        return institutions.count(criteria(filter, actor));
    }

    /** Every matching row, for the export (bounded by the table's size, streamed page by page). */
    @Transactional(readOnly = true)
    public void forEach(Filter filter, Actor actor, Consumer<Institution> consumer) {
        Institutions.Criteria c = criteria(filter, actor);
        for (int p = 0; ; p++) {
            PageResult<Institution> page = institutions.search(c, new PageRequest(p, PageRequest.MAX_SIZE));
            page.content().forEach(consumer);
            if (page.content().size() < PageRequest.MAX_SIZE) {
                return;
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Partner> partners(long id, Actor actor) {
        find(id, actor);
        return institutions.partners(id);
    }

    @Transactional(readOnly = true)
    public List<YearFigures> figures(long id, Actor actor) {
        find(id, actor);
        return institutions.figures(id);
    }

    @Transactional(readOnly = true)
    public List<Transition> timeline(long id, Actor actor) {
        find(id, actor);
        return institutions.timeline(TYPE, id);
    }

    /** The institutions' figures of a year (null = all years) with the exact sum of one of them. */
    @Transactional(readOnly = true)
    public SummedPage<FigureRow> figureRows(
            String measure, Integer year, String county, PageRequest page, Actor actor) {
        String column = column(measure);
        String c = NetworkAccess.scope(actor, countyCode(county));
        return SummedPage.of(institutions.figureRows(year, c, page), institutions.sumFigure(column, year, c));
    }

    BigDecimal sumFigure(String measure, Integer year, String county) {
        return institutions.sumFigure(column(measure), year, county);
    }

    static String column(String measure) {
        if ("contractRevenue".equals(measure)) {
            return "contract_revenue";
        }
        if (measure == null || "rndSpend".equals(measure)) {
            return "rnd_spend";
        }
        throw DomainException.invalid("measure", "network.figures.measure");
    }

    Institutions.Criteria criteria(Filter f, Actor actor) {
        Filter filter = f == null ? new Filter(null, null, null, null, null, null) : f;
        return new Institutions.Criteria(
                filter.q(),
                parse(InstitutionKind.class, filter.kind(), "kind"),
                parse(EstablishmentMode.class, filter.mode(), "mode"),
                parse(InstitutionStatus.class, filter.status(), "status"),
                NetworkAccess.scope(actor, countyCode(filter.county())),
                industryCode(filter.industry()));
    }

    String countyCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return reference
                .county(value.strip())
                .map(ReferenceData.County::code)
                .orElseThrow(() -> DomainException.invalid("county", "network.county.unknown", value));
    }

    String industryCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return reference
                .industry(value.strip())
                .map(ReferenceData.Industry::code)
                .orElseThrow(() -> DomainException.invalid("industry", "network.industry.unknown", value));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "network.value.unknown", value);
        }
    }

    private String label(String key) {
        return messages.get(key);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Valid(
            String name,
            InstitutionKind kind,
            EstablishmentMode mode,
            String county,
            String industry,
            String field,
            Integer staff) {}

    private Valid validate(InstitutionForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = blank(form.name());
        if (name == null) {
            errors.put("name", messages.get("network.required"));
        } else if (name.length() > 200) {
            errors.put("name", messages.get("network.tooLong", 200));
        }
        InstitutionKind kind = null;
        EstablishmentMode mode = null;
        String county = null;
        String industry = null;
        try {
            kind = parse(InstitutionKind.class, form.kind(), "kind");
        } catch (DomainException e) {
            errors.put("kind", messages.get(e.messageKey(), e.args()));
        }
        if (kind == null && !errors.containsKey("kind")) {
            errors.put("kind", messages.get("network.required"));
        }
        try {
            mode = parse(EstablishmentMode.class, form.establishmentMode(), "establishmentMode");
        } catch (DomainException e) {
            errors.put("establishmentMode", messages.get(e.messageKey(), e.args()));
        }
        if (mode == null && !errors.containsKey("establishmentMode")) {
            errors.put("establishmentMode", messages.get("network.required"));
        }
        try {
            county = countyCode(form.county());
        } catch (DomainException e) {
            errors.put("county", messages.get(e.messageKey(), e.args()));
        }
        try {
            industry = industryCode(form.industry());
        } catch (DomainException e) {
            errors.put("industry", messages.get(e.messageKey(), e.args()));
        }
        if (form.staffCount() != null && form.staffCount() < 0) {
            errors.put("staffCount", messages.get("network.figures.nonNegative"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
        return new Valid(name, kind, mode, county, industry, blank(form.field()), form.staffCount());
    }
}
