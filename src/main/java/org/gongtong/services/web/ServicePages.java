package org.gongtong.services.web;

import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.services.AgencyService;
import org.gongtong.services.IncubatorService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Incubators with their incubatees, and the testing platform and agencies with ratings and volumes. */
@Controller
class ServicePages {

    private final IncubatorService incubators;
    private final AgencyService agencies;
    private final Messages messages;

    ServicePages(IncubatorService incubators, AgencyService agencies, Messages messages) {
        this.incubators = incubators;
        this.agencies = agencies;
        this.messages = messages;
    }

    @GetMapping("/incubators")
    String incubators(
            @RequestParam(required = false) Long incubatorId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("incubators", incubators.list(null));
        try {
            model.addAttribute("page", incubators.incubatees(incubatorId, status, county, PageRequest.of(page, 50)));
        } catch (DomainException e) {
            model.addAttribute("error", messages.get(e.messageKey(), e.args()));
            model.addAttribute("page", incubators.incubatees(incubatorId, null, county, PageRequest.of(page, 50)));
        }
        model.addAttribute("incubatorId", incubatorId);
        model.addAttribute("status", status);
        return "services/incubators";
    }

    @GetMapping("/agencies")
    String agencies(@RequestParam(required = false) String kind, Model model) {
        try {
            model.addAttribute("agencies", agencies.list(kind));
        } catch (DomainException e) {
            model.addAttribute("error", messages.get(e.messageKey(), e.args()));
            model.addAttribute("agencies", agencies.list(null));
        }
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", org.gongtong.services.ServiceOrders.AgencyKind.values());
        return "services/agencies";
    }
}
