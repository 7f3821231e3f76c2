package org.gongtong.registry.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.OrganisationImports;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Organisation pages: list with search and filters, detail, register, edit, import. */
@Controller
@RequestMapping("/organisations")
class OrganisationPages {

    private final Registry registry;
    private final ReferenceData reference;
    private final OrganisationImports imports;
    private final AuditLog audit;
    private final Messages messages;

    OrganisationPages(
            Registry registry,
            ReferenceData reference,
            OrganisationImports imports,
            AuditLog audit,
            Messages messages) {
        this.registry = registry;
        this.reference = reference;
        this.imports = imports;
        this.audit = audit;
        this.messages = messages;
    }

    /** The form as typed: every field text, so a mistyped number comes back with its message. */
    public static class PageForm {
        public String name,
                kind,
                uscc,
                county,
                industry,
                industryClass,
                address,
                contactName,
                contactPhone,
                contactEmail,
                foundedOn,
                employees,
                annualRevenue,
                registeredCapital,
                description,
                version;

        public String getName() {
            return name;
        }

        public String getKind() {
            return kind;
        }

        public String getUscc() {
            return uscc;
        }

        public String getCounty() {
            return county;
        }

        public String getIndustry() {
            return industry;
        }

        public String getIndustryClass() {
            return industryClass;
        }

        public String getAddress() {
            return address;
        }

        public String getContactName() {
            return contactName;
        }

        public String getContactPhone() {
            return contactPhone;
        }

        public String getContactEmail() {
            return contactEmail;
        }

        public String getFoundedOn() {
            return foundedOn;
        }

        public String getEmployees() {
            return employees;
        }

        public String getAnnualRevenue() {
            return annualRevenue;
        }

        public String getRegisteredCapital() {
            return registeredCapital;
        }

        public String getDescription() {
            return description;
        }

        public String getVersion() {
            return version;
        }

        public void setName(String v) {
            name = v;
        }

        public void setKind(String v) {
            kind = v;
        }

        public void setUscc(String v) {
            uscc = v;
        }

        public void setCounty(String v) {
            county = v;
        }

        public void setIndustry(String v) {
            industry = v;
        }

        public void setIndustryClass(String v) {
            industryClass = v;
        }

        public void setAddress(String v) {
            address = v;
        }

        public void setContactName(String v) {
            contactName = v;
        }

        public void setContactPhone(String v) {
            contactPhone = v;
        }

        public void setContactEmail(String v) {
            contactEmail = v;
        }

        public void setFoundedOn(String v) {
            foundedOn = v;
        }

        public void setEmployees(String v) {
            employees = v;
        }

        public void setAnnualRevenue(String v) {
            annualRevenue = v;
        }

        public void setRegisteredCapital(String v) {
            registeredCapital = v;
        }

        public void setDescription(String v) {
            description = v;
        }

        public void setVersion(String v) {
            version = v;
        }

