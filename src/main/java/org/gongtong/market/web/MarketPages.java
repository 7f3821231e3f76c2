package org.gongtong.market.web;

import org.gongtong.identity.Actor;
import org.gongtong.market.BrokerageStatus;
import org.gongtong.market.Brokerages;
import org.gongtong.market.TechContracts;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Market pages: the entry, brokerages and contracts (needs and results: {@link NeedPages}, {@link ResultPages}). */
@Controller
@RequestMapping("/market")
class MarketPages {

    private final Brokerages brokerages;
    private final TechContracts contracts;
    private final MarketLists lists;

    MarketPages(Brokerages brokerages, TechContracts contracts, MarketLists lists) {
        this.brokerages = brokerages;
        this.contracts = contracts;
        this.lists = lists;
    }

    @GetMapping
    String home() {
        return "redirect:/market/needs";
    }

    // ------------------------------------------------------------ brokerage and contracts

    @GetMapping("/brokerages")
    String brokerageList(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean introduced,
            Model model) {
        model.addAttribute(
                "page", brokerages.page(county, Boolean.TRUE.equals(introduced), actor(), PageRequest.of(0, 200)));
        model.addAttribute("statuses", BrokerageStatus.values());
        common(model);
        return "market/brokerages";
    }

    @PostMapping("/brokerages")
    String propose(
            @RequestParam long needId,
            @RequestParam(required = false) Long resultId,
            @RequestParam(required = false) Long expertId) {
        brokerages.propose(needId, resultId, expertId, null, actor());
        return "redirect:/market/brokerages";
    }

    @PostMapping("/brokerages/{id}/status")
    String move(
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        BrokerageStatus to;
        try {
            to = BrokerageStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "market.error.statusInvalid");
        }
        brokerages.move(id, to, reason, note, actor());
        return "redirect:/market/brokerages";
    }

    @GetMapping("/contracts")
    String contractList(
            @RequestParam(required = false) String county, @RequestParam(required = false) String status, Model model) {
        model.addAttribute(
                "page",
                contracts.page(new TechContracts.ContractCriteria(county, status), actor(), PageRequest.of(0, 200)));
        common(model);
        return "market/contracts";
    }

    private void common(Model model) {
        lists.common(model);
    }

    private static Actor actor() {
        return MarketLists.actor();
    }
}
