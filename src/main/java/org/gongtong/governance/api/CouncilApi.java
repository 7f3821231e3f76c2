package org.gongtong.governance.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gongtong.governance.CouncilService;
import org.gongtong.governance.CouncilService.MeetingForm;
import org.gongtong.governance.CouncilService.MemberForm;
import org.gongtong.governance.CouncilService.Minutes;
import org.gongtong.governance.CouncilService.MotionForm;
import org.gongtong.governance.CouncilService.MotionRecord;
import org.gongtong.governance.CouncilService.PlanForm;
import org.gongtong.governance.GovernanceRecords.AnnualPlan;
import org.gongtong.governance.GovernanceRecords.Meeting;
import org.gongtong.governance.GovernanceRecords.Member;
import org.gongtong.governance.GovernanceRecords.Motion;
import org.gongtong.governance.GovernanceRecords.Recusal;
import org.gongtong.governance.GovernanceRecords.Vote;
import org.gongtong.governance.VoteRules;
import org.gongtong.identity.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Council", description = "The institute's council (理事会): members, meetings, motions, votes, annual plans")
class CouncilApi {

    private final CouncilService council;

    CouncilApi(CouncilService council) {
        this.council = council;
    }

    record RecusalBody(Long memberId, String reason) {}

    record VoteBody(Long memberId, String choice) {}

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }

    @GetMapping("/council/members")
    List<Member> members() {
        return council.members(actor());
    }

    @PostMapping("/council/members")
    @Operation(
            summary =
                    "Add a council member with a term (category CHAIR, DEPARTMENT, INSTITUTE, UNIVERSITY, ENTERPRISE, FINANCE)")
    ResponseEntity<Member> addMember(@RequestBody MemberForm form) {
        Member m = council.addMember(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/council/members/" + m.id()))
                .body(m);
    }

    @GetMapping("/meetings")
    List<Meeting> meetings() {
        return council.meetings(actor());
    }

    @PostMapping("/meetings")
    ResponseEntity<Meeting> createMeeting(@RequestBody MeetingForm form) {
        Meeting m = council.createMeeting(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.id())).body(m);
    }

    @GetMapping("/meetings/{id}")
    Meeting meeting(@PathVariable long id) {
        return council.meeting(id, actor());
    }

    @GetMapping("/meetings/{id}/attendance")
    List<Long> attendance(@PathVariable long id) {
        return council.attendance(id, actor());
    }

    @PutMapping("/meetings/{id}/attendance")
    @Operation(summary = "Record the members present (ids); refused once a motion of the meeting has closed")
    List<Long> setAttendance(@PathVariable long id, @RequestBody List<Long> memberIds) {
        return council.setAttendance(id, memberIds, actor());
    }

    @PostMapping("/meetings/{id}/close")
    Meeting closeMeeting(@PathVariable long id) {
        return council.closeMeeting(id, actor());
    }

    @GetMapping("/meetings/{id}/minutes")
    @Operation(summary = "The meeting's record: members in office, present, motions with recusals, votes and results")
    Minutes minutes(@PathVariable long id) {
        return council.minutes(id, actor());
    }

    @GetMapping("/meetings/{id}/motions")
    List<Motion> motions(@PathVariable long id) {
        return council.motions(id, actor());
    }

    @PostMapping("/motions")
    @Operation(
            summary = "Table a motion at a meeting",
            description = "kind MAJOR_DECISION, DIRECTOR_SELECTION (candidate), ANNUAL_PLAN (annualPlanId), OTHER")
    ResponseEntity<Motion> createMotion(@RequestBody MotionForm form) {
        Motion m = council.createMotion(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/motions/" + m.id())).body(m);
    }

    @GetMapping("/motions/{id}")
    MotionRecord motion(@PathVariable long id) {
        return council.motionRecord(id, actor());
    }

    @PostMapping("/motions/{id}/open")
    Motion open(@PathVariable long id) {
        return council.open(id, actor());
    }

    @PostMapping("/motions/{id}/recusals")
    @Operation(summary = "Declare a member's conflict of interest: the member is recused from this motion")
    List<Recusal> recuse(@PathVariable long id, @RequestBody RecusalBody body) {
        if (body.memberId() == null) {
            throw org.gongtong.platform.DomainException.invalid("memberId", "governance.required");
        }
        return council.recuse(id, body.memberId(), body.reason(), actor());
    }

    @PostMapping("/motions/{id}/votes")
    @Operation(
            summary = "Cast or record a vote (FOR, AGAINST, ABSTAIN)",
            description = "A council member votes for itself (memberId may be omitted); the secretariat records a"
                    + " present member's vote. 409 once the motion is closed, for recused or absent members.")
    Vote vote(@PathVariable long id, @RequestBody VoteBody body) {
        return council.vote(id, body.memberId(), body.choice(), actor());
    }

    @PostMapping("/motions/{id}/close")
    @Operation(summary = "Close the vote and tally it by the quorum and majority settings")
    Motion close(@PathVariable long id) {
        return council.close(id, actor());
    }

    @GetMapping("/governance/settings")
    VoteRules settings() {
        return council.rules();
    }

    @PutMapping("/governance/settings")
    VoteRules saveSettings(@RequestBody VoteRules rules) {
        return council.saveRules(rules, actor());
    }

    @GetMapping("/annual-plans")
    List<AnnualPlan> plans() {
        return council.plans(actor());
    }

    @PostMapping("/annual-plans")
    ResponseEntity<AnnualPlan> createPlan(@RequestBody PlanForm form) {
        AnnualPlan p = council.createPlan(form, actor());
        return ResponseEntity.created(URI.create("/api/v1/annual-plans/" + p.id()))
                .body(p);
    }

    @GetMapping("/annual-plans/{id}")
    AnnualPlan plan(@PathVariable long id) {
        return council.plan(id, actor());
    }

    @PutMapping("/annual-plans/{id}")
    @Operation(summary = "Revise a draft plan; an adopted plan is frozen (409)")
    AnnualPlan revise(@PathVariable long id, @RequestBody PlanForm form) {
        return council.revisePlan(id, form, actor());
    }
}
