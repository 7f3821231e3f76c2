package org.gongtong.market.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gongtong.identity.Actor;
import org.gongtong.market.MarketImports;
import org.gongtong.market.MarketSheets;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Xlsx;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel in and out for needs, results, experts and patents: templates, imports, and the exports of
 * experts and patents (needs and results export beside their lists, with the same filters).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Market Excel", description = "技术需求、科技成果、专家、专利: Excel templates, imports and exports")
class SheetApi {

    private static final String KINDS = "{kind:needs|results|experts|patents}";

    private final MarketSheets sheets;
    private final MarketImports imports;

    SheetApi(MarketSheets sheets, MarketImports imports) {
        this.sheets = sheets;
        this.imports = imports;
    }

    @GetMapping(value = "/" + KINDS + "/import-template", produces = Xlsx.CONTENT_TYPE)
    @Operation(summary = "Download the .xlsx import template of needs, results, experts or patents")
    void template(@PathVariable String kind, HttpServletResponse response) throws IOException {
        MarketSheets.Kind k = MarketSheets.Kind.of(kind);
        attachment(response, k.plural() + "-template");
        sheets.template(k, response.getOutputStream());
    }

    @PostMapping(value = "/" + KINDS + "/import", consumes = "multipart/form-data")
    @Operation(
            summary = "Import needs, results, experts or patents from .xlsx and return the per-row report",
            description = "mode=ALL_OR_NOTHING (default) imports nothing if any row fails; mode=VALID_ROWS imports"
                    + " exactly the valid rows. Errors name the sheet row, the field and the reason in the"
                    + " caller's language (Accept-Language).")
    MarketImports.Report importXlsx(
            @PathVariable String kind,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") MarketImports.Mode mode)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "import.fileRequired");
        }
        return imports.fromXlsx(MarketSheets.Kind.of(kind), file.getBytes(), mode, actor());
    }

    @GetMapping(value = "/experts/export", produces = Xlsx.CONTENT_TYPE)
    @Operation(summary = "Export experts (filter q: name or field) to .xlsx")
    void exportExperts(@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        attachment(response, "experts");
        sheets.exportExperts(q, response.getOutputStream());
    }

    @GetMapping(value = "/patents/export", produces = Xlsx.CONTENT_TYPE)
    @Operation(
            summary =
                    "Export patents (filter resultId) to .xlsx; patents of results the caller may not see are left out")
    void exportPatents(@RequestParam(required = false) Long resultId, HttpServletResponse response) throws IOException {
        attachment(response, "patents");
        sheets.exportPatents(resultId, actor(), response.getOutputStream());
    }

    /** Sets the .xlsx content type and file name (also used by the market pages). */
    static void attachment(HttpServletResponse response, String name) {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }
}
