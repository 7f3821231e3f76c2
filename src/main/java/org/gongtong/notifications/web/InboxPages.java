package org.gongtong.notifications.web;

import org.gongtong.identity.Actor;
import org.gongtong.notifications.Digest;
import org.gongtong.notifications.InboxFilter;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.Notifications;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox: filters by module, category and unread; mark read, mark all read; mail settings. */
@Controller
@RequestMapping("/notifications")
class InboxPages {

    private final Notifications notifications;
    private final Messages messages;

    InboxPages(Notifications notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping
    String inbox(
            @RequestParam(required = false) String module,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        NotificationRequested.Category c = parse(category);
        String m = module == null || module.isBlank() ? null : module;
        var result = notifications.inbox(actor, new InboxFilter(m, c, unread), PageRequest.of(page, 20));
        model.addAttribute("result", result);
        model.addAttribute("modules", notifications.modules(actor));
        model.addAttribute("categories", NotificationRequested.Category.values());
        model.addAttribute("module", m);
        model.addAttribute("category", c == null ? null : c.name());
        model.addAttribute("unreadOnly", Boolean.TRUE.equals(unread));
        model.addAttribute("settings", notifications.settings(actor));
        model.addAttribute("digests", Digest.values());
        return "notifications/inbox";
    }

    /** Marks it read and follows its link (a plain form post, works without JavaScript). */
    @PostMapping("/{id}/read")
    String read(@PathVariable long id, @RequestParam(required = false) String follow) {
        var n = notifications.markRead(Actor.current().orElseThrow(), id);
        if (follow != null
                && n.link() != null
                && n.link().startsWith("/")
                && !n.link().startsWith("//")) {
            return "redirect:" + n.link();
        }
        return "redirect:/notifications";
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect) {
        int n = notifications.markAllRead(Actor.current().orElseThrow());
        redirect.addFlashAttribute("flash", messages.get("notification.allRead", n));
        return "redirect:/notifications";
    }

    @PostMapping("/settings")
    String settings(
            @RequestParam(required = false) String digest,
            @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        Digest d;
        try {
            d = digest == null ? Digest.IMMEDIATE : Digest.valueOf(digest);
        } catch (IllegalArgumentException e) {
            d = Digest.IMMEDIATE;
        }
        try {
            notifications.saveSettings(Actor.current().orElseThrow(), d, email);
            redirect.addFlashAttribute("flash", messages.get("notification.settingsSaved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("settingsError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/notifications#settings";
    }

    private static NotificationRequested.Category parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return NotificationRequested.Category.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
