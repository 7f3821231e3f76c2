package org.gongtong.services.web;

import static org.gongtong.platform.PageForms.text;

import java.math.BigDecimal;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageForms;
import org.gongtong.platform.ValidationException;
import org.gongtong.services.AgencyService;
import org.gongtong.services.ServiceOrders;
import org.gongtong.services.ServiceOrders.Order;
import org.gongtong.services.ServiceOrders.Status;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An agency's page (catalogue, requesting a service, its orders) and the service orders: the caller's list
 * and one order with the step each side may take next (quote, accept, decline, start, deliver, rate) and
 * its documents. Every step is the service's guarded transition; a refusal is shown beside the form.
 */
@Controller
class AgencyPages {

    /** Times on these pages are the city's. */
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final AgencyService agencies;
    private final PageForms forms;

    AgencyPages(AgencyService agencies, PageForms forms) {
        this.agencies = agencies;
        this.forms = forms;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }

    private static BigDecimal money(Map<String, String> form, String key) {
        return PageForms.decimal(form, key, "services.moneyInvalid");
    }

    @GetMapping("/agencies/{id}")
    String agency(@PathVariable long id, Model model) {
        Actor actor = actor();
        ServiceOrders.Agency a = agencies.agency(id);
        model.addAttribute("a", a);
        model.addAttribute("orders", agencies.orders(id, actor));
        model.addAttribute("zone", ZONE);
        model.addAttribute("runs", AgencyService.runsAgency(actor, a));
        model.addAttribute("mayRequest", actor.organisationId() != null);
        model.addAttribute("categories", ServiceOrders.Category.values());
        forms.none(model);
        return "services/agency";
    }

    @PostMapping("/agencies/{id}/services")
    String addOffering(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            agencies.addOffering(
                    id,
                    new AgencyService.OfferingForm(
                            text(form, "name"),
                            text(form, "category"),
                            money(form, "unitPrice"),
                            text(form, "description")),
                    actor());
            return "redirect:/agencies/" + id;
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "offering", model, form, "services.fixErrors");
            return agency(id, model);
        }
    }

    @PostMapping("/agencies/{id}/orders")
    String request(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            Order o = agencies.request(
                    id,
                    new AgencyService.OrderForm(
                            PageForms.whole(form, "serviceId", "services.agency.serviceUnknown"),
                            null,
                            text(form, "description")),
                    actor());
            return "redirect:/service-orders/" + o.id();
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "request", model, form, "services.fixErrors");
            return agency(id, model);
        }
    }

    @GetMapping("/service-orders")
    String orders(Model model) {
        model.addAttribute("orders", agencies.orders(null, actor()));
        model.addAttribute("zone", ZONE);
        return "services/orders";
    }

    @GetMapping("/service-orders/{id}")
    String order(@PathVariable long id, Model model) {
        Actor actor = actor();
        Order o = agencies.order(id, actor);
        model.addAttribute("o", o);
        model.addAttribute("zone", ZONE);
        model.addAttribute("forAgency", AgencyService.actsForAgency(actor, o));
        model.addAttribute("forClient", AgencyService.actsForClient(actor, o));
        model.addAttribute("open", o.status() == Status.REQUESTED || o.status() == Status.QUOTED);
        forms.none(model);
        return "services/order";
    }

    /** One step of the order; {@code step} names the form on the page. */
    @PostMapping("/service-orders/{id}/{step:quote|accept|decline|start|deliver|rate|documents}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form, Model model) {
        Actor actor = actor();
        try {
            switch (step) {
                case "quote" -> agencies.quote(id, requiredMoney(form, "amount"), actor);
                case "accept" -> agencies.accept(id, actor);
                case "decline" -> agencies.decline(id, text(form, "reason"), actor);
                case "start" -> agencies.start(id, actor);
                case "deliver" -> agencies.deliver(id, text(form, "note"), actor);
                case "rate" -> agencies.rate(id, rating(form), text(form, "comment"), actor);
                default -> agencies.addDocument(id, text(form, "name"), text(form, "link"), actor);
            }
            return "redirect:/service-orders/" + id;
        } catch (ValidationException | DomainException e) {
            forms.refused(e, step, model, form, "services.fixErrors");
            return order(id, model);
        }
    }

    private static BigDecimal requiredMoney(Map<String, String> form, String key) {
        BigDecimal v = money(form, key);
        if (v == null) {
            throw DomainException.invalid(key, "services.required");
        }
        return v;
    }

    private static Integer rating(Map<String, String> form) {
        String v = text(form, "rating");
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("rating", "services.order.ratingRange");
        }
    }
}
