package org.gongtong.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.ValidationException;
import org.gongtong.portal.Article;
import org.gongtong.portal.ArticleForm;
import org.gongtong.portal.ArticleStatus;
import org.gongtong.portal.Cms;
import org.gongtong.portal.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The editors' pages: the article list with filters, the editor, workflow actions and versions. */
@Controller
@RequestMapping("/portal/admin")
class CmsPages {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final Cms cms;
    private final Messages messages;

    CmsPages(Cms cms, Messages messages) {
        this.cms = cms;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    String index() {
        Actor actor = Actor.current().orElseThrow();
        return Cms.isEditor(actor) ? "redirect:/portal/admin/articles" : "redirect:/portal/admin/registrations";
    }

    @GetMapping("/articles")
    String list(
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        Section s = parse(Section.class, section);
        ArticleStatus st = parse(ArticleStatus.class, status);
        model.addAttribute("result", cms.all(s, st, q, PageRequest.of(page, 20), actor));
        model.addAttribute("sections", Section.values());
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("section", s == null ? null : s.name());
        model.addAttribute("status", st == null ? null : st.name());
        model.addAttribute("q", q);
        return "portal/admin/articles";
    }

    @GetMapping("/articles/new")
    String newArticle(@RequestParam(required = false) String section, Model model) {
        Actor actor = Actor.current().orElseThrow();
        if (!Cms.isEditor(actor)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Section s = parse(Section.class, section);
        model.addAttribute("article", null);
        model.addAttribute("sectionName", s == null ? Section.NEWS.name() : s.name());
        model.addAttribute("sections", Section.values());
        Forms.none(model);
        return "portal/admin/article";
    }

    @PostMapping("/articles")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Article a = cms.create(form(form, null), actor);
            return "redirect:/portal/admin/articles/" + a.id();
        } catch (ValidationException e) {
            response.setStatus(400);
            Forms.errors(model, e, form);
            model.addAttribute("article", null);
            model.addAttribute("sectionName", form.getOrDefault("section", "NEWS"));
            model.addAttribute("sections", Section.values());
            return "portal/admin/article";
        }
    }

    @GetMapping("/articles/{id}")
    String edit(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Article a = cms.forEditor(id, actor);
        articleModel(model, a, actor);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", values(a));
        }
        Forms.none(model);
        return "portal/admin/article";
    }

    private void articleModel(Model model, Article a, Actor actor) {
        model.addAttribute("article", a);
        model.addAttribute("sectionName", a.section().name());
        model.addAttribute("sections", Section.values());
        model.addAttribute("versions", cms.versions(a.id(), actor));
        model.addAttribute(
                "publicNow",
                a.publicAt(Instant.now(java.time.Clock.systemUTC())) || a.status() == ArticleStatus.PUBLISHED);
        if (a.section() == Section.EVENT) {
            model.addAttribute("registrations", cms.registrations(a.id(), actor));
        }
    }

    @PostMapping("/articles/{id}")
    String save(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            cms.update(id, form(form, cms.forEditor(id, actor).section()), version(form), actor);
            redirect.addFlashAttribute("flash", messages.get("portal.admin.saved"));
            return "redirect:/portal/admin/articles/" + id;
        } catch (ValidationException e) {
            response.setStatus(400);
            Forms.errors(model, e, form);
            return edit(id, model);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", messages.get(e.messageKey(), e.args()));
            return "redirect:/portal/admin/articles/" + id;
        }
    }

    @PostMapping("/articles/{id}/{action:submit|return|publish|unpublish}")
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        Integer version = version(form);
        try {
            switch (action) {
                case "submit" -> cms.submit(id, version, actor);
                case "return" -> cms.returnToDraft(id, version, Forms.text(form, "reason"), actor);
                case "publish" -> cms.publish(id, version, dateTime(Forms.text(form, "publishAt"), "publishAt"), actor);
                default -> cms.unpublish(id, version, Forms.text(form, "reason"), actor);
            }
            redirect.addFlashAttribute("flash", messages.get("portal.admin.done." + action));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("actionError", e.errors().get(0).message());
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", messages.get(e.messageKey(), e.args()));
        }
        return "redirect:/portal/admin/articles/" + id;
    }

    private static Integer version(Map<String, String> form) {
        try {
            String v = Forms.text(form, "version");
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ArticleForm form(Map<String, String> f, Section fixed) {
        Map<String, String> errors = new HashMap<>();
        Section section = fixed != null ? fixed : parse(Section.class, Forms.text(f, "section"));
        LocalDate issued = null;
        try {
            String v = Forms.text(f, "issuedOn");
            issued = v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put("issuedOn", messages.get("validation.date", f.get("issuedOn")));
        }
        Instant starts = null;
        try {
            starts = dateTime(Forms.text(f, "eventStartsAt"), "eventStartsAt");
        } catch (ValidationException e) {
            errors.put("eventStartsAt", e.errors().get(0).message());
        }
        Integer capacity = null;
        try {
            String v = Forms.text(f, "eventCapacity");
            capacity = v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.put("eventCapacity", messages.get("validation.integer", f.get("eventCapacity")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
        return new ArticleForm(
                section,
                Forms.text(f, "slug"),
                Forms.text(f, "title"),
                Forms.text(f, "summary"),
                f.get("bodyHtml"),
                Forms.text(f, "issuer"),
                Forms.text(f, "docNumber"),
                issued,
                Forms.text(f, "appliedBy"),
                Forms.text(f, "attachments"),
                starts,
                Forms.text(f, "eventPlace"),
                capacity,
                "true".equals(f.get("featured")));
    }

    /** A {@code datetime-local} value, read in Liaocheng's time. */
    private Instant dateTime(String v, String field) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(LOCAL).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldError(field, messages.get("validation.date", v))));
        }
    }

    static Map<String, String> values(Article a) {
        Map<String, String> v = new HashMap<>();
        v.put("slug", a.slug());
        v.put("title", a.title());
        v.put("summary", a.summary());
        v.put("bodyHtml", a.bodyHtml());
        v.put("issuer", a.issuer());
        v.put("docNumber", a.docNumber());
        v.put("issuedOn", a.issuedOn() == null ? null : a.issuedOn().toString());
        v.put("appliedBy", a.appliedBy());
        v.put("attachments", a.attachments());
        v.put(
                "eventStartsAt",
                a.eventStartsAt() == null
                        ? null
                        : LocalDateTime.ofInstant(a.eventStartsAt(), LOCAL).toString());
        v.put("eventPlace", a.eventPlace());
        v.put(
                "eventCapacity",
                a.eventCapacity() == null ? null : a.eventCapacity().toString());
        v.put("featured", a.featured() ? "true" : null);
        v.put("version", Integer.toString(a.version()));
        return v;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
