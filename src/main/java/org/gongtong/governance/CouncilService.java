package org.gongtong.governance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongtong.governance.GovernanceRecords.AnnualPlan;
import org.gongtong.governance.GovernanceRecords.Category;
import org.gongtong.governance.GovernanceRecords.Meeting;
import org.gongtong.governance.GovernanceRecords.Member;
import org.gongtong.governance.GovernanceRecords.Motion;
import org.gongtong.governance.GovernanceRecords.Recusal;
import org.gongtong.governance.GovernanceRecords.Vote;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.Role;
import org.gongtong.network.InstituteService;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's work: members with terms, meetings with attendance, motions opened for voting,
 * recusals for declared conflicts, votes per member (audited, frozen once the motion closes), the
 * tally by the quorum and majority settings, and what a passed motion does: appoint the director
 * on the institute, or adopt (freeze) the annual plan.
 */
@Service
public class CouncilService {

    static final String MODULE = "governance";

    private final Council council;
    private final InstituteService institute;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CouncilService(
            Council council,
            InstituteService institute,
            AuditLog audit,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.council = council;
        this.institute = institute;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    public record MemberForm(
            String name,
            String affiliation,
            String category,
            Long userId,
            Long organisationId,
            LocalDate termStart,
            LocalDate termEnd) {}

    public record MeetingForm(String title, LocalDate heldOn, String location) {}

    public record MotionForm(Long meetingId, String title, String kind, String candidate, Long annualPlanId) {}

    public record PlanForm(Integer year, String title, String content) {}

    /** The record of one meeting, from which the minutes are generated. */
    public record Minutes(
            Meeting meeting,
            List<Member> inOffice,
            List<Member> present,
            List<MotionRecord> motions,
            VoteRules rules) {}

    public record MotionRecord(Motion motion, List<Recusal> recusals, List<Vote> votes) {}

    /** The office of the council: the institute's staff (its secretariat) and administrators. */
    public static boolean isSecretary(Actor a) {
        return a.role() == Role.ADMIN || a.role() == Role.INSTITUTE_STAFF;
    }

    /** Who may read the council's record: its secretariat, the office and the members. */
    public static boolean canRead(Actor a) {
        return isSecretary(a) || a.role() == Role.CITY_OFFICER || a.role() == Role.COUNCIL_MEMBER;
    }

    private static void requireSecretary(Actor a) {
        if (!isSecretary(a)) {
            throw DomainException.forbidden("governance.forbidden");
        }
    }

    private static void requireRead(Actor a) {
        if (!canRead(a)) {
            throw DomainException.forbidden("governance.forbidden");
        }
    }

    // members

    @Transactional
    public Member addMember(MemberForm form, Actor actor) {
        return addMember(form, actor, false);
    }

    @Transactional
    public Member addMember(MemberForm form, Actor actor, boolean demo) {
        requireSecretary(actor);
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.add(new FieldError("name", messages.get("governance.required")));
        }
        Category category = null;
        try {
            category = form.category() == null
                    ? null
                    : Category.valueOf(form.category().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (category == null) {
            errors.add(new FieldError("category", messages.get("governance.required")));
        }
        if (form.termStart() == null) {
            errors.add(new FieldError("termStart", messages.get("governance.required")));
        }
        if (form.termEnd() == null) {
            errors.add(new FieldError("termEnd", messages.get("governance.required")));
        } else if (form.termStart() != null && form.termEnd().isBefore(form.termStart())) {
            errors.add(new FieldError("termEnd", messages.get("governance.term.order")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = council.insertMember(
                form.name().strip(),
                form.affiliation() == null ? null : form.affiliation().strip(),
                category,
                form.userId(),
                form.organisationId(),
                form.termStart(),
                form.termEnd(),
                demo);
        Member m = council.member(id).orElseThrow();
        audit.record("COUNCIL_MEMBER_ADDED", "council_member", id, null, m);
        return m;
    }

    @Transactional(readOnly = true)
    public List<Member> members(Actor actor) {
        requireRead(actor);
        return council.members();
    }

    // meetings

    @Transactional
    public Meeting createMeeting(MeetingForm form, Actor actor) {
        return createMeeting(form, actor, false);
    }

    @Transactional
    public Meeting createMeeting(MeetingForm form, Actor actor, boolean demo) {
        requireSecretary(actor);
        List<FieldError> errors = new ArrayList<>();
        if (form.title() == null || form.title().isBlank()) {
            errors.add(new FieldError("title", messages.get("governance.required")));
        }
        if (form.heldOn() == null) {
            errors.add(new FieldError("heldOn", messages.get("governance.required")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = council.insertMeeting(form.title().strip(), form.heldOn(), form.location(), demo, clock.instant());
        Meeting m = council.meeting(id).orElseThrow();
        audit.record("MEETING_CREATED", "council_meeting", id, null, m);
        return m;
    }

    @Transactional(readOnly = true)
    public Meeting meeting(long id, Actor actor) {
        requireRead(actor);
        return council.meeting(id).orElseThrow(() -> DomainException.notFound("governance.notFound"));
    }

    @Transactional(readOnly = true)
    public List<Meeting> meetings(Actor actor) {
        requireRead(actor);
        return council.meetings();
    }

    /** Records who attends; only members in office on the meeting's day, and only while no motion has closed. */
    @Transactional
    public List<Long> setAttendance(long meetingId, List<Long> memberIds, Actor actor) {
        requireSecretary(actor);
        Meeting m = meeting(meetingId, actor);
        if (!"SCHEDULED".equals(m.status())
                || council.motions(meetingId).stream().anyMatch(x -> x.status().closed())) {
            throw DomainException.conflict("governance.attendance.frozen");
        }
        Map<Long, Member> members = council.members().stream().collect(Collectors.toMap(Member::id, x -> x));
        List<Long> ids = memberIds == null
                ? List.of()
                : memberIds.stream().distinct().sorted().toList();
        for (Long id : ids) {
            Member member = members.get(id);
            if (member == null || !member.inOfficeOn(m.heldOn())) {
                throw DomainException.invalid("memberIds", "governance.member.notInOffice", id);
            }
        }
        List<Long> before = council.attendance(meetingId);
        council.setAttendance(meetingId, ids);
        audit.record("MEETING_ATTENDANCE", "council_meeting", meetingId, before, ids);
        return ids;
    }

    @Transactional
    public Meeting closeMeeting(long meetingId, Actor actor) {
        requireSecretary(actor);
        meeting(meetingId, actor);
        if (council.motions(meetingId).stream().anyMatch(x -> !x.status().closed())) {
            throw DomainException.conflict("governance.meeting.motionsOpen");
        }
        if (!council.closeMeeting(meetingId)) {
            throw DomainException.conflict("governance.meeting.closed");
        }
        audit.record(
                "MEETING_CLOSED",
                "council_meeting",
                meetingId,
                Map.of("status", "SCHEDULED"),
                Map.of("status", "CLOSED"));
        return council.meeting(meetingId).orElseThrow();
    }

    // motions

    @Transactional
    public Motion createMotion(MotionForm form, Actor actor) {
        requireSecretary(actor);
        if (form.meetingId() == null) {
            throw DomainException.invalid("meetingId", "governance.required");
        }
        Meeting meeting = meeting(form.meetingId(), actor);
        if (!"SCHEDULED".equals(meeting.status())) {
            throw DomainException.conflict("governance.meeting.closed");
        }
        List<FieldError> errors = new ArrayList<>();
        if (form.title() == null || form.title().isBlank()) {
            errors.add(new FieldError("title", messages.get("governance.required")));
        }
        MotionKind kind = null;
        try {
            kind = form.kind() == null
                    ? MotionKind.OTHER
                    : MotionKind.valueOf(form.kind().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", messages.get("governance.value.unknown", form.kind())));
        }
        if (kind == MotionKind.DIRECTOR_SELECTION
                && (form.candidate() == null || form.candidate().isBlank())) {
            errors.add(new FieldError("candidate", messages.get("governance.required")));
        }
        if (kind == MotionKind.ANNUAL_PLAN) {
            AnnualPlan plan = form.annualPlanId() == null
                    ? null
                    : council.plan(form.annualPlanId()).orElse(null);
            if (plan == null) {
                errors.add(new FieldError("annualPlanId", messages.get("governance.required")));
            } else if (!"DRAFT".equals(plan.status())) {
                errors.add(new FieldError("annualPlanId", messages.get("governance.plan.frozen")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = council.insertMotion(
                meeting.id(),
                form.title().strip(),
                kind,
                kind == MotionKind.DIRECTOR_SELECTION ? form.candidate().strip() : null,
                kind == MotionKind.ANNUAL_PLAN ? form.annualPlanId() : null,
                clock.instant());
        Motion m = council.motion(id).orElseThrow();
        audit.record("MOTION_CREATED", "motion", id, null, m);
        return m;
    }

    @Transactional(readOnly = true)
    public Motion motion(long id, Actor actor) {
        requireRead(actor);
        return council.motion(id).orElseThrow(() -> DomainException.notFound("governance.notFound"));
    }

    @Transactional(readOnly = true)
    public MotionRecord motionRecord(long id, Actor actor) {
        Motion m = motion(id, actor);
        return new MotionRecord(m, council.recusals(id), council.votes(id));
    }

    /** A member declares a conflict of interest and is recused from the motion (before voting on it). */
    @Transactional
    public List<Recusal> recuse(long motionId, long memberId, String reason, Actor actor) {
        Motion m = council.motionForUpdate(motionId).orElseThrow(() -> DomainException.notFound("governance.notFound"));
        Member member = council.member(memberId).orElseThrow(() -> DomainException.notFound("governance.notFound"));
        requireSelfOrSecretary(member, actor);
        if (m.status().closed()) {
            throw DomainException.conflict("governance.motion.closed");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "governance.reason.required");
        }
        if (council.recusals(motionId).stream().anyMatch(r -> r.memberId() == memberId)) {
            throw DomainException.conflict("governance.recusal.duplicate");
        }
        if (council.vote(motionId, memberId).isPresent()) {
            throw DomainException.conflict("governance.recusal.afterVote");
        }
        council.insertRecusal(motionId, memberId, reason.strip());
        audit.record("MOTION_RECUSAL", "motion", motionId, null, Map.of("memberId", memberId), reason.strip());
        return council.recusals(motionId);
    }

    /** Opens the vote and tells each present, non-recused member with an account that a vote waits on them. */
    @Transactional
    public Motion open(long motionId, Actor actor) {
        requireSecretary(actor);
        Motion m = council.motionForUpdate(motionId).orElseThrow(() -> DomainException.notFound("governance.notFound"));
        if (!council.openMotion(motionId, clock.instant())) {
            throw DomainException.conflict("governance.motion.notDraft");
        }
        audit.record(
                "MOTION_OPENED",
                "motion",
                motionId,
                Map.of("status", m.status()),
                Map.of("status", MotionStatus.VOTING));
        Set<Long> recused =
                council.recusals(motionId).stream().map(Recusal::memberId).collect(Collectors.toSet());
        Set<Long> present = Set.copyOf(council.attendance(m.meetingId()));
        for (Member member : council.members()) {
            if (member.userId() != null && present.contains(member.id()) && !recused.contains(member.id())) {
                events.publishEvent(new NotificationRequested(
                        MODULE,
                        NotificationRequested.Category.TASK,
                        NotificationRequested.Audience.user(member.userId()),
                        "governance.notify.vote",
                        List.of(m.title()),
                        "/council/motions/" + motionId,
                        null,
                        "motion-" + motionId + "-member-" + member.id()));
            }
        }
        return council.motion(motionId).orElseThrow();
    }

    /**
     * Records a member's vote: by the member (its own account) or by the secretariat for a member
     * present. Changeable while the vote is open; refused once it is closed, for recused members and
     * for members not present.
     */
    @Transactional
    public Vote vote(long motionId, Long memberId, String choice, Actor actor) {
        Motion m = council.motionForUpdate(motionId).orElseThrow(() -> DomainException.notFound("governance.notFound"));
        Member member = resolveMember(memberId, actor);
        requireSelfOrSecretary(member, actor);
        if (m.status().closed()) {
            throw DomainException.conflict("governance.motion.closed");
        }
        if (m.status() != MotionStatus.VOTING) {
            throw DomainException.conflict("governance.motion.notVoting");
        }
        Choice c;
        try {
            c = Choice.valueOf(choice == null ? "" : choice.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("choice", "governance.value.unknown", choice);
        }
        if (council.recusals(motionId).stream().anyMatch(r -> r.memberId() == member.id())) {
            throw DomainException.conflict("governance.vote.recused");
        }
        if (!council.attendance(m.meetingId()).contains(member.id())) {
            throw DomainException.conflict("governance.vote.absent");
        }
        Vote before = council.vote(motionId, member.id()).orElse(null);
        council.upsertVote(motionId, member.id(), c, actor.username(), clock.instant());
        Vote after = council.vote(motionId, member.id()).orElseThrow();
        audit.record(
                "VOTE_CAST",
                "motion",
                motionId,
                before == null ? null : Map.of("memberId", member.id(), "choice", before.choice()),
                Map.of("memberId", member.id(), "member", member.name(), "choice", c));
        return after;
    }

    /** Closes the vote, tallies it by the settings and carries out a passed director selection or annual plan. */
    @Transactional
    public Motion close(long motionId, Actor actor) {
        requireSecretary(actor);
        Motion m = council.motionForUpdate(motionId).orElseThrow(() -> DomainException.notFound("governance.notFound"));
        if (m.status() != MotionStatus.VOTING) {
            throw DomainException.conflict(
                    m.status().closed() ? "governance.motion.closed" : "governance.motion.notVoting");
        }
        Meeting meeting = council.meeting(m.meetingId()).orElseThrow();
        VoteRules.Tally t = tally(m, meeting);
        if (!council.closeMotion(motionId, t, clock.instant())) {
            throw DomainException.conflict("governance.motion.closed");
        }
        audit.record("MOTION_CLOSED", "motion", motionId, Map.of("status", m.status()), t);
        if (t.result() == MotionStatus.PASSED && m.kind() == MotionKind.DIRECTOR_SELECTION) {
            institute.appointDirector(m.candidate(), meeting.heldOn(), motionId);
        }
        if (t.result() == MotionStatus.PASSED && m.kind() == MotionKind.ANNUAL_PLAN && m.annualPlanId() != null) {
            AnnualPlan plan = council.plan(m.annualPlanId()).orElseThrow();
            String hash = sha256(plan.year() + "\n" + plan.title() + "\n" + plan.content());
            if (!council.adoptPlan(plan.id(), hash, clock.instant())) {
                throw DomainException.conflict("governance.plan.frozen");
            }
            audit.record(
                    "ANNUAL_PLAN_ADOPTED",
                    "annual_plan",
                    plan.id(),
                    Map.of("status", "DRAFT"),
                    Map.of("status", "ADOPTED", "revision", plan.revision(), "contentHash", hash),
                    "motion " + motionId);
        }
        return council.motion(motionId).orElseThrow();
    }

    private VoteRules.Tally tally(Motion m, Meeting meeting) {
        Set<Long> inOffice = council.members().stream()
                .filter(x -> x.inOfficeOn(meeting.heldOn()))
                .map(Member::id)
                .collect(Collectors.toSet());
        Set<Long> recused = council.recusals(m.id()).stream()
                .map(Recusal::memberId)
                .filter(inOffice::contains)
                .collect(Collectors.toSet());
        Set<Long> present = council.attendance(meeting.id()).stream()
                .filter(inOffice::contains)
                .filter(id -> !recused.contains(id))
                .collect(Collectors.toSet());
        int f = 0;
        int a = 0;
        int ab = 0;
        for (Vote v : council.votes(m.id())) {
            if (!present.contains(v.memberId())) {
                continue;
            }
            switch (v.choice()) {
                case FOR -> f++;
                case AGAINST -> a++;
                case ABSTAIN -> ab++;
            }
        }
        return council.rules().tally(m.kind(), inOffice.size(), recused.size(), present.size(), f, a, ab);
    }

    @Transactional(readOnly = true)
    public List<Motion> motions(long meetingId, Actor actor) {
        requireRead(actor);
        return council.motions(meetingId);
    }

    @Transactional(readOnly = true)
    public List<Motion> votingMotions() {
        return council.motionsVoting();
    }

    @Transactional(readOnly = true)
    public Minutes minutes(long meetingId, Actor actor) {
        Meeting meeting = meeting(meetingId, actor);
        List<Member> all = council.members();
        List<Member> inOffice =
                all.stream().filter(x -> x.inOfficeOn(meeting.heldOn())).toList();
        Set<Long> attending = Set.copyOf(council.attendance(meetingId));
        List<Member> present =
                inOffice.stream().filter(x -> attending.contains(x.id())).toList();
        List<MotionRecord> motions = council.motions(meetingId).stream()
                .map(m -> new MotionRecord(m, council.recusals(m.id()), council.votes(m.id())))
                .toList();
        return new Minutes(meeting, inOffice, present, motions, council.rules());
    }

    @Transactional(readOnly = true)
    public List<Long> attendance(long meetingId, Actor actor) {
        meeting(meetingId, actor);
        return council.attendance(meetingId);
    }

    // settings

    @Transactional(readOnly = true)
    public VoteRules rules() {
        return council.rules();
    }

    @Transactional
    public VoteRules saveRules(VoteRules rules, Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.INSTITUTE_STAFF) {
            throw DomainException.forbidden("governance.forbidden");
        }
        VoteRules before = council.rules();
        council.saveRules(rules);
        audit.record("GOVERNANCE_RULES", "governance_setting", 1, before, rules);
        return council.rules();
    }

    // annual plans

    @Transactional
    public AnnualPlan createPlan(PlanForm form, Actor actor) {
        return createPlan(form, actor, false);
    }

    @Transactional
    public AnnualPlan createPlan(PlanForm form, Actor actor, boolean demo) {
        requireSecretary(actor);
        validatePlan(form);
        long id = council.insertPlan(
                form.year(), form.title().strip(), form.content().strip(), demo, clock.instant());
        AnnualPlan p = council.plan(id).orElseThrow();
        audit.record(
                "ANNUAL_PLAN_DRAFTED", "annual_plan", id, null, Map.of("year", p.year(), "revision", p.revision()));
        return p;
    }

    /** Revises a draft; an adopted plan is frozen (409). */
    @Transactional
    public AnnualPlan revisePlan(long id, PlanForm form, Actor actor) {
        requireSecretary(actor);
        AnnualPlan before = plan(id, actor);
        validatePlan(new PlanForm(before.year(), form.title(), form.content()));
        if (!council.revisePlan(id, form.title().strip(), form.content().strip())) {
            throw DomainException.conflict("governance.plan.frozen");
        }
        AnnualPlan after = council.plan(id).orElseThrow();
        audit.record(
                "ANNUAL_PLAN_REVISED",
                "annual_plan",
                id,
                Map.of("revision", before.revision()),
                Map.of("revision", after.revision()));
        return after;
    }

    @Transactional(readOnly = true)
    public AnnualPlan plan(long id, Actor actor) {
        requireRead(actor);
        return council.plan(id).orElseThrow(() -> DomainException.notFound("governance.notFound"));
    }

    @Transactional(readOnly = true)
    public List<AnnualPlan> plans(Actor actor) {
        requireRead(actor);
        return council.plans();
    }

    @Transactional
    public int deleteDemo() {
        return council.deleteDemo();
    }

    private void validatePlan(PlanForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            errors.add(new FieldError("year", messages.get("governance.required")));
        }
        if (form.title() == null || form.title().isBlank()) {
            errors.add(new FieldError("title", messages.get("governance.required")));
        }
        if (form.content() == null || form.content().isBlank()) {
            errors.add(new FieldError("content", messages.get("governance.required")));
        } else if (form.content().length() > 20000) {
            errors.add(new FieldError("content", messages.get("governance.tooLong", 20000)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Member resolveMember(Long memberId, Actor actor) {
        if (memberId != null) {
            return council.member(memberId).orElseThrow(() -> DomainException.notFound("governance.notFound"));
        }
        List<Member> own = council.membersOfUser(actor.userId());
        if (own.isEmpty()) {
            throw DomainException.invalid("memberId", "governance.required");
        }
        return own.get(0);
    }

    private static void requireSelfOrSecretary(Member member, Actor actor) {
        boolean self = member.userId() != null && member.userId() == actor.userId();
        if (!self && !isSecretary(actor)) {
            throw DomainException.forbidden("governance.forbidden");
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
