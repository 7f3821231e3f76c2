package org.gongtong.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's public service: register and change organisations (validated, audited, one
 * transaction each), find and list them scoped to what the actor may see.
 */
@Service
public class Registry implements OrganisationDirectory {

    private final Organisations organisations;
    private final OrganisationValidator validator;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registry(
            Organisations organisations,
            OrganisationValidator validator,
            AuditLog audit,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organisations = organisations;
        this.validator = validator;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Organisation register(OrganisationForm form, Actor actor) {
        if (!actor.canRegisterOrganisations()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        OrganisationValidator.Checked c = checked(form);
        // a county officer registers organisations of its own county only (-1: nobody's own organisation)
        if (!actor.canEdit(-1, c.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return registerChecked(c, false);
    }

    /** Registers without an actor check: demo data and imports already authorised by the caller. */
    @Transactional
    public Organisation register(OrganisationForm form, boolean demo) {
        return registerChecked(checked(form), demo);
    }

    /**
     * Registers many without an actor check (demo data), all or nothing: each is validated and
     * audited exactly as {@link #register(OrganisationForm, boolean)} does, but the rows and their
     * audit entries are written as JDBC batches, which is what makes the first start quick.
     */
    @Transactional
    public List<Organisation> registerAll(List<OrganisationForm> forms, boolean demo) {
        List<OrganisationValidator.Checked> checked =
                forms.stream().map(this::checked).toList();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (OrganisationValidator.Checked c : checked) {
            if (c.uscc() != null && !seen.add(c.uscc())) {
                throw duplicateUscc(c.uscc());
            }
        }
        java.util.Set<String> taken = organisations.registeredUsccs(seen);
        if (!taken.isEmpty()) {
            throw duplicateUscc(taken.iterator().next());
        }
        Instant now = clock.instant();
        List<Long> ids;
        try {
            ids = organisations.insertAll(checked.stream()
                    .map(c -> toOrganisation(0, c, demo, 0, now, now))
                    .toList());
        } catch (DuplicateKeyException e) {
            throw duplicateUscc(null);
        }
        List<Organisation> created = organisations.findAllById(ids);
        audit.recordAll(created.stream()
                .map(o -> new AuditLog.Change("ORGANISATION_REGISTERED", "organisation", o.id(), null, auditView(o)))
                .toList());
        created.forEach(o -> events.publishEvent(new OrganisationRegistered(o.id(), o.kind(), o.name(), o.county())));
        return created;
    }

    private OrganisationValidator.Checked checked(OrganisationForm form) {
        OrganisationValidator.Checked c = validator.check(form);
        if (!c.valid()) {
            throw new ValidationException(c.errors());
        }
        return c;
    }

    private Organisation registerChecked(OrganisationValidator.Checked c, boolean demo) {
        if (c.uscc() != null && organisations.idByUscc(c.uscc()).isPresent()) {
            throw duplicateUscc(c.uscc());
        }
        return insertChecked(c, demo);
    }

    /** Inserts a form already checked (and its USCC found free) by the caller, in its transaction. */
    @Transactional
    Organisation insertChecked(OrganisationValidator.Checked c, boolean demo) {
        Instant now = clock.instant();
        Organisation draft = toOrganisation(0, c, demo, 0, now, now);
        long id;
        try {
            id = organisations.insert(draft);
        } catch (DuplicateKeyException e) {
            throw duplicateUscc(c.uscc());
        }
        Organisation created = organisations.findById(id).orElseThrow();
        audit.record("ORGANISATION_REGISTERED", "organisation", id, null, auditView(created));
        events.publishEvent(new OrganisationRegistered(id, created.kind(), created.name(), created.county()));
        return created;
    }

    @Transactional
    public Organisation update(long id, OrganisationForm form, Actor actor) {
        Organisation before = find(id);
        if (!actor.canEdit(before.id(), before.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        OrganisationValidator.Checked c = checked(form);
        // nor may it move one out of its county
        if (!actor.canEdit(id, c.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (c.uscc() != null) {
            Optional<Long> holder = organisations.idByUscc(c.uscc());
            if (holder.isPresent() && holder.get() != id) {
                throw duplicateUscc(c.uscc());
            }
        }
        int expected = form.version() == null ? before.version() : form.version();
        Organisation changed =
                toOrganisation(id, c, before.demo(), before.version(), before.createdAt(), clock.instant());
        boolean ok;
        try {
            ok = organisations.update(before, changed, expected);
        } catch (DuplicateKeyException e) {
            throw duplicateUscc(c.uscc());
        }
        if (!ok) {
            throw DomainException.conflict("problem.stale");
        }
        Organisation after = organisations.findById(id).orElseThrow();
        audit.record("ORGANISATION_UPDATED", "organisation", id, auditView(before), auditView(after));
        return after;
    }

    @Transactional(readOnly = true)
    public Organisation find(long id) {
        return organisations.findById(id).orElseThrow(() -> DomainException.notFound("organisation.notFound", id));
    }

    @Transactional(readOnly = true)
    public PageResult<Organisation> search(OrganisationCriteria criteria, PageRequest page) {
        return organisations.search(criteria, page);
    }

    @Transactional(readOnly = true)
    public void forEach(OrganisationCriteria criteria, Consumer<Organisation> consumer) {
        organisations.forEach(criteria, consumer);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> countBy(String dimension) {
        return organisations.countBy(dimension);
    }

    @Transactional(readOnly = true)
    public long count() {
        return organisations.count();
    }

    /** Hides the private fields the actor may not see. */
    public Organisation visibleTo(Organisation o, Actor actor) {
        if (actor.canSeePrivateOf(o.id(), o.county())) {
            return o;
        }
        return new Organisation(
                o.id(),
                o.kind(),
                o.name(),
                o.uscc(),
                o.county(),
                o.industry(),
                o.industryClass(),
                o.address(),
                null,
                null,
                null,
                o.foundedOn(),
                null,
                null,
                null,
                o.description(),
                o.demo(),
                o.version(),
                o.createdAt(),
                o.updatedAt());
    }

    // OrganisationDirectory, for identity

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganisationRef> lookup(long id) {
        return organisations.findById(id).map(Registry::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationRef> lookupByName(String q, int limit) {
        return organisations
                .search(new OrganisationCriteria(q, null, null, null, null), PageRequest.of(0, limit))
                .content()
                .stream()
                .map(Registry::ref)
                .toList();
    }

    @Override
    public List<CountyRef> counties() {
        return validator.reference().counties().stream()
                .map(c -> new CountyRef(c.code(), c.name()))
                .toList();
    }

    private static OrganisationRef ref(Organisation o) {
        return new OrganisationRef(o.id(), o.name(), o.kind().name(), o.county());
    }

    private DomainException duplicateUscc(String uscc) {
        return new DomainException(HttpStatus.CONFLICT, "uscc.duplicate", "uscc", null, uscc);
    }

    private static Organisation toOrganisation(
            long id, OrganisationValidator.Checked c, boolean demo, int version, Instant created, Instant updated) {
        OrganisationForm f = c.form();
        return new Organisation(
                id,
                c.kind(),
                c.name(),
                c.uscc(),
                c.county(),
                c.industry(),
                c.industryClass(),
                blankToNull(f.address()),
                blankToNull(f.contactName()),
                blankToNull(f.contactPhone()),
                blankToNull(f.contactEmail()),
                f.foundedOn(),
                f.employees(),
                f.annualRevenue(),
                f.registeredCapital(),
                blankToNull(f.description()),
                demo,
                version,
                created,
                updated);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, Object> auditView(Organisation o) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", o.kind().name());
        m.put("name", o.name());
        m.put("uscc", o.uscc());
        m.put("county", o.county());
        m.put("industry", o.industry());
        m.put("industryClass", o.industryClass());
        m.put("address", o.address());
        m.put("contactName", o.contactName());
        m.put("contactPhone", o.contactPhone());
        m.put("contactEmail", o.contactEmail());
        m.put("foundedOn", o.foundedOn() == null ? null : o.foundedOn().toString());
        m.put("employees", o.employees());
        m.put(
                "annualRevenue",
                o.annualRevenue() == null ? null : o.annualRevenue().toPlainString());
        m.put(
                "registeredCapital",
                o.registeredCapital() == null ? null : o.registeredCapital().toPlainString());
        m.put("version", o.version());
        return m;
    }
}
