package org.gongtong.registry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.OrganisationImports;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.OrganisationSheets;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "The registry of the seven elements")
class OrganisationApi {

    private final Registry registry;
    private final ReferenceData reference;
    private final OrganisationSheets sheets;
    private final OrganisationImports imports;

    OrganisationApi(
            Registry registry, ReferenceData reference, OrganisationSheets sheets, OrganisationImports imports) {
        this.registry = registry;
        this.reference = reference;
        this.sheets = sheets;
        this.imports = imports;
    }

    @GetMapping
    @Operation(
            summary = "List organisations",
            description = "Filters: q (name contains, or exact USCC), kind,"
                    + " county (code or name), industry (code or name); page from 0, size up to 200.")
    PageResult<Organisation> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor actor = Actor.current().orElseThrow();
        return registry.search(criteria(q, kind, county, industry), PageRequest.of(page, size))
                .map(o -> registry.visibleTo(o, actor));
    }

    @PostMapping
    @Operation(summary = "Register an organisation")
    ResponseEntity<Organisation> create(@RequestBody OrganisationForm form) {
        Actor actor = Actor.current().orElseThrow();
        Organisation created =
                registry.register(form == null ? OrganisationForm.of(null, null, null, null, null) : form, actor);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    Organisation get(@PathVariable long id) {
        return registry.visibleTo(registry.find(id), Actor.current().orElseThrow());
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change an organisation",
            description = "Send the whole record; include `version` to"
                    + " refuse the change (409) when someone else changed it first.")
    Organisation update(@PathVariable long id, @RequestBody OrganisationForm form) {
        Actor actor = Actor.current().orElseThrow();
        return registry.update(id, form == null ? OrganisationForm.of(null, null, null, null, null) : form, actor);
    }

    @GetMapping(value = "/export", produces = org.gongtong.platform.Xlsx.CONTENT_TYPE)
    @Operation(summary = "Export the filtered list to .xlsx")
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            HttpServletResponse response)
            throws IOException {
        sheets.export(criteria(q, kind, county, industry), Actor.current().orElseThrow(), response);
    }

    @GetMapping(value = "/import-template", produces = org.gongtong.platform.Xlsx.CONTENT_TYPE)
    @Operation(summary = "Download the .xlsx template for importing organisations")
    void template(HttpServletResponse response) throws IOException {
        sheets.template(response);
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @Operation(
            summary = "Import organisations from .xlsx and wait for the per-row report",
            description = "mode=ALL_OR_NOTHING (default) imports nothing if any row fails; mode=VALID_ROWS"
                    + " imports exactly the valid rows.")
    OrganisationImports.Report importNow(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") OrganisationImports.Mode mode)
            throws IOException {
        return imports.importNow(bytes(file), mode, Actor.current().orElseThrow());
    }

    @PostMapping(value = "/imports", consumes = "multipart/form-data")
    @Operation(summary = "Start an import in the background; poll its progress")
    ResponseEntity<Map<String, String>> startImport(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") OrganisationImports.Mode mode)
            throws IOException {
        String id = imports.start(bytes(file), mode, Actor.current().orElseThrow());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/organisations/imports/" + id))
                .body(Map.of("id", id));
    }

    @GetMapping("/imports/{id}")
    OrganisationImports.Report importReport(@PathVariable String id) {
        return imports.report(id).orElseThrow(() -> DomainException.notFound("import.notFound", id));
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "import.fileRequired");
        }
        return file.getBytes();
    }

    /** Turns request parameters into criteria; an unknown kind, county or industry is a 400. */
    OrganisationCriteria criteria(String q, String kind, String county, String industry) {
        OrganisationKind k;
        try {
            k = OrganisationKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kind", "organisation.kindInvalid", kind);
        }
        String c = null;
        if (county != null && !county.isBlank()) {
            c = reference
                    .county(county)
                    .map(ReferenceData.County::code)
                    .orElseThrow(() -> DomainException.invalid("county", "organisation.countyUnknown", county));
        }
        String i = null;
        if (industry != null && !industry.isBlank()) {
            i = reference
                    .industry(industry)
                    .map(ReferenceData.Industry::code)
                    .orElseThrow(() -> DomainException.invalid("industry", "organisation.industryUnknown", industry));
        }
        return new OrganisationCriteria(q, k, c, i, null);
    }
}
