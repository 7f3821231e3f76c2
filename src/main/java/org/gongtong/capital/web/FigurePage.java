package org.gongtong.capital.web;

import org.gongtong.capital.CapitalFigures;
import org.gongtong.capital.FigureCriteria;
import org.gongtong.capital.FigureSheets;
import org.gongtong.identity.Actor;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.SummedPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The money rows behind a dashboard figure, their sum and their Excel export. */
@Controller
class FigurePage {

    private final CapitalFigures figures;
    private final FigureSheets sheets;

    FigurePage(CapitalFigures figures, FigureSheets sheets) {
        this.figures = figures;
        this.sheets = sheets;
    }

    @GetMapping("/capital/figures")
    String page(
            @RequestParam String source,
            @RequestParam(required = false) String fundKind,
            @RequestParam(required = false) String investorKind,
            @RequestParam(required = false) Boolean local,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        FigureCriteria c = figures.scoped(sheets.criteria(source, fundKind, investorKind, local, county), actor);
        SummedPage<CapitalFigures.Row> result = figures.search(c, PageRequest.of(page, 50));
        model.addAttribute("title", sheets.title(c));
        model.addAttribute("result", result);
        model.addAttribute("header", sheets.header(c));
        model.addAttribute("rows", result.content().stream().map(sheets::row).toList());
        model.addAttribute("source", c.source().name());
        model.addAttribute("fundKind", fundKind);
        model.addAttribute("investorKind", investorKind);
        model.addAttribute("local", local);
        model.addAttribute("county", c.county());
        model.addAttribute("countyLabel", sheets.countyLabel(c.county()));
        long pages = result.size() == 0 ? 0 : (result.totalElements() + result.size() - 1) / result.size();
        model.addAttribute("pages", pages);
        return "capital/figures";
    }
}