        static PageForm of(Organisation o) {
            PageForm f = new PageForm();
            f.name = o.name();
            f.kind = o.kind().name();
            f.uscc = o.uscc();
            f.county = o.county();
            f.industry = o.industry();
            f.industryClass = o.industryClass();
            f.address = o.address();
            f.contactName = o.contactName();
            f.contactPhone = o.contactPhone();
            f.contactEmail = o.contactEmail();
            f.foundedOn = o.foundedOn() == null ? null : o.foundedOn().toString();
            f.employees = o.employees() == null ? null : o.employees().toString();
            f.annualRevenue =
                    o.annualRevenue() == null ? null : o.annualRevenue().toPlainString();
            f.registeredCapital =
                    o.registeredCapital() == null ? null : o.registeredCapital().toPlainString();
            f.description = o.description();
            f.version = Integer.toString(o.version());
            return f;
        }
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        OrganisationKind k = null;
        try {
            k = OrganisationKind.parse(kind);
        } catch (IllegalArgumentException e) {
            model.addAttribute("filterError", messages.get("organisation.kindInvalid", kind));
        }
        String c = blank(county) == null
                ? null
                : reference.county(county).map(ReferenceData.County::code).orElse("?");
        String i = blank(industry) == null
                ? null
                : reference.industry(industry).map(ReferenceData.Industry::code).orElse("?");
        PageResult<Organisation> result =
                registry.search(new OrganisationCriteria(q, k, c, i, null), PageRequest.of(page, 20));
        model.addAttribute("page", result.map(o -> registry.visibleTo(o, actor)));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("county", county);
        model.addAttribute("industry", industry);
        model.addAttribute("canRegister", actor.canRegisterOrganisations());
        return "registry/organisations";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Organisation o = registry.find(id);
        boolean seePrivate = actor.canSeePrivateOf(o.id(), o.county());
        model.addAttribute("org", registry.visibleTo(o, actor));
        model.addAttribute("seePrivate", seePrivate);
        model.addAttribute("canEdit", actor.canEdit(o.id(), o.county()));
        model.addAttribute(
                "countyName",
                o.county() == null
                        ? null
                        : reference
                                .county(o.county())
                                .map(ReferenceData.County::name)
                                .orElse(o.county()));
        model.addAttribute(
                "industryName",
                o.industry() == null
                        ? null
                        : reference
                                .industry(o.industry())
                                .map(ReferenceData.Industry::name)
                                .orElse(o.industry()));
        model.addAttribute(
                "industryClassName",
                o.industryClass() == null
                        ? null
                        : reference
                                .industryClass(o.industryClass())
                                .map(c -> c.code() + " " + c.name())
                                .orElse(o.industryClass()));
        model.addAttribute("history", seePrivate ? audit.recent("organisation", Long.toString(id), 20) : null);
        model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
        return "registry/organisation";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, null, new PageForm(), Map.of());
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Organisation o = registry.find(id);
        Actor actor = Actor.current().orElseThrow();
        if (!actor.canEdit(o.id(), o.county())) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return form(model, id, PageForm.of(o), Map.of());
    }

    @PostMapping
    String register(@ModelAttribute PageForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        OrganisationForm f = convert(form, errors);
        if (!errors.isEmpty()) {
            return form(model, null, form, errors);
        }
        try {
            Organisation o = registry.register(f, Actor.current().orElseThrow());
            return "redirect:/organisations/" + o.id() + "?saved";
        } catch (ValidationException e) {
            e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
        } catch (DomainException e) {
            errors.putIfAbsent(e.field() == null ? "form" : e.field(), messages.get(e.messageKey(), e.args()));
        }
        return form(model, null, form, errors);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute PageForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        OrganisationForm f = convert(form, errors);
        if (!errors.isEmpty()) {
            return form(model, id, form, errors);
        }
        try {
            registry.update(id, f, Actor.current().orElseThrow());
            return "redirect:/organisations/" + id + "?saved";
        } catch (ValidationException e) {
            e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
        } catch (DomainException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            errors.putIfAbsent(e.field() == null ? "form" : e.field(), messages.get(e.messageKey(), e.args()));
        }
        return form(model, id, form, errors);
    }

    @GetMapping("/import")
    String importPage() {
        return "registry/import";
    }

    @PostMapping("/import")
    String startImport(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") OrganisationImports.Mode mode,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("formError", messages.get("import.fileRequired"));
            return "registry/import";
        }
        String id = imports.start(file.getBytes(), mode, Actor.current().orElseThrow());
        return "redirect:/organisations/import/" + id;
    }

    @GetMapping("/import/{id}")
    String importStatus(@PathVariable String id, Model model) {
        model.addAttribute(
                "report", imports.report(id).orElseThrow(() -> DomainException.notFound("import.notFound", id)));
        return "registry/import";
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("counties", reference.counties());
        model.addAttribute("industries", reference.industries());
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute(
                "countyNames",
                reference.counties().stream()
                        .collect(Collectors.toMap(ReferenceData.County::code, c -> c.label(locale))));
        model.addAttribute(
                "industryNames",
                reference.industries().stream()
                        .collect(Collectors.toMap(ReferenceData.Industry::code, c -> c.label(locale))));
    }

    private String form(Model model, Long id, PageForm form, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", errors.get("form"));
        return "registry/organisation-form";
    }

    private OrganisationForm convert(PageForm p, Map<String, String> errors) {
        LocalDate founded = null;
        if (blank(p.foundedOn) != null) {
            try {
                founded = LocalDate.parse(p.foundedOn.strip());
            } catch (DateTimeParseException e) {
                errors.put("foundedOn", messages.get("validation.date", p.foundedOn));
            }
        }
        Integer employees = null;
        if (blank(p.employees) != null) {
            try {
                employees = Integer.valueOf(p.employees.strip());
            } catch (NumberFormatException e) {
                errors.put("employees", messages.get("validation.integer", p.employees));
            }
        }
        BigDecimal revenue = decimal(p.annualRevenue, "annualRevenue", errors);
        BigDecimal capital = decimal(p.registeredCapital, "registeredCapital", errors);
        Integer version = null;
        if (blank(p.version) != null) {
            try {
                version = Integer.valueOf(p.version.strip());
            } catch (NumberFormatException ignored) {
                // a tampered hidden field: treat as "no version check"
            }
        }
        return new OrganisationForm(
                p.name,
                p.kind,
                p.uscc,
                p.county,
                p.industry,
                p.industryClass,
                p.address,
                p.contactName,
                p.contactPhone,
                p.contactEmail,
                founded,
                employees,
                revenue,
                capital,
                p.description,
                version);
    }

    private BigDecimal decimal(String s, String field, Map<String, String> errors) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, messages.get("validation.number", s));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
