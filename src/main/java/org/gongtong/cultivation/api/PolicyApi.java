package org.gongtong.cultivation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gongtong.cultivation.Policies;
import org.gongtong.cultivation.Policy;
import org.gongtong.cultivation.PolicyMatch;
import org.gongtong.identity.Actor;
import org.gongtong.platform.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cultivation")
@Tag(name = "Cultivation policies", description = "Policy library and eligibility without applying (免申即享)")
class PolicyApi extends ApiProblems {

    private final Policies policies;
    private final Messages messages;

    PolicyApi(Policies policies, Messages messages) {
        this.policies = policies;
        this.messages = messages;
    }

    record UnmetView(String field, String op, String value, String actual, String message) {}

    record MatchView(Policy policy, List<UnmetView> missing) {}

    record ForEnterpriseView(List<MatchView> qualifies, List<MatchView> nearly) {}

    record QualifierView(long organisationId, String name, String county, boolean qualifies, List<UnmetView> missing) {}

    @GetMapping("/policies")
    @Operation(summary = "The policy library (demo records are flagged and carry no document number)")
    List<Policy> list() {
        return policies.all();
    }

    @PostMapping("/policies")
    @Operation(
            summary = "Add a policy (city-wide officers)",
            description = "conditions: [{field, op, value}]; fields kind, county, industry, stage (ops eq, ne, in)"
                    + " or a figure of the latest recorded year: employees, techStaff, salesRevenue, totalAssets,"
                    + " netAssets, rndTotal, rndDomestic, totalIncome, hitechRevenue, ipClassI, ipClassII,"
                    + " transformations, rndToSales, techStaffRatio (ops >=, >, <=, <, =).")
    ResponseEntity<Policy> create(@RequestBody Policy body) {
        Policy p = policies.create(body, Actor.current().orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/cultivation/policies/" + p.id()))
                .body(p);
    }

    @GetMapping("/policies/{id}")
    Policy get(@PathVariable long id) {
        return policies.find(id);
    }

    @GetMapping("/policies/{id}/qualifiers")
    @Operation(
            summary =
                    "Enterprises that qualify now, or miss by one condition (officers; county officers: their county)")
    List<QualifierView> qualifiers(@PathVariable long id) {
        return policies.qualifiers(id, Actor.current().orElseThrow()).stream()
                .map(q -> new QualifierView(q.organisationId(), q.name(), q.county(), q.qualifies(), unmet(q.unmet())))
                .toList();
    }

    @GetMapping("/enterprises/{id}/policies")
    @Operation(summary = "Policies in force the enterprise qualifies for, and those it misses by one condition")
    ForEnterpriseView forEnterprise(@PathVariable long id) {
        Policies.ForEnterprise f = policies.forEnterprise(id, Actor.current().orElseThrow());
        return new ForEnterpriseView(
                f.qualifies().stream().map(this::view).toList(),
                f.nearly().stream().map(this::view).toList());
    }

    private MatchView view(PolicyMatch m) {
        return new MatchView(m.policy(), unmet(m.unmet()));
    }

    private List<UnmetView> unmet(List<PolicyMatch.Unmet> list) {
        return list.stream()
                .map(u -> new UnmetView(
                        u.condition().field(),
                        u.condition().op(),
                        u.condition().value(),
                        u.actual(),
                        policies.say(u.condition())))
                .toList();
    }

    @Override
    protected Messages messages() {
        return messages;
    }
}
