package org.gongtong.network;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.network.NetworkRecords.Community;
import org.gongtong.network.NetworkRecords.Extension;
import org.gongtong.network.NetworkRecords.Member;
import org.gongtong.network.NetworkRecords.Transition;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Uscc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communities (创新创业共同体): proposed, then a preparation period with a deadline, registered as
 * a legal entity with a valid USCC before that deadline, then evaluated. Extensions need an approval
 * with a reason; every change is audited and shown on the community's timeline.
 */
@Service
public class CommunityService {

    static final String TYPE = "community";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Communities communities;
    private final Institutions transitions;
    private final InstitutionService lookups;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    CommunityService(
            Communities communities,
            Institutions transitions,
            InstitutionService lookups,
            AuditLog audit,
            Messages messages,
            Clock clock) {
        this.communities = communities;
        this.transitions = transitions;
        this.lookups = lookups;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a person or client sends to propose or change a community. */
    public record CommunityForm(
            String name,
            String county,
            String industry,
            Long leadOrganisationId,
            String form,
            String operatingModel,
            LocalDate preparationDeadline,
            Integer version) {}

    /** A move: to a status, why, and what it needs (a deadline to start preparing, a USCC to register). */
    public record TransitionRequest(String to, String reason, LocalDate deadline, String uscc) {}

    public record Filter(String q, String status, String county, String industry, Boolean overdue) {}

    /** Today in Liaocheng, by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Proposes a community: with a deadline it starts preparing at once, otherwise it waits as PROPOSED. */
    @Transactional
    public Community create(CommunityForm form, Actor actor) {
        return create(form, actor, false);
    }

    @Transactional
    public Community create(CommunityForm form, Actor actor, boolean demo) {
        Valid v = validate(form, true);
        NetworkAccess.requireEdit(actor, v.county);
        LocalDate deadline = form.preparationDeadline();
        if (deadline != null && !deadline.isAfter(today())) {
            throw DomainException.invalid("preparationDeadline", "network.deadline.future");
        }
        CommunityStatus status = deadline == null ? CommunityStatus.PROPOSED : CommunityStatus.PREPARING;
        long id = communities.insert(
                v.name,
                status,
                v.county,
                v.industry,
                form.leadOrganisationId(),
                v.form,
                v.model,
                deadline,
                demo,
                clock.instant());
        if (form.leadOrganisationId() != null) {
            communities.addMember(id, form.leadOrganisationId(), "LEAD", null, today());
        }
        Community created = communities.find(id, today()).orElseThrow();
        audit.record("COMMUNITY_CREATED", TYPE, id, null, created);
        transitions.recordTransition(TYPE, id, null, status.name(), actor.username(), null, clock.instant());
        return created;
    }

    @Transactional
    public Community update(long id, CommunityForm form, Actor actor) {
        Community before = find(id, actor);
        NetworkAccess.requireEdit(actor, before.county());
        Valid v = validate(form, false);
        NetworkAccess.requireEdit(actor, v.county);
        int version = form.version() == null ? before.version() : form.version();
        if (!communities.update(
                id,
                version,
                v.name,
                v.county,
                v.industry,
                form.leadOrganisationId(),
                v.form,
                v.model,
                clock.instant())) {
            throw DomainException.conflict("network.stale");
        }
        Community after = communities.find(id, today()).orElseThrow();
        audit.record("COMMUNITY_UPDATED", TYPE, id, before, after);
        return after;
    }

    /**
     * Moves a community along its life-cycle. Starting the preparation needs a deadline in the
     * future; registering needs a valid USCC and is refused once the deadline has passed (an
     * approved extension comes first); every other move needs a reason.
     */
    @Transactional
    public Community transition(long id, TransitionRequest request, Actor actor) {
        Community before = find(id, actor);
        NetworkAccess.requireEdit(actor, before.county());
        CommunityStatus target = InstitutionService.parse(CommunityStatus.class, request.to(), "to");
        if (target == null) {
            throw DomainException.invalid("to", "network.required.to");
        }
        if (!before.status().canMoveTo(target)) {
            throw DomainException.conflict(
                    "network.transition.illegal",
                    messages.get("network.community.status." + before.status()),
                    messages.get("network.community.status." + target));
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        LocalDate deadline = null;
        String uscc = null;
        LocalDate registeredOn = null;
        if (target == CommunityStatus.PREPARING) {
            deadline = request.deadline();
            if (deadline == null) {
                throw DomainException.invalid("deadline", "network.deadline.required");
            }
            if (!deadline.isAfter(today())) {
                throw DomainException.invalid("deadline", "network.deadline.future");
            }
        } else if (target == CommunityStatus.REGISTERED) {
            uscc = Uscc.normalise(request.uscc());
            var problem = Uscc.problem(uscc);
            if (problem.isPresent()) {
                throw DomainException.invalid("uscc", problem.get(), uscc == null ? "" : uscc);
            }
            if (before.preparationDeadline() != null && today().isAfter(before.preparationDeadline())) {
                throw DomainException.conflict("network.community.overdue", before.preparationDeadline());
            }
            registeredOn = today();
        } else if (reason == null) {
            throw DomainException.invalid("reason", "network.reason.required");
        }
        if (!communities.moveStatus(id, before.status(), target, deadline, uscc, registeredOn, clock.instant())) {
            throw DomainException.conflict("network.stale");
        }
        Community after = communities.find(id, today()).orElseThrow();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("status", before.status());
        was.put("preparationDeadline", before.preparationDeadline());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("status", target);
        now.put("preparationDeadline", after.preparationDeadline());
        now.put("uscc", after.uscc());
        audit.record("COMMUNITY_STATUS", TYPE, id, was, now, reason);
        String shown = reason;
        if (shown == null && uscc != null) {
            shown = uscc;
        } else if (shown == null && deadline != null) {
            shown = deadline.toString();
        }
        transitions.recordTransition(
                TYPE, id, before.status().name(), target.name(), actor.username(), shown, clock.instant());
        return after;
    }

    /** Extends the preparation deadline: only the office or the institute approve it, with a reason. */
    @Transactional
    public Community extend(long id, LocalDate newDeadline, String reason, Actor actor) {
        Community before = find(id, actor);
        NetworkAccess.requireManager(actor);
        if (before.status() != CommunityStatus.PREPARING) {
            throw DomainException.conflict("network.extension.notPreparing");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "network.reason.required");
        }
        if (newDeadline == null
                || !newDeadline.isAfter(today())
                || !newDeadline.isAfter(before.preparationDeadline())) {
            throw DomainException.invalid("deadline", "network.extension.later");
        }
        if (!communities.extend(
                id, before.preparationDeadline(), newDeadline, reason.strip(), actor.username(), clock.instant())) {
            throw DomainException.conflict("network.stale");
        }
        audit.record(
                "COMMUNITY_EXTENDED",
                TYPE,
                id,
                Map.of("preparationDeadline", before.preparationDeadline()),
                Map.of("preparationDeadline", newDeadline),
                reason.strip());
        transitions.recordTransition(
                TYPE,
                id,
                "PREPARING",
                "PREPARING",
                actor.username(),
                messages.get("network.extension.entry", before.preparationDeadline(), newDeadline, reason.strip()),
                clock.instant());
        return communities.find(id, today()).orElseThrow();
    }

    /** Adds a member (one of the seven elements) or an investor with its share; investors' shares stay ≤ 100%. */
    @Transactional
    public List<Member> addMember(long id, long organisationId, String role, BigDecimal share, Actor actor) {
        Community c = find(id, actor);
        NetworkAccess.requireEdit(actor, c.county());
        String r = role == null || role.isBlank() ? "MEMBER" : role.strip().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("MEMBER", "INVESTOR", "LEAD").contains(r)) {
            throw DomainException.invalid("role", "network.value.unknown", role);
        }
        List<Member> members = communities.members(id);
        if (members.stream().anyMatch(m -> m.organisationId() == organisationId)) {
            throw DomainException.conflict("network.member.duplicate");
        }
        if ("INVESTOR".equals(r)) {
            if (share == null || share.signum() <= 0) {
                throw DomainException.invalid("sharePercent", "network.partners.share");
            }
            BigDecimal sum = members.stream()
                    .map(Member::sharePercent)
                    .filter(java.util.Objects::nonNull)
                    .reduce(share, BigDecimal::add);
            if (sum.compareTo(InstitutionService.HUNDRED) > 0) {
                throw DomainException.invalid(
                        "sharePercent",
                        "network.investors.sum",
                        sum.stripTrailingZeros().toPlainString());
            }
        }
        communities.addMember(id, organisationId, r, "INVESTOR".equals(r) ? share : null, today());
        audit.record("COMMUNITY_MEMBER_ADDED", TYPE, id, null, Map.of("organisationId", organisationId, "role", r));
        return communities.members(id);
    }

