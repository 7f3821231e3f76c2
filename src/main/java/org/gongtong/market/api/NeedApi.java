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
import org.gongtong.market.NeedCriteria;
import org.gongtong.market.NeedForm;
import org.gongtong.market.TechNeed;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Xlsx;
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
@RequestMapping("/api/v1/needs")
@Tag(name = "Technology needs", description = "技术需求: post, list (scoped by visibility), match, import")
class NeedApi {

    private final Market market;
    private final MarketImports imports;
    private final MarketSheets sheets;

    NeedApi(Market market, MarketImports imports, MarketSheets sheets) {
        this.market = market;
        this.imports = imports;
        this.sheets = sheets;
    }

    /** The list's filters as query parameters; its export takes the same. */
    record Filters(
            String q,
            String industry,
            String county,
            Long organisationId,
            String cooperation,
            String status,
            Boolean shared) {

        NeedCriteria criteria() {
            List<Cooperation> c = Market.cooperation(cooperation);
            return new NeedCriteria(q, industry, county, organisationId, c.isEmpty() ? null : c.get(0), status, shared);
        }
    }

    @GetMapping
    @Operation(
            summary =
                    "Needs the caller may see; filters q, industry, county, organisationId, cooperation, status, shared=true (not confidential)")
    PageResult<TechNeed> list(
            @ParameterObject Filters filters,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return market.needs(filters.criteria(), actor(), PageRequest.of(page, size));
    }

    @GetMapping(value = "/export", produces = Xlsx.CONTENT_TYPE)
    @Operation(summary = "Export the needs the caller may see under the list's filters to .xlsx")
    void export(@ParameterObject Filters filters, HttpServletResponse response) throws IOException {
        SheetApi.attachment(response, "needs");
        sheets.exportNeeds(filters.criteria(), actor(), response.getOutputStream());
    }

    @PostMapping
    @Operation(
            summary = "Post a need",
            description =
                    "{title, description, industry?, field?, budgetMin?, budgetMax?, cooperation: [TRANSFER|LICENCE|"
                            + "JOINT_DEVELOPMENT|COMMISSIONED|CONSULTING], deadline?, visibility: PUBLIC|MEMBERS|INSTITUTE_ONLY,"
                            + " organisationId? (staff only)}")
    ResponseEntity<TechNeed> create(@RequestBody NeedForm form) {
        TechNeed n = market.createNeed(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/needs/" + n.id())).body(n);
    }

    @GetMapping("/{id}")
    TechNeed get(@PathVariable long id) {
        return market.need(id, actor());
    }

    @GetMapping("/{id}/matches")
    @Operation(
            summary =
                    "Results, experts and institutions matching the need, each with its explanation; filters cooperation, minTrl, county")
    Market.NeedMatches matches(
            @PathVariable long id,
            @RequestParam(required = false) String cooperation,
            @RequestParam(required = false) Integer minTrl,
            @RequestParam(required = false) String county) {
        List<Cooperation> c = Market.cooperation(cooperation);
        return market.matches(id, new Market.MatchFilters(c.isEmpty() ? null : c.get(0), minTrl, county), actor());
    }

    @PostMapping(
            value = "/import",
            consumes = {"application/x-ndjson", "application/jsonl", "text/plain", "application/json"})
    @Operation(summary = "Import needs from JSON Lines (one NeedForm per line); returns a report per row")
    List<MarketImports.RowReport> importLines(@RequestBody String body) {
        return imports.needsFromJsonLines(body, actor());
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }
}
