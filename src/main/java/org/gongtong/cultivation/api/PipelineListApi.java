package org.gongtong.cultivation.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gongtong.cultivation.PipelineList;
import org.gongtong.cultivation.PipelineListSheets;
import org.gongtong.identity.Actor;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Xlsx;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cultivation/records")
class PipelineListApi {

    private final PipelineList list;
    private final PipelineListSheets sheets;

    PipelineListApi(PipelineList list, PipelineListSheets sheets) {
        this.list = list;
        this.sheets = sheets;
    }

    @GetMapping
    @Operation(
            summary = "Firms on the pipeline",
            description = "Filters: stage (comma-separated: TECH_SME, HNTE_APPLIED, RECOGNISED, RENEWAL_APPLIED,"
                    + " CANCELLED), techSme (registered as tech SME), county (code or name). Officers only; a"
                    + " county officer sees its county.")
    PageResult<PipelineList.Row> list(
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Boolean techSme,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor actor = Actor.current().orElseThrow();
        return list.search(list.scoped(sheets.criteria(stage, techSme, county), actor), PageRequest.of(page, size));
    }

    @GetMapping(value = "/export", produces = Xlsx.CONTENT_TYPE)
    @Operation(summary = "The filtered list as .xlsx")
    void export(
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Boolean techSme,
            @RequestParam(required = false) String county,
            HttpServletResponse response)
            throws IOException {
        sheets.export(sheets.criteria(stage, techSme, county), Actor.current().orElseThrow(), response);
    }
}
