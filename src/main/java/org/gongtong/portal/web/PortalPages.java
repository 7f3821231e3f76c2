package org.gongtong.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.market.TechNeed;
import org.gongtong.market.TechResult;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.portal.Article;
import org.gongtong.portal.Cms;
import org.gongtong.portal.PasswordLinks;
import org.gongtong.portal.PortalFigures;
import org.gongtong.portal.PublicSearch;
import org.gongtong.portal.Registration;
import org.gongtong.portal.Registrations;
import org.gongtong.portal.RichText;
import org.gongtong.portal.Section;
import org.gongtong.registry.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public portal: readable without an account, works without JavaScript and on a phone. */
@Controller
@RequestMapping("/portal")
class PortalPages {

    private final Cms cms;
    private final PortalFigures figures;
    private final Registrations registrations;
    private final PasswordLinks links;
    private final ReferenceData reference;
    private final Messages messages;
    private final PublicSearch search;

    PortalPages(
            Cms cms,
            PortalFigures figures,
            Registrations registrations,
            PasswordLinks links,
            ReferenceData reference,
            Messages messages,
            PublicSearch search) {
        this.search = search;
        this.cms = cms;
        this.figures = figures;
        this.registrations = registrations;
        this.links = links;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    String home(Model model) {
        model.addAttribute("figures", figures.home());
        model.addAttribute("industries", reference.industries());
        model.addAttribute("news", cms.latest(Section.NEWS, 5));
        model.addAttribute("policies", cms.latest(Section.POLICY, 5));
        model.addAttribute("practices", cms.latest(Section.PRACTICE, 3));
        model.addAttribute("events", cms.upcomingEvents(3));
        model.addAttribute("market", figures.market());
        return "portal/home";
    }

    @GetMapping("/services")
    String services(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("result", figures.services(q, kind, PageRequest.of(page, 20)));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", PortalFigures.SERVICE_KINDS);
        return "portal/services";
    }

    @GetMapping("/search")
    String search(
            @RequestParam(required = false) String q, @RequestParam(required = false) String section, Model model) {
        Section s = Section.ofPath(section == null ? "" : section).orElse(null);
        model.addAttribute("q", q);
        model.addAttribute("section", s == null ? null : s.path());
        model.addAttribute("sections", Section.values());
        if (q != null && !q.isBlank()) {
            List<PublicSearch.Hit> hits = new ArrayList<>(search.search(q, s));
            if (s == null && hits.stream().noneMatch(h -> "organisation".equals(h.type()))) {
                // the service directory, until organisations are in the index
                figures.publicSearch(q)
                        .forEach(o ->
                                hits.add(new PublicSearch.Hit("organisation", null, o.title(), o.summary(), o.link())));
            }
            model.addAttribute("hits", hits);
        }
        return "portal/search";
    }

    @GetMapping("/market/{kind:results|needs}")
    String market(
            @PathVariable String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Integer page,
            Model model) {
        PageRequest p = PageRequest.of(page, 20);
        model.addAttribute(
                "result",
                "results".equals(kind) ? figures.publicResults(q, industry, p) : figures.publicNeeds(q, industry, p));
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("industry", industry);
        model.addAttribute("industries", reference.industries());
        return "portal/market";
    }

    @GetMapping("/market/results/{id:\\d{1,18}}")
    String result(@PathVariable long id, Model model) {
        TechResult r = figures.publicResult(id);
        model.addAttribute("kind", "results");
        model.addAttribute("item", r);
        model.addAttribute("text", r.summary());
        model.addAttribute("description", shorten(r.summary()));
        return "portal/market-item";
    }

    @GetMapping("/market/needs/{id:\\d{1,18}}")
    String need(@PathVariable long id, Model model) {
        TechNeed n = figures.publicNeed(id);
        model.addAttribute("kind", "needs");
        model.addAttribute("item", n);
        model.addAttribute("text", n.description());
        model.addAttribute("description", shorten(n.description()));
        return "portal/market-item";
    }

    static String shorten(String text) {
        return text == null ? "" : text.length() > 150 ? text.substring(0, 150) + "…" : text;
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        Forms.none(model);
        registrationModel(model);
        return "portal/register";
    }

    @PostMapping("/register")
    String register(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            Registration r = registrations.submit(new Registration.Form(
                    Forms.text(form, "uscc"),
                    Forms.text(form, "name"),
                    Forms.text(form, "kind"),
                    Forms.text(form, "county"),
                    Forms.text(form, "industry"),
                    Forms.text(form, "contactName"),
                    Forms.text(form, "contactPhone"),
                    Forms.text(form, "contactEmail"),
                    Forms.text(form, "username")));
            model.addAttribute("registration", r);
            return "portal/registered";
        } catch (ValidationException e) {
            response.setStatus(400);
            Forms.errors(model, e, form);
            registrationModel(model);
            return "portal/register";
        }
    }

    private void registrationModel(Model model) {
        model.addAttribute("kinds", Registrations.KINDS.keySet());
        model.addAttribute("counties", reference.counties());
        model.addAttribute("industries", reference.industries());
    }

    @GetMapping("/reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        model.addAttribute("user", links.check(token).username());
        model.addAttribute("token", token);
        return "portal/reset";
    }

    @PostMapping("/reset/{token}")
    String reset(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirm,
            Model model,
            HttpServletResponse response) {
        String user = links.check(token).username();
        try {
            if (password == null || !password.equals(confirm)) {
                throw DomainException.invalid("confirm", "portal.reset.mismatch");
            }
            links.use(token, password);
            return "redirect:/login?reset";
        } catch (DomainException e) {
            response.setStatus(e.status().value());
            model.addAttribute("user", user);
            model.addAttribute("token", token);
            model.addAttribute("error", messages.get(e.messageKey(), e.args()));
            return "portal/reset";
        }
    }

    @GetMapping("/{section:news|policies|practices|events}")
    String list(
            @PathVariable String section,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        Section s = Section.ofPath(section).orElseThrow();
        PageResult<Article> result = cms.published(s, q, PageRequest.of(page, 20));
        model.addAttribute("section", s);
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        if (s == Section.EVENT) {
            model.addAttribute("upcoming", cms.upcomingEvents(20));
        }
        return "portal/list";
    }

    @GetMapping("/{section:news|policies|practices|events}/{slug}")
    String article(@PathVariable String section, @PathVariable String slug, Model model) {
        Section s = Section.ofPath(section).orElseThrow();
        Article a = cms.publicArticle(s, slug);
        model.addAttribute("article", a);
        model.addAttribute("section", s);
        model.addAttribute("description", description(a));
        if (s == Section.EVENT) {
            model.addAttribute("registered", cms.registrationCount(a.id()));
            Forms.none(model);
        }
        return "portal/article";
    }

    @PostMapping("/events/{slug}/register")
    String registerForEvent(
            @PathVariable String slug,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            cms.registerForEvent(
                    slug, Forms.text(form, "name"), Forms.text(form, "organisation"), Forms.text(form, "phone"));
            redirect.addFlashAttribute("flash", messages.get("portal.event.registered"));
            return "redirect:/portal/events/" + slug + "#register";
        } catch (ValidationException e) {
            response.setStatus(400);
            Forms.errors(model, e, form);
            return article("events", slug, model);
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("eventError", messages.get(e.messageKey(), e.args()));
            Forms.none(model);
            return article("events", slug, model);
        }
    }

    static String description(Article a) {
        String text = a.summary() != null ? a.summary() : RichText.text(a.bodyHtml());
        return text.length() > 150 ? text.substring(0, 150) + "…" : text;
    }
}
