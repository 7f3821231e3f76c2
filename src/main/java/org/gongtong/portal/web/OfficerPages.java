package org.gongtong.portal.web;

import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.ValidationException;
import org.gongtong.portal.PasswordLinks;
import org.gongtong.portal.Registration;
import org.gongtong.portal.Registrations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Officers review registrations; administrators issue one-time password links. */
@Controller
@RequestMapping("/portal/admin")
class OfficerPages {

    private final Registrations registrations;
    private final PasswordLinks links;
    private final Messages messages;

    OfficerPages(Registrations registrations, PasswordLinks links, Messages messages) {
        this.registrations = registrations;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/registrations")
    String list(
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        Registration.Status s = status == null
                ? Registration.Status.PENDING
                : "ALL".equals(status) ? null : CmsPages.parse(Registration.Status.class, status);
        model.addAttribute(
                "result",
                registrations.list(s, PageRequest.of(page, 20), Actor.current().orElseThrow()));
        model.addAttribute("status", s == null ? "ALL" : s.name());
        model.addAttribute("statuses", Registration.Status.values());
        return "portal/admin/registrations";
    }

    @GetMapping("/registrations/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute(
                "registration", registrations.find(id, Actor.current().orElseThrow()));
        return "portal/admin/registration";
    }

    @PostMapping("/registrations/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Registration.Approval a = registrations.approve(id, Actor.current().orElseThrow());
            redirect.addFlashAttribute("passwordLink", a.passwordLink());
            redirect.addFlashAttribute("flash", messages.get("portal.registration.approved"));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("actionError", e.errors().get(0).message());
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/portal/admin/registrations/" + id;
    }

    @PostMapping("/registrations/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            registrations.reject(id, reason, Actor.current().orElseThrow());
            redirect.addFlashAttribute("flash", messages.get("portal.registration.rejected"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/portal/admin/registrations/" + id;
    }

    @GetMapping("/password-links")
    String linkForm(Model model) {
        if (!Actor.current().orElseThrow().isAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return "portal/admin/password-links";
    }

    @PostMapping("/password-links")
    String issue(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String email,
            Model model) {
        try {
            model.addAttribute(
                    "issued", links.issue(username, email, Actor.current().orElseThrow()));
        } catch (DomainException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            model.addAttribute("error", messages.get(e.messageKey(), e.args()));
            model.addAttribute("username", username);
        }
        return "portal/admin/password-links";
    }
}
