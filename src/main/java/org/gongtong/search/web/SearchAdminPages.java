package org.gongtong.search.web;

import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.search.SearchIndex;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: the index's size and a full rebuild from the database with its progress. */
@Controller
@RequestMapping("/admin/search")
class SearchAdminPages {

    private final SearchIndex index;
    private final Messages messages;

    SearchAdminPages(SearchIndex index, Messages messages) {
        this.index = index;
        this.messages = messages;
    }

    @GetMapping
    String status(Model model) {
        admin();
        model.addAttribute("status", index.status());
        return "search/admin";
    }

    @PostMapping("/rebuild")
    String rebuild(RedirectAttributes redirect) {
        admin();
        redirect.addFlashAttribute(
                "notice", messages.get(index.rebuild() ? "search.admin.started" : "search.admin.busy"));
        return "redirect:/admin/search";
    }

    private static void admin() {
        if (!Actor.current().map(Actor::isAdmin).orElse(false)) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }
}
