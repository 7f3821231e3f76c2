package org.gongtong.market.web;

import static org.gongtong.market.web.MarketLists.actor;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gongtong.market.MarketImports;
import org.gongtong.market.MarketSheets;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel in and out on the page: a template per record type, the upload with the choice "all or
 * nothing" / "the valid rows" and its per-row report, and the exports of experts and patents
 * (needs and results export their filtered lists from their own pages).
 */
@Controller
@RequestMapping("/market")
class ImportPages {

    private final MarketSheets sheets;
    private final MarketImports imports;
    private final Messages messages;

    ImportPages(MarketSheets sheets, MarketImports imports, Messages messages) {
        this.sheets = sheets;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/import")
    String page(@RequestParam(required = false) String kind, Model model) {
        return view(model, kindOr(kind), null, null);
    }

    @PostMapping("/import")
    String upload(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") MarketImports.Mode mode,
            Model model)
            throws IOException {
        MarketSheets.Kind k = kindOr(kind);
        if (file == null || file.isEmpty()) {
            return view(model, k, null, messages.get("import.fileRequired"));
        }
        return view(model, k, imports.fromXlsx(k, file.getBytes(), mode, actor()), null);
    }

    @GetMapping("/import/template")
    void template(@RequestParam(required = false) String kind, HttpServletResponse response) throws IOException {
        MarketSheets.Kind k = kindOr(kind);
        MarketLists.xlsx(response, k.plural() + "-template", out -> sheets.template(k, out));
    }

    @GetMapping("/experts/export")
    void experts(@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        MarketLists.xlsx(response, "experts", out -> sheets.exportExperts(q, out));
    }

    @GetMapping("/patents/export")
    void patents(@RequestParam(required = false) Long resultId, HttpServletResponse response) throws IOException {
        MarketLists.xlsx(response, "patents", out -> sheets.exportPatents(resultId, actor(), out));
    }

    private String view(Model model, MarketSheets.Kind kind, MarketImports.Report report, String formError) {
        model.addAttribute("kinds", MarketSheets.Kind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("report", report);
        model.addAttribute("formError", formError);
        return "market/import";
    }

    private static MarketSheets.Kind kindOr(String kind) {
        if (kind == null || kind.isBlank()) {
            return MarketSheets.Kind.NEED;
        }
        MarketSheets.Kind k = MarketSheets.Kind.of(kind);
        if (k == null) {
            throw DomainException.invalid("kind", "market.error.kindInvalid", kind);
        }
        return k;
    }
}
