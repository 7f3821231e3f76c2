package org.gongtong.cultivation.web;

import org.gongtong.cultivation.PipelineCriteria;
import org.gongtong.cultivation.PipelineList;
import org.gongtong.cultivation.PipelineListSheets;
import org.gongtong.identity.Actor;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The firms on the pipeline with the dashboard's filters, and their Excel export. */
@Controller
class PipelineListPage {

    private final PipelineList list;
    private final PipelineListSheets sheets;

    PipelineListPage(PipelineList list, PipelineListSheets sheets) {
        this.list = list;
        this.sheets = sheets;
    }

    @GetMapping("/cultivation/records")
    String page(
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Boolean techSme,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actor.current().orElseThrow();
        PipelineCriteria c = list.scoped(sheets.criteria(stage, techSme, county), actor);
        PageResult<PipelineList.Row> result = list.search(c, PageRequest.of(page, 50));
        model.addAttribute("page", result);
        model.addAttribute("rows", result.content().stream().map(sheets::row).toList());
        model.addAttribute("header", sheets.header());
        model.addAttribute("stage", stage);
        model.addAttribute("techSme", techSme);
        model.addAttribute("county", c.county());
        model.addAttribute("countyLabel", sheets.countyLabel(c.county()));
        return "cultivation/records";
    }
}
