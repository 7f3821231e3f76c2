package org.gongtong.capital.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gongtong.capital.CapitalFigures;
import org.gongtong.capital.FigureSheets;
import org.gongtong.identity.Actor;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.SummedPage;
import org.gongtong.platform.Xlsx;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/capital/figures")
class FigureApi {

    private final CapitalFigures figures;
    private final FigureSheets sheets;

    FigureApi(CapitalFigures figures, FigureSheets sheets) {
        this.figures = figures;
        this.sheets = sheets;
    }

    @GetMapping
    @Operation(
            summary = "The money rows behind a dashboard figure, with their exact sum",
            description = "source: COMMITMENTS (fundKind, investorKind), INVESTMENTS (fundKind, local), CLAIMS_PAID,"
                    + " CLAIMS_WAITING, POOL_LEDGER; county (code or name). Returns {content, totalElements, page,"
                    + " size, sum}. Oversight roles; a county officer sees its county.")
    SummedPage<CapitalFigures.Row> list(
            @RequestParam String source,
            @RequestParam(required = false) String fundKind,
            @RequestParam(required = false) String investorKind,
            @RequestParam(required = false) Boolean local,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor actor = Actor.current().orElseThrow();
        return figures.search(
                figures.scoped(sheets.criteria(source, fundKind, investorKind, local, county), actor),
                PageRequest.of(page, size));
    }

    @GetMapping(value = "/export", produces = Xlsx.CONTENT_TYPE)
    @Operation(summary = "The same rows as .xlsx")
    void export(
            @RequestParam String source,
            @RequestParam(required = false) String fundKind,
            @RequestParam(required = false) String investorKind,
            @RequestParam(required = false) Boolean local,
            @RequestParam(required = false) String county,
            HttpServletResponse response)
            throws IOException {
        sheets.export(
                sheets.criteria(source, fundKind, investorKind, local, county),
                Actor.current().orElseThrow(),
                response);
    }
}
