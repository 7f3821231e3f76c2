package org.gongtong.network.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.gongtong.identity.Actor;
import org.gongtong.network.NetworkAccess;
import org.gongtong.network.PlanService;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.registry.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 1+N plan as a table (targets against actual by status) and a chart. */
@Controller
class PlanPages {

    private final PlanService plan;
    private final ReferenceData reference;
    private final Messages messages;

    PlanPages(PlanService plan, ReferenceData reference, Messages messages) {
        this.plan = plan;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/plan")
    String plan(@RequestParam(required = false) String county, Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("rows", plan.table(county, actor));
        model.addAttribute("county", county);
        model.addAttribute("counties", reference.counties());
        model.addAttribute("industries", reference.industries());
        model.addAttribute(
                "countyNames", reference.counties().stream().collect(Collectors.toMap(c -> c.code(), c -> c.name())));
        model.addAttribute(
                "industryNames",
                reference.industries().stream().collect(Collectors.toMap(i -> i.code(), i -> i.name())));
        model.addAttribute("canEdit", NetworkAccess.managesAll(actor) || actor.county() != null);
        model.addAttribute("ownCounty", actor.county());
        if (!model.containsAttribute("formError")) {
            model.addAttribute("formError", null);
        }
        return "network/plan";
    }

    @PostMapping("/plan/targets")
    String setTarget(@RequestParam Map<String, String> form, Model model) {
        try {
            plan.setTarget(
                    Integer.parseInt(form.getOrDefault("year", "0").strip()),
                    form.get("county"),
                    form.get("industry"),
                    Integer.parseInt(form.getOrDefault("target", "-1").strip()),
                    Actor.current().orElseThrow());
            return "redirect:/plan";
        } catch (DomainException e) {
            model.addAttribute("formError", messages.get(e.messageKey(), e.args()));
        } catch (NumberFormatException e) {
            model.addAttribute("formError", messages.get("network.page.notANumber"));
        }
        return plan(null, model);
    }
}
