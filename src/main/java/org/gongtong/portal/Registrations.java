package org.gongtong.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.identity.UserAccount;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.gongtong.registry.Uscc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations' self-registration (一次办好): the applicant gives the USCC (checked), name, contact
 * and the organisation's element; a code already in the registry or already waiting is refused. An
 * officer approves — the organisation is registered through the registry and its first user
 * created through identity, with a one-time link to set the password — or rejects with a reason.
 */
@Service
public class Registrations {

    /** Elements an organisation may register itself as, and the role its first user gets. */
    public static final Map<String, Role> KINDS = new java.util.LinkedHashMap<>();

    static {
        KINDS.put("ENTERPRISE", Role.ENTERPRISE_USER);
        KINDS.put("UNIVERSITY", Role.ACADEMIC_USER);
        KINDS.put("RESEARCH", Role.ACADEMIC_USER);
        KINDS.put("FINANCE", Role.FINANCE_USER);
        KINDS.put("SERVICE", Role.SERVICE_USER);
        KINDS.put("USER", Role.ENTERPRISE_USER);
    }

    private final RegistrationRecords records;
    private final Registry registry;
    private final ReferenceData reference;
    private final Accounts accounts;
    private final PasswordLinks links;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registrations(
            RegistrationRecords records,
            Registry registry,
            ReferenceData reference,
            Accounts accounts,
            PasswordLinks links,
            AuditLog audit,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.registry = registry;
        this.reference = reference;
        this.accounts = accounts;
        this.links = links;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Anyone may apply; nothing is created until an officer approves. */
    @Transactional
    public Registration submit(Registration.Form form) {
        Registration.Form f = checked(form);
        long id;
        try {
            id = records.insert(f, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ValidationException(
                    List.of(new FieldError("uscc", messages.get("portal.registration.usccPending", f.uscc()))));
        }
        Registration r = records.find(id).orElseThrow();
        audit.record(
                "anonymous",
                "PORTAL_REGISTRATION_SUBMITTED",
                "portal_registration",
                id,
                null,
                Map.of("uscc", r.uscc(), "name", r.name(), "kind", r.kind()),
                null);
        for (Audience a : officers(r)) {
            events.publishEvent(new NotificationRequested(
                    "portal",
                    NotificationRequested.Category.TASK,
                    a,
                    "portal.notify.registrationWaiting",
                    List.of(r.name()),
                    "/portal/admin/registrations/" + id,
                    null,
                    "portal.registration." + id));
        }
        return r;
    }

    /** Who decides: the institute's staff, city officers, and the county's officers. */
    private static List<Audience> officers(Registration r) {
        List<Audience> list = new ArrayList<>();
        list.add(Audience.role(Role.INSTITUTE_STAFF));
        list.add(Audience.role(Role.CITY_OFFICER));
        list.add(Audience.role(Role.ADMIN));
        if (r.county() != null) {
            list.add(Audience.roleInCounty(Role.COUNTY_OFFICER, r.county()));
        }
        return list;
    }

    private static void requireOfficer(Registration r, Actor actor) {
        if (actor == null || !actor.canRegisterOrganisations()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (actor.role() == Role.COUNTY_OFFICER
                && (r.county() == null || !r.county().equals(actor.county()))) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }

    @Transactional
    public Registration.Approval approve(long id, Actor actor) {
        Registration r = find(id, actor);
        if (r.status() != Registration.Status.PENDING) {
            throw DomainException.conflict(
                    "portal.registration.decided", r.status().name());
        }
        Organisation o = registry.register(
                new OrganisationForm(
                        r.name(),
                        r.kind(),
                        r.uscc(),
                        r.county(),
                        r.industry(),
                        null,
                        null,
                        r.contactName(),
                        r.contactPhone(),
                        r.contactEmail(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                actor);
        UserAccount u = accounts.create(
                new Accounts.UserForm(r.username(), r.contactName(), KINDS.get(r.kind()), o.id(), null),
                accounts.generatePassword());
        Instant now = clock.instant();
        if (!records.decide(id, Registration.Status.APPROVED, null, o.id(), u.id(), actor.username(), now)) {
            throw DomainException.conflict("problem.stale");
        }
        audit.record(
                "PORTAL_REGISTRATION_APPROVED",
                "portal_registration",
                id,
                Map.of("status", "PENDING"),
                Map.of("status", "APPROVED", "organisationId", o.id(), "userId", u.id()));
        PasswordLinks.Issued link = links.issueFor(u, r.contactEmail(), actor);
        events.publishEvent(new NotificationRequested(
                "portal",
                NotificationRequested.Category.RESULT,
                Audience.user(u.id()),
                "portal.notify.registrationApproved",
                List.of(r.name()),
                "/organisations/" + o.id(),
                null,
                "portal.registration.approved." + id));
        return new Registration.Approval(records.find(id).orElseThrow(), o.id(), u.id(), link.path());
    }

    @Transactional
    public Registration reject(long id, String reason, Actor actor) {
        Registration r = find(id, actor);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "portal.registration.reasonRequired");
        }
        if (!records.decide(
                id, Registration.Status.REJECTED, reason.strip(), null, null, actor.username(), clock.instant())) {
            throw DomainException.conflict(
                    "portal.registration.decided", r.status().name());
        }
        audit.record(
                "PORTAL_REGISTRATION_REJECTED",
                "portal_registration",
                id,
                Map.of("status", "PENDING"),
                Map.of("status", "REJECTED"),
                reason.strip());
        events.publishEvent(new NotificationRequested(
                "portal",
                NotificationRequested.Category.RESULT,
                Audience.role(Role.INSTITUTE_STAFF),
                "portal.notify.registrationRejected",
                List.of(r.name(), reason.strip()),
                "/portal/admin/registrations/" + id,
                null,
                "portal.registration.rejected." + id));
        return records.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Registration find(long id, Actor actor) {
        Registration r =
                records.find(id).orElseThrow(() -> DomainException.notFound("portal.registration.notFound", id));
        requireOfficer(r, actor);
        return r;
    }

    @Transactional(readOnly = true)
    public PageResult<Registration> list(Registration.Status status, PageRequest page, Actor actor) {
        if (actor == null || !actor.canRegisterOrganisations()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        String county = actor.role() == Role.COUNTY_OFFICER ? actor.county() : null;
        if (actor.role() == Role.COUNTY_OFFICER && county == null) {
            return new PageResult<>(List.of(), 0, page.page(), page.size());
        }
        return records.list(status, county, page);
    }

    private Registration.Form checked(Registration.Form form) {
        List<FieldError> errors = new ArrayList<>();
        String uscc = Uscc.normalise(form.uscc());
        if (uscc == null) {
            errors.add(new FieldError("uscc", messages.get("validation.required")));
        } else {
            Uscc.problem(uscc).ifPresent(key -> errors.add(new FieldError("uscc", messages.get(key, uscc))));
        }
        if (errors.isEmpty()) {
            if (registered(uscc)) {
                errors.add(new FieldError("uscc", messages.get("portal.registration.usccRegistered", uscc)));
            } else if (records.pendingUscc(uscc)) {
                errors.add(new FieldError("uscc", messages.get("portal.registration.usccPending", uscc)));
            }
        }
        String name = Cms.blank(form.name());
        if (name == null || name.length() > 200) {
            errors.add(new FieldError("name", messages.get("validation.required")));
        }
        String kind = Cms.blank(form.kind());
        if (kind == null || !KINDS.containsKey(kind)) {
            errors.add(new FieldError("kind", messages.get("validation.required")));
        }
        String county = Cms.blank(form.county());
        if (county != null && reference.county(county).isEmpty()) {
            errors.add(new FieldError("county", messages.get("organisation.countyUnknown", county)));
        }
        String industry = Cms.blank(form.industry());
        if (industry != null && reference.industry(industry).isEmpty()) {
            errors.add(new FieldError("industry", messages.get("portal.registration.industryUnknown", industry)));
        }
        String contact = Cms.blank(form.contactName());
        if (contact == null || contact.length() > 100) {
            errors.add(new FieldError("contactName", messages.get("validation.required")));
        }
        String phone = Cms.blank(form.contactPhone());
        if (phone == null || !phone.matches("[0-9+\\- ]{5,40}")) {
            errors.add(new FieldError("contactPhone", messages.get("validation.phone")));
        }
        String email = Cms.blank(form.contactEmail());
        if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add(new FieldError("contactEmail", messages.get("validation.email")));
        }
        String username = Cms.blank(form.username());
        if (username == null || !username.matches("[A-Za-z0-9_.\\-]{3,64}")) {
            errors.add(new FieldError("username", messages.get("user.usernameInvalid")));
        } else if (accounts.findByUsername(username).isPresent() || records.pendingUsername(username)) {
            errors.add(new FieldError("username", messages.get("user.usernameTaken")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Registration.Form(
                uscc,
                name,
                kind,
                county == null ? null : reference.county(county).orElseThrow().code(),
                industry == null
                        ? null
                        : reference.industry(industry).orElseThrow().code(),
                contact,
                phone,
                email,
                username);
    }

    private boolean registered(String uscc) {
        return registry
                .search(new OrganisationCriteria(uscc, null, null, null, null), PageRequest.of(0, 5))
                .content()
                .stream()
                .anyMatch(o -> uscc.equals(o.uscc()));
    }
}
