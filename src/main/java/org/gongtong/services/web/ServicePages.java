package org.gongtong.services.web;

import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.services.AgencyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The testing platform and the service agencies with their ratings and volumes. */
@Controller
class ServicePages {

    private final AgencyService agencies;
    private final Messages messages;

    ServicePages(AgencyService agencies, Messages messages) {
        this.agencies = agencies;
        this.messages = messages;
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