    @Transactional
    public List<Member> removeMember(long id, long organisationId, Actor actor) {
        Community c = find(id, actor);
        NetworkAccess.requireEdit(actor, c.county());
        communities.removeMember(id, organisationId);
        audit.record("COMMUNITY_MEMBER_REMOVED", TYPE, id, Map.of("organisationId", organisationId), null);
        return communities.members(id);
    }

    @Transactional(readOnly = true)
    public Community find(long id, Actor actor) {
        Community c = communities.find(id, today()).orElseThrow(() -> DomainException.notFound("network.notFound"));
        NetworkAccess.requireSee(actor, c.county());
        return c;
    }

    @Transactional(readOnly = true)
    public PageResult<Community> search(Filter filter, PageRequest page, Actor actor) {
        return communities.search(criteria(filter, actor), page);
    }

    @Transactional(readOnly = true)
    public void forEach(Filter filter, Actor actor, Consumer<Community> consumer) {
        Communities.Criteria c = criteria(filter, actor);
        for (int p = 0; ; p++) {
            PageResult<Community> page = communities.search(c, new PageRequest(p, PageRequest.MAX_SIZE));
            page.content().forEach(consumer);
            if (page.content().size() < PageRequest.MAX_SIZE) {
                return;
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Member> members(long id, Actor actor) {
        find(id, actor);
        return communities.members(id);
    }

    @Transactional(readOnly = true)
    public List<Extension> extensions(long id, Actor actor) {
        find(id, actor);
        return communities.extensions(id);
    }

    @Transactional(readOnly = true)
    public List<Transition> timeline(long id, Actor actor) {
        find(id, actor);
        return transitions.timeline(TYPE, id);
    }

    long count(Filter filter, String county) {
        return communities.count(criteria(filter, Actor.SYSTEM, county));
    }

    Communities.Criteria criteria(Filter f, Actor actor) {
        Filter filter = f == null ? new Filter(null, null, null, null, null) : f;
        return criteria(filter, actor, NetworkAccess.scope(actor, lookups.countyCode(filter.county())));
    }

    private Communities.Criteria criteria(Filter f, Actor actor, String county) {
        Filter filter = f == null ? new Filter(null, null, null, null, null) : f;
        return new Communities.Criteria(
                filter.q(),
                InstitutionService.parse(CommunityStatus.class, filter.status(), "status"),
                county,
                lookups.industryCode(filter.industry()),
                filter.overdue(),
                today());
    }

    private record Valid(String name, String county, String industry, String form, String model) {}

    private Valid validate(CommunityForm form, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        String name = form.name() == null || form.name().isBlank()
                ? null
                : form.name().strip();
        if (name == null) {
            errors.add(new FieldError("name", messages.get("network.required")));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", messages.get("network.tooLong", 200)));
        }
        String county = null;
        String industry = null;
        try {
            county = lookups.countyCode(form.county());
            if (county == null) {
                errors.add(new FieldError("county", messages.get("network.required")));
            }
        } catch (DomainException e) {
            errors.add(new FieldError("county", messages.get(e.messageKey(), e.args())));
        }
        try {
            industry = lookups.industryCode(form.industry());
        } catch (DomainException e) {
            errors.add(new FieldError("industry", messages.get(e.messageKey(), e.args())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Valid(name, county, industry, trim(form.form()), trim(form.operatingModel()));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
