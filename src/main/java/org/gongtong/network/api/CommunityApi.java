package org.gongtong.network.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.network.CommunityService;
import org.gongtong.network.CommunityService.CommunityForm;
import org.gongtong.network.CommunityService.Filter;
import org.gongtong.network.CommunityService.TransitionRequest;
import org.gongtong.network.NetworkRecords.Community;
import org.gongtong.network.NetworkRecords.Extension;
import org.gongtong.network.NetworkRecords.Member;
import org.gongtong.network.NetworkRecords.Transition;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/communities")
@Tag(name = "Communities", description = "City-level innovation and entrepreneurship communities (创新创业共同体)")
class CommunityApi {

    private final CommunityService communities;

    CommunityApi(CommunityService communities) {
        this.communities = communities;
    }

    record Item(long id, String name, String status, String county, LocalDate preparationDeadline, boolean overdue) {
        static Item of(Community c) {
            return new Item(c.id(), c.name(), c.status().name(), c.county(), c.preparationDeadline(), c.overdue());
        }
    }

    record RegistrationBody(String uscc) {}

    record ExtensionBody(LocalDate deadline, String reason) {}

    record MemberBody(Long organisationId, String role, BigDecimal sharePercent) {}

    @GetMapping
    @Operation(
            summary = "List communities",
            description = "Filters: q, status (PROPOSED, PREPARING, REGISTERED, CONTINUED, WARNED, EXITED), county,"
                    + " industry, overdue (true = preparing past its deadline). A county officer always gets its own"
                    + " county. Page from 0, size up to 200.")
    PageResult<Item> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return communities
                .search(
                        new Filter(q, status, county, industry, overdue),
                        PageRequest.of(page, size),
                        Actor.current().orElseThrow())
                .map(Item::of);
    }

    @PostMapping
    @Operation(summary = "Propose a community; with preparationDeadline it starts in PREPARING")
    ResponseEntity<Community> create(@RequestBody CommunityForm form) {
        Community c = communities.create(form, Actor.current().orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/communities/" + c.id()))
                .body(c);
    }

    @GetMapping("/{id}")
    Community get(@PathVariable long id) {
        return communities.find(id, Actor.current().orElseThrow());
    }

    @PutMapping("/{id}")
    Community update(@PathVariable long id, @RequestBody CommunityForm form) {
        return communities.update(id, form, Actor.current().orElseThrow());
    }

    @PostMapping("/{id}/transitions")
    @Operation(
            summary = "Move a community along its life-cycle",
            description = "to=PREPARING needs deadline; to=REGISTERED needs a valid uscc before the deadline; other"
                    + " moves need a reason. Illegal moves and overdue registrations are 409 problems.")
    Community transition(@PathVariable long id, @RequestBody TransitionRequest body) {
        return communities.transition(id, body, Actor.current().orElseThrow());
    }

    @PostMapping("/{id}/registration")
    @Operation(summary = "Record the legal-entity registration (PREPARING → REGISTERED)")
    Community register(@PathVariable long id, @RequestBody RegistrationBody body) {
        return communities.transition(
                id,
                new TransitionRequest("REGISTERED", null, null, body.uscc()),
                Actor.current().orElseThrow());
    }

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Approve an extension of the preparation deadline (office or institute, with a reason)")
    Community extend(@PathVariable long id, @RequestBody ExtensionBody body) {
        return communities.extend(
                id, body.deadline(), body.reason(), Actor.current().orElseThrow());
    }

    @GetMapping("/{id}/extensions")
    List<Extension> extensions(@PathVariable long id) {
        return communities.extensions(id, Actor.current().orElseThrow());
    }

    @GetMapping("/{id}/timeline")
    List<Transition> timeline(@PathVariable long id) {
        return communities.timeline(id, Actor.current().orElseThrow());
    }

    @GetMapping("/{id}/members")
    List<Member> members(@PathVariable long id) {
        return communities.members(id, Actor.current().orElseThrow());
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member or investor (role MEMBER, INVESTOR with sharePercent, LEAD)")
    List<Member> addMember(@PathVariable long id, @RequestBody MemberBody body) {
        if (body.organisationId() == null) {
            throw org.gongtong.platform.DomainException.invalid("organisationId", "network.required");
        }
        return communities.addMember(
                id,
                body.organisationId(),
                body.role(),
                body.sharePercent(),
                Actor.current().orElseThrow());
    }

    @DeleteMapping("/{id}/members/{organisationId}")
    List<Member> removeMember(@PathVariable long id, @PathVariable long organisationId) {
        return communities.removeMember(id, organisationId, Actor.current().orElseThrow());
    }
}
