package org.gongtong.services;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.NotificationRequested.Audience;
import org.gongtong.notifications.NotificationRequested.Category;
import org.gongtong.platform.DomainException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.Registry;
import org.gongtong.services.ServiceOrders.Agency;
import org.gongtong.services.ServiceOrders.AgencyKind;
import org.gongtong.services.ServiceOrders.Offering;
import org.gongtong.services.ServiceOrders.Order;
import org.gongtong.services.ServiceOrders.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The testing platform and service agencies: catalogues, and orders through request → quote →
 * accepted → in progress → delivered → rated (1–5 with a comment), each step guarded (only the
 * agency quotes, starts and delivers; only the client accepts, declines and rates) and audited.
 */
@Service
public class AgencyService {

    public record AgencyForm(Long organisationId, String name, String kind, String description) {}

    public record OfferingForm(String name, String category, BigDecimal unitPrice, String description) {}

    public record OrderForm(Long serviceId, Long clientId, String description) {}

    private final Agencies agencies;
    private final Registry registry;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyService(Agencies agencies, Registry registry, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.agencies = agencies;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    static boolean oversees(Actor a) {
        return a.role() == Role.ADMIN || a.role() == Role.CITY_OFFICER || a.role() == Role.INSTITUTE_STAFF;
    }

    /** May {@code a} act for the agency of this order (quote, start, deliver)? */
    public static boolean actsForAgency(Actor a, Order o) {
        return oversees(a) || Objects.equals(a.organisationId(), o.agencyOrganisationId());
    }

    /** May {@code a} act for the client of this order (accept, rate)? */
    public static boolean actsForClient(Actor a, Order o) {
        return oversees(a) || Objects.equals(a.organisationId(), o.clientId());
    }

    /** May {@code a} change this agency's catalogue? */
    public static boolean runsAgency(Actor a, Agency agency) {
        return oversees(a) || Objects.equals(a.organisationId(), agency.organisationId());
    }

    @Transactional
    public Agency create(AgencyForm f, Actor actor) {
        return create(f, actor, false);
    }

    @Transactional
    Agency create(AgencyForm f, Actor actor, boolean demo) {
        if (f.organisationId() == null) {
            throw DomainException.invalid("organisationId", "services.required");
        }
        Organisation org = registry.find(f.organisationId());
        if (!oversees(actor) && !Objects.equals(actor.organisationId(), org.id())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        AgencyKind kind;
        try {
            kind = AgencyKind.valueOf(f.kind() == null ? "" : f.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "kind", "services.choiceInvalid", "TESTING_PLATFORM, IP, TECH_TRANSFER, DESIGN, CONSULTING");
        }
        String name = InstrumentService.blank(f.name()) == null
                ? org.name()
                : f.name().strip();
        long id =
                agencies.insert(org.id(), name, kind, InstrumentService.blank(f.description()), demo, clock.instant());
        audit.record("AGENCY_CREATED", "service_agency", id, null, Map.of("name", name, "kind", kind.name()));
        return agency(id);
    }

    @Transactional
    public Agency addOffering(long agencyId, OfferingForm f, Actor actor) {
        Agency a = agency(agencyId);
        requireAgency(actor, a.organisationId());
        if (InstrumentService.blank(f.name()) == null) {
            throw DomainException.invalid("name", "services.required");
        }
        ServiceOrders.Category c;
        try {
            c = ServiceOrders.Category.valueOf(
                    f.category() == null ? "" : f.category().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "category", "services.choiceInvalid", java.util.Arrays.toString(ServiceOrders.Category.values()));
        }
        if (f.unitPrice() != null
                && (f.unitPrice().signum() < 0 || f.unitPrice().scale() > 2)) {
            throw DomainException.invalid("unitPrice", "services.moneyInvalid");
        }
        agencies.insertOffering(agencyId, f.name().strip(), c, f.unitPrice(), InstrumentService.blank(f.description()));
        return agency(agencyId);
    }

    @Transactional(readOnly = true)
    public Agency agency(long id) {
        return agencies.find(id).orElseThrow(() -> DomainException.notFound("services.agency.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<Agency> list(String kind) {
        AgencyKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = AgencyKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(
                        "kind", "services.choiceInvalid", "TESTING_PLATFORM, IP, TECH_TRANSFER, DESIGN, CONSULTING");
            }
        }
        return agencies.list(k);
    }

    @Transactional
    public Order request(long agencyId, OrderForm f, Actor actor) {
        return request(agencyId, f, actor, false);
    }

    @Transactional
    Order request(long agencyId, OrderForm f, Actor actor, boolean demo) {
        Agency a = agency(agencyId);
        Long client = f.clientId() == null ? actor.organisationId() : f.clientId();
        if (client == null) {
            throw DomainException.invalid("clientId", "services.required");
        }
        registry.find(client);
        if (!oversees(actor) && !Objects.equals(actor.organisationId(), client)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        if (InstrumentService.blank(f.description()) == null) {
            throw DomainException.invalid("description", "services.required");
        }
        if (f.serviceId() != null && a.services().stream().noneMatch(s -> s.id() == f.serviceId())) {
            throw DomainException.invalid("serviceId", "services.agency.serviceUnknown", f.serviceId());
        }
        long id = agencies.insertOrder(
                agencyId,
                f.serviceId(),
                client,
                actor.username(),
                f.description().strip(),
                demo,
                clock.instant());
        audit.record(
                "ORDER_REQUESTED",
                "service_order",
                id,
                null,
                Map.of("agencyId", agencyId, "clientId", client, "status", "REQUESTED"));
        events.publishEvent(new NotificationRequested(
                "services",
                Category.TASK,
                Audience.organisation(a.organisationId()),
                "services.notify.orderRequested",
                List.of(a.name(), String.valueOf(id)),
                "/service-orders/" + id,
                null,
                "order-requested-" + id));
        return order(id, actor);
    }

    @Transactional(readOnly = true)
    public Order order(long id, Actor actor) {
        Order o = agencies.findOrder(id).orElseThrow(() -> DomainException.notFound("services.order.notFound", id));
        if (!oversees(actor)
                && !Objects.equals(actor.organisationId(), o.clientId())
                && !Objects.equals(actor.organisationId(), o.agencyOrganisationId())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return o;
    }

    @Transactional(readOnly = true)
    public List<Order> orders(Long agencyId, Actor actor) {
        if (oversees(actor)) {
            return agencies.orders(agencyId, null, null);
        }
        long own = actor.organisationId() == null ? -1 : actor.organisationId();
        return agencies.orders(agencyId, own, own);
    }

    @Transactional
    public Order quote(long id, BigDecimal amount, Actor actor) {
        if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
            throw DomainException.invalid("amount", "services.moneyInvalid");
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("quote_amount", amount.setScale(2));
        return step(id, actor, true, Status.REQUESTED, Status.QUOTED, "quoted_at", set, null);
    }

    @Transactional
    public Order accept(long id, Actor actor) {
        return step(id, actor, false, Status.QUOTED, Status.ACCEPTED, "accepted_at", Map.of(), null);
    }

    @Transactional
    public Order decline(long id, String reason, Actor actor) {
        Order o = order(id, actor);
        Status from = o.status() == Status.REQUESTED || o.status() == Status.QUOTED ? o.status() : Status.QUOTED;
        return step(id, actor, null, from, Status.DECLINED, null, Map.of(), reason);
    }

    @Transactional
    public Order start(long id, Actor actor) {
        return step(id, actor, true, Status.ACCEPTED, Status.IN_PROGRESS, "started_at", Map.of(), null);
    }

    @Transactional
    public Order deliver(long id, String note, Actor actor) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("delivery_note", InstrumentService.blank(note));
        return step(id, actor, true, Status.IN_PROGRESS, Status.DELIVERED, "delivered_at", set, null);
    }

    @Transactional
    public Order rate(long id, Integer rating, String comment, Actor actor) {
        if (rating == null || rating < 1 || rating > 5) {
            throw DomainException.invalid("rating", "services.order.ratingRange");
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("rating", rating);
        set.put("rating_comment", InstrumentService.blank(comment));
        return step(id, actor, false, Status.DELIVERED, Status.RATED, "rated_at", set, null);
    }

    @Transactional
    public Order addDocument(long id, String name, String link, Actor actor) {
        order(id, actor);
        if (InstrumentService.blank(name) == null) {
            throw DomainException.invalid("name", "services.required");
        }
        agencies.addDocument(id, name.strip(), InstrumentService.blank(link), actor.username(), clock.instant());
        return order(id, actor);
    }

    /**
     * One guarded step: {@code byAgency} true = the agency's side acts, false = the client's, null =
     * either; the update only succeeds from {@code from}, so a replay or a race is a 409.
     */
    private Order step(
            long id,
            Actor actor,
            Boolean byAgency,
            Status from,
            Status to,
            String timeColumn,
            Map<String, Object> set,
            String reason) {
        Order o = order(id, actor);
        boolean agencySide = actsForAgency(actor, o);
        boolean clientSide = actsForClient(actor, o);
        if ((Boolean.TRUE.equals(byAgency) && !agencySide) || (Boolean.FALSE.equals(byAgency) && !clientSide)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Instant now = clock.instant();
        if (o.status() != from || !agencies.transition(id, from, to, timeColumn, now, set)) {
            throw DomainException.conflict(
                    "services.order.illegalTransition", id, o.status().name(), to.name());
        }
        Map<String, Object> after = new LinkedHashMap<>(set);
        after.put("status", to.name());
        audit.record(
                "ORDER_" + to.name(),
                "service_order",
                id,
                Map.of("status", o.status().name()),
                after,
                reason);
        long notify = Boolean.TRUE.equals(byAgency) ? o.clientId() : o.agencyOrganisationId();
        events.publishEvent(new NotificationRequested(
                "services",
                Category.RESULT,
                Audience.organisation(notify),
                "services.notify.orderStep",
                List.of(String.valueOf(id), to.name()),
                "/service-orders/" + id,
                null,
                null));
        return order(id, actor);
    }

    /** Client ↔ agency organisation pairs of accepted orders (amount = quote, date = acceptance). */
    @Transactional(readOnly = true)
    public List<Object[]> pairs(Instant from, Instant to) {
        return agencies.pairs(from, to);
    }

    @Transactional
    public int deleteDemo() {
        return agencies.deleteDemo();
    }

    Long idByName(String name) {
        return agencies.idByName(name).orElse(null);
    }

    Offering firstOffering(long agencyId) {
        return agency(agencyId).services().stream().findFirst().orElse(null);
    }

    private static void requireAgency(Actor actor, long org) {
        if (!oversees(actor) && !Objects.equals(actor.organisationId(), org)) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }
}
