package org.gongtong.market.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.market.Cooperation;
import org.gongtong.market.Market;
import org.gongtong.market.MarketImports;
import org.gongtong.market.MarketSheets;
import org.gongtong.market.Patent;
import org.gongtong.market.ResultCriteria;
import org.gongtong.market.ResultForm;
import org.gongtong.market.TechResult;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Xlsx;
import org.gongtong.search.SearchHit;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Results, experts, patents", description = "科技成果, 专家, 专利")
class ResultApi {

    private final Market market;
    private final MarketImports imports;
    private final MarketSheets sheets;

    ResultApi(Market market, MarketImports imports, MarketSheets sheets) {
        this.market = market;
        this.imports = imports;
        this.sheets = sheets;
    }

    /** The list's filters as query parameters; its export takes the same. */
    record Filters(String q, String industry, String county, Long organisationId, String cooperation, Integer minTrl) {

        ResultCriteria criteria() {
            List<Cooperation> c = Market.cooperation(cooperation);
            return new ResultCriteria(q, industry, county, organisationId, c.isEmpty() ? null : c.get(0), minTrl);
        }
    }

    @GetMapping("/results")
    @Operation(summary = "Results; filters q, industry, county, organisationId, cooperation, minTrl")
    PageResult<TechResult> list(
            @ParameterObject Filters filters,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return market.results(filters.criteria(), actor(), PageRequest.of(page, size));
    }

    @GetMapping(value = "/results/export", produces = Xlsx.CONTENT_TYPE)
    @Operation(summary = "Export the results the caller may see under the list's filters to .xlsx")
    void export(@ParameterObject Filters filters, HttpServletResponse response) throws IOException {
        SheetApi.attachment(response, "results");
        sheets.exportResults(filters.criteria(), actor(), response.getOutputStream());
    }

    @PostMapping("/results")
    @Operation(
            summary = "Record a result",
            description =
                    "{title, summary, trl? (1-9), ipSummary?, industry?, field?, cooperation: [...], price?, terms?,"
                            + " visibility?, organisationId? (staff only)}")
    ResponseEntity<TechResult> create(@RequestBody ResultForm form) {
        TechResult r = market.createResult(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/results/" + r.id())).body(r);
    }

    @GetMapping("/results/{id}")
    TechResult get(@PathVariable long id) {
        return market.result(id, actor());
    }

    @GetMapping("/results/{id}/enterprises")
    @Operation(summary = "Needs (and so enterprises) this result fits, best first, with explanations")
    List<SearchHit> enterprises(@PathVariable long id) {
        return market.enterprisesFor(id, actor());
    }

    @PostMapping(
            value = "/results/import",
            consumes = {"application/x-ndjson", "application/jsonl", "text/plain", "application/json"})
    @Operation(summary = "Import results from JSON Lines (one ResultForm per line); returns a report per row")
    List<MarketImports.RowReport> importLines(@RequestBody String body) {
        return imports.resultsFromJsonLines(body, actor());
    }

    @GetMapping("/experts")
    List<org.gongtong.market.Expert> experts(@RequestParam(required = false) String q) {
        return market.experts(q);
    }

    @PostMapping("/experts")
    ResponseEntity<org.gongtong.market.Expert> createExpert(@RequestBody Market.ExpertForm form) {
        org.gongtong.market.Expert e = market.createExpert(form, actor(), false);
        return ResponseEntity.created(URI.create("/api/v1/experts/" + e.id())).body(e);
    }

    @GetMapping("/patents")
    @Operation(summary = "Patents (filter resultId); those of results the caller may not see are left out")
    List<Patent> patents(@RequestParam(required = false) Long resultId) {
        return market.patents(resultId, actor());
    }

    @PostMapping("/patents")
    @Operation(
            summary = "Record a patent",
            description = "{number, title, summary?, ipc?, status? (default GRANTED), ownerOrganisationId?, resultId?}")
    ResponseEntity<Patent> createPatent(@RequestBody PatentForm form) {
        Patent p = market.createPatent(
                new Patent(
                        0,
                        form.number(),
                        form.title(),
                        form.summary(),
                        form.ipc(),
                        form.status(),
                        form.ownerOrganisationId(),
                        form.resultId(),
                        false),
                actor(),
                false);
        return ResponseEntity.created(URI.create("/api/v1/patents/" + p.id())).body(p);
    }

    /** What a patent is recorded with (the record's id and demo flag are not the caller's to set). */
    record PatentForm(
            String number,
            String title,
            String summary,
            String ipc,
            String status,
            Long ownerOrganisationId,
            Long resultId) {}

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }
}
