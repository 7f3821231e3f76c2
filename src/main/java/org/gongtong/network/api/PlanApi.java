package org.gongtong.network.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.network.PlanService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/plan")
class PlanApi {

    private final PlanService plan;

    PlanApi(PlanService plan) {
        this.plan = plan;
    }

    record TargetBody(Integer year, String county, String industry, Integer target) {}

    @GetMapping
    @Operation(summary = "The 1+N plan: targets and actual communities by status per year, county and industry")
    List<PlanService.Row> table(@RequestParam(required = false) String county) {
        return plan.table(county, Actor.current().orElseThrow());
    }

    @PutMapping("/targets")
    @Operation(summary = "Set the target number of communities for a year, county and industry (0 clears it)")
    List<PlanService.Row> setTarget(@RequestBody TargetBody body) {
        Actor actor = Actor.current().orElseThrow();
        plan.setTarget(
                body.year() == null ? 0 : body.year(),
                body.county(),
                body.industry(),
                body.target() == null ? -1 : body.target(),
                actor);
        return plan.table(body.county(), actor);
    }
}
