package org.gongtong.network.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.network.InstitutionService;
import org.gongtong.network.InstitutionService.Filter;
import org.gongtong.network.InstitutionService.InstitutionForm;
import org.gongtong.network.NetworkRecords.FigureRow;
import org.gongtong.network.NetworkRecords.Institution;
import org.gongtong.network.NetworkRecords.Partner;
import org.gongtong.network.NetworkRecords.Transition;
import org.gongtong.network.NetworkRecords.YearFigures;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.SummedPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/institutions")
@Tag(name = "R&D institutions", description = "Specialised institutes, innovation centres, joint innovation centres")
class InstitutionApi {

    private final InstitutionService institutions;

    InstitutionApi(InstitutionService institutions) {
        this.institutions = institutions;
    }

    /** A list item: the fields the issue names, plus county and industry for the filters. */
    record Item(
            long id,
            String name,
            String kind,
            String establishmentMode,
            String status,
            String county,
            String industry) {
        static Item of(Institution i) {
            return new Item(
                    i.id(),
                    i.name(),
                    i.kind().name(),
                    i.establishmentMode().name(),
                    i.status().name(),
                    i.county(),
                    i.industry());
        }
    }

    record TransitionBody(String to, String reason) {}

    record FiguresBody(
            BigDecimal rndSpend,
            BigDecimal contractRevenue,
            Integer resultsTransferred,
            Integer spinOffs,
            Integer talents) {}

    @GetMapping
    @Operation(
            summary = "List R&D institutions",
            description = "Filters: q (name contains), kind, mode, status, county (code or name), industry;"
                    + " a county officer always gets its own county. Page from 0, size up to 200.")
    PageResult<Item> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return institutions
                .search(
                        new Filter(q, kind, mode, status, county, industry),
                        PageRequest.of(page, size),
                        Actor.current().orElseThrow())
                .map(Item::of);
    }

    @PostMapping
    @Operation(summary = "Register an R&D institution (status PROPOSED)")
    ResponseEntity<Institution> create(@RequestBody InstitutionForm form) {
        Institution i = institutions.create(form, Actor.current().orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/institutions/" + i.id()))
                .body(i);
    }

    @GetMapping("/{id}")
    Institution get(@PathVariable long id) {
        return institutions.find(id, Actor.current().orElseThrow());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an institution's profile (send the version you read; 409 when stale)")
    Institution update(@PathVariable long id, @RequestBody InstitutionForm form) {
        return institutions.update(id, form, Actor.current().orElseThrow());
    }

    @PostMapping("/{id}/transitions")
    @Operation(
            summary = "Move an institution along its life-cycle",
            description = "PROPOSED→APPROVED→BUILDING→OPERATING→CONTINUED/WARNED/EXITING→EXITED; a reason is"
                    + " required; an illegal move is a 409 problem.")
    Institution transition(@PathVariable long id, @RequestBody TransitionBody body) {
        return institutions.transition(
                id, body.to(), body.reason(), Actor.current().orElseThrow());
    }

    @GetMapping("/{id}/timeline")
    List<Transition> timeline(@PathVariable long id) {
        return institutions.timeline(id, Actor.current().orElseThrow());
    }

    @GetMapping("/{id}/partners")
    List<Partner> partners(@PathVariable long id) {
        return institutions.partners(id, Actor.current().orElseThrow());
    }

    @PutMapping("/{id}/partners")
    @Operation(summary = "Replace the partners; shares must sum to exactly 100 (else 400)")
    List<Partner> setPartners(@PathVariable long id, @RequestBody List<Partner> partners) {
        return institutions.setPartners(id, partners, Actor.current().orElseThrow());
    }

    @GetMapping("/{id}/figures")
    List<YearFigures> figures(@PathVariable long id) {
        return institutions.figures(id, Actor.current().orElseThrow());
    }

    @PutMapping("/{id}/figures/{year}")
    @Operation(summary = "Record an institution's figures for a year")
    YearFigures recordFigures(@PathVariable long id, @PathVariable int year, @RequestBody FiguresBody body) {
        return institutions.recordFigures(
                id,
                new YearFigures(
                        id,
                        year,
                        body.rndSpend(),
                        body.contractRevenue(),
                        n(body.resultsTransferred()),
                        n(body.spinOffs()),
                        n(body.talents())),
                Actor.current().orElseThrow());
    }

    @GetMapping("/figures")
    @Operation(
            summary = "Yearly figures of all institutions with their exact sum",
            description = "measure: rndSpend (default) or contractRevenue; year; county.")
    SummedPage<FigureRow> figureRows(
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return institutions.figureRows(
                measure,
                year,
                county,
                PageRequest.of(page, size),
                Actor.current().orElseThrow());
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
