package org.gongtong.cultivation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.cultivation.Enterprises;
import org.gongtong.cultivation.YearFigures;
import org.gongtong.identity.Actor;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cultivation/enterprises")
@Tag(name = "Cultivation", description = "Tech-SME and high-tech-enterprise rule engines (小升高)")
class EnterpriseApi extends ApiProblems {

    private final Enterprises enterprises;
    private final ResultViews views;
    private final Messages messages;

    EnterpriseApi(Enterprises enterprises, ResultViews views, Messages messages) {
        this.enterprises = enterprises;
        this.views = views;
        this.messages = messages;
    }

    record ReadinessResponse(
            long enterpriseId,
            int latestYear,
            ResultViews.HnteResponse hnte,
            List<FieldError> hnteMissing,
            ResultViews.TechSmeResponse techSme,
            List<FieldError> techSmeMissing) {}

    @GetMapping("/{id}/figures")
    @Operation(summary = "An enterprise's recorded yearly figures, latest year first")
    List<YearFigures> figures(@PathVariable long id) {
        return enterprises.figures(id, Actor.current().orElseThrow());
    }

    @PutMapping("/{id}/figures/{year}")
    @Operation(
            summary = "Record or change one fiscal year of figures",
            description = "The firm's own users, officers of its county and city-wide roles; audited. Include"
                    + " `version` to refuse the change (409) when someone else changed it first.")
    YearFigures save(@PathVariable long id, @PathVariable int year, @RequestBody YearFigures body) {
        YearFigures f = body == null
                ? null
                : new YearFigures(
                        year,
                        body.employees(),
                        body.techStaff(),
                        body.salesRevenue(),
                        body.totalAssets(),
                        body.netAssets(),
                        body.totalCostAndExpense(),
                        body.rndTotal(),
                        body.rndDomestic(),
                        body.totalIncome(),
                        body.hitechRevenue(),
                        body.ipClassI(),
                        body.ipClassII(),
                        body.transformations(),
                        body.ownsCoreIp(),
                        body.inKeyField(),
                        body.ownRndIp(),
                        body.majorIncident(),
                        body.prohibitedProducts(),
                        body.seriousViolation(),
                        body.version());
        return enterprises.save(id, f, Actor.current().orElseThrow());
    }

    @GetMapping("/{id}/readiness")
    @Operation(
            summary = "Readiness computed from the recorded figures",
            description = "year: the latest fiscal year to use (default: the latest recorded); applicationDate"
                    + " default today. Missing figures are listed instead of a result.")
    ReadinessResponse readiness(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate applicationDate) {
        Enterprises.Readiness r =
                enterprises.readiness(id, year, applicationDate, Actor.current().orElseThrow());
        return new ReadinessResponse(
                id,
                r.latestYear(),
                r.hnte() == null ? null : views.hnte(r.hnte()),
                r.hnteProblems(),
                r.techSme() == null ? null : views.techSme(r.techSme()),
                r.techSmeProblems());
    }

    @Override
    protected Messages messages() {
        return messages;
    }
}
