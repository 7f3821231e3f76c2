package org.gongtong.identity.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.identity.Role;
import org.gongtong.identity.UserAccount;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration pages (administrators only, see the security configuration). */
@Controller
@RequestMapping("/admin/users")
class UserPages {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Accounts accounts;
    private final OrganisationDirectory organisations;
    private final Messages messages;
    private final Clock clock;

    UserPages(Accounts accounts, OrganisationDirectory organisations, Messages messages, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) Integer page,
            Model model) {
        Role r = null;
        try {
            r = role == null || role.isBlank() ? null : Role.valueOf(role);
        } catch (IllegalArgumentException ignored) {
            // an unknown role filter shows everyone
        }
        PageResult<UserAccount> result = accounts.list(q, r, PageRequest.of(page, 50));
        Map<Long, String> orgNames = new HashMap<>();
        for (UserAccount u : result.content()) {
            if (u.organisationId() != null) {
                organisations.lookup(u.organisationId()).ifPresent(o -> orgNames.put(o.id(), o.name()));
            }
        }
        model.addAttribute("page", result);
        model.addAttribute("orgNames", orgNames);
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", ZONE);
        return "identity/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        return form(model, null, new Accounts.UserForm("", "", Role.ENTERPRISE_USER, null, null), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount u = accounts.find(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
        return form(
                model,
                id,
                new Accounts.UserForm(u.username(), u.displayName(), u.role(), u.organisationId(), u.county()),
                Map.of());
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String password,
            Model model,
            RedirectAttributes redirect) {
        var form = new Accounts.UserForm(username, displayName, role, organisationId, blank(county));
        boolean generated = password == null || password.isBlank();
        String pw = generated ? accounts.generatePassword() : password;
        try {
            accounts.create(form, pw);
        } catch (ValidationException e) {
            return form(model, null, form, errors(e));
        }
        if (generated) {
            redirect.addFlashAttribute("newPassword", pw);
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) String county,
            Model model,
            RedirectAttributes redirect) {
        UserAccount u = accounts.find(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
        var form = new Accounts.UserForm(u.username(), displayName, role, organisationId, blank(county));
        try {
            accounts.update(id, form);
        } catch (ValidationException e) {
            return form(model, id, form, errors(e));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newPassword", accounts.resetPassword(id, null));
        return "redirect:/admin/users";
    }

    private String form(Model model, Long id, Accounts.UserForm form, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("counties", organisations.counties());
        model.addAttribute("organisations", organisations.lookupByName(null, 200));
        return "identity/user-form";
    }

    private static Map<String, String> errors(ValidationException e) {
        Map<String, String> m = new LinkedHashMap<>();
        e.errors().forEach(fe -> m.putIfAbsent(fe.field(), fe.message()));
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
