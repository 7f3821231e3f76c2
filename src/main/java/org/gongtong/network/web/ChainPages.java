package org.gongtong.network.web;

import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.network.ChainService;
import org.gongtong.network.NetworkAccess;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The chain map of an industry (ECharts over a table that works without JavaScript) and its editor. */
@Controller
class ChainPages {

    private final ChainService chains;
    private final ReferenceData reference;
    private final Messages messages;

    ChainPages(ChainService chains, ReferenceData reference, Messages messages) {
        this.chains = chains;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/chains")
    String chain(@RequestParam(required = false) String industry, Model model) {
        Actor actor = Actor.current().orElseThrow();
        String code = industry == null || industry.isBlank() ? "NEW_MATERIALS" : industry;
        model.addAttribute("industries", reference.industries());
        model.addAttribute("industry", code);
        model.addAttribute("nodes", chains.chain(code));
        model.addAttribute("stages", ChainService.Stage.values());
        model.addAttribute("statuses", ChainService.NodeStatus.values());
        model.addAttribute("canEdit", NetworkAccess.managesAll(actor));
        if (!model.containsAttribute("formError")) {
            model.addAttribute("formError", null);
        }
        return "network/chains";
    }

    @PostMapping("/chains/{industry}/nodes")
    String addNode(@PathVariable String industry, @RequestParam Map<String, String> form, Model model) {
        try {
            chains.addNode(
                    industry,
                    new ChainService.NodeForm(
                            form.get("stage"),
                            form.get("name"),
                            form.get("status"),
                            form.get("bottlenecks"),
                            form.get("supply"),
                            99),
                    Actor.current().orElseThrow());
            return "redirect:/chains?industry=" + industry;
        } catch (ValidationException | DomainException e) {
            model.addAttribute("formError", message(e));
            return chain(industry, model);
        }
    }

    @PostMapping("/chains/nodes/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        String industry = form.get("industry");
        try {
            Actor actor = Actor.current().orElseThrow();
            chains.updateNode(id, form.get("status"), form.get("bottlenecks"), form.get("supply"), actor);
            String org = form.get("organisationId");
            String inst = form.get("institutionId");
            if ((org != null && !org.isBlank()) || (inst != null && !inst.isBlank())) {
                chains.link(
                        id,
                        org == null || org.isBlank() ? null : Long.valueOf(org.strip()),
                        inst == null || inst.isBlank() ? null : Long.valueOf(inst.strip()),
                        actor);
            }
            return "redirect:/chains?industry=" + industry;
        } catch (ValidationException | DomainException | NumberFormatException e) {
            model.addAttribute(
                    "formError",
                    e instanceof NumberFormatException ? messages.get("network.page.notANumber") : message(e));
            return chain(industry, model);
        }
    }

    private String message(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.errors().get(0).field() + ": " + v.errors().get(0).message();
        }
        DomainException d = (DomainException) e;
        return messages.get(d.messageKey(), d.args());
    }
}
