package org.gongtong.governance.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongtong.governance.CouncilService;
import org.gongtong.governance.GovernanceRecords.Meeting;
import org.gongtong.governance.GovernanceRecords.Member;
import org.gongtong.governance.GovernanceRecords.Motion;
import org.gongtong.governance.MotionKind;
import org.gongtong.governance.VoteRules;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The council's pages: members, meetings and plans; a meeting with its motions and votes; the printable minutes. */
@Controller
@RequestMapping("/council")
class CouncilPages {

    private final CouncilService council;
    private final Messages messages;

    CouncilPages(CouncilService council, Messages messages) {
        this.council = council;
        this.messages = messages;
    }

    private void noErrors(Model model) {
        if (!model.containsAttribute("formError")) {
            model.addAttribute("formError", null);
            model.addAttribute("errorForm", "");
        }
    }

    private void refused(RuntimeException e, String form, Model model) {
        String notice;
        if (e instanceof ValidationException v) {
            notice = v.errors().stream().map(FieldError::message).distinct().collect(Collectors.joining(" "));
        } else {
            DomainException d = (DomainException) e;
            notice = messages.get(d.messageKey(), d.args());
        }
        model.addAttribute("errorForm", form);
        model.addAttribute("formError", notice);
    }

    private static String text(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(Map<String, String> form, String key) {
        try {
            String v = text(form, key);
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(key, "governance.required");
        }
    }

    @GetMapping
    String overview(Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("members", council.members(actor));
        model.addAttribute("meetings", council.meetings(actor));
        model.addAttribute("plans", council.plans(actor));
        model.addAttribute("rules", council.rules());
        model.addAttribute("secretary", CouncilService.isSecretary(actor));
        noErrors(model);
        return "governance/council";
    }

    @PostMapping("/meetings")
    String createMeeting(@RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            Meeting m = council.createMeeting(
                    new CouncilService.MeetingForm(text(form, "title"), date(form, "heldOn"), text(form, "location")),
                    actor);
            return "redirect:/council/meetings/" + m.id();
        } catch (ValidationException | DomainException e) {
            refused(e, "meeting", model);
            return overview(model);
        }
    }

    @PostMapping("/rules")
    String saveRules(@RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        try {
            council.saveRules(
                    new VoteRules(
                            fraction(form, "quorum"),
                            fraction(form, "simpleMajority"),
                            fraction(form, "majorMajority")),
                    actor);
            return "redirect:/council#rules";
        } catch (ValidationException | DomainException e) {
            refused(e, "rules", model);
            return overview(model);
        }
    }

    /** One fraction of the rules form; checked here so that a bad one is an inline message, not a 500. */
    private static VoteRules.Fraction fraction(Map<String, String> form, String name) {
        try {
            String n = text(form, name + "Num");
            String d = text(form, name + "Den");
            if (n == null || d == null) {
                throw DomainException.invalid(name, "governance.rules.invalidFraction");
            }
            return new VoteRules.Fraction(
                    Integer.parseInt(n), Integer.parseInt(d), "true".equals(text(form, name + "Inclusive")));
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: not whole numbers, or outside 0..1
            throw DomainException.invalid(name, "governance.rules.invalidFraction");
        }
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        CouncilService.Minutes minutes = council.minutes(id, actor);
        model.addAttribute("m", minutes);
        model.addAttribute(
                "attending", minutes.present().stream().map(Member::id).toList());
        model.addAttribute("kinds", MotionKind.values());
        model.addAttribute(
                "plans",
                council.plans(actor).stream()
                        .filter(p -> "DRAFT".equals(p.status()))
                        .toList());
        model.addAttribute("secretary", CouncilService.isSecretary(actor));
        noErrors(model);
        return "governance/meeting";
    }

    @GetMapping("/meetings/{id}/minutes")
    String minutes(@PathVariable long id, Model model) {
        model.addAttribute("m", council.minutes(id, Actor.current().orElseThrow()));
        return "governance/minutes";
    }

    @PostMapping("/meetings/{id}/attendance")
    String attendance(
            @PathVariable long id, @RequestParam(name = "memberId", required = false) List<Long> ids, Model model) {
        try {
            council.setAttendance(
                    id, ids == null ? List.of() : ids, Actor.current().orElseThrow());
            return "redirect:/council/meetings/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "attendance", model);
            return meeting(id, model);
        }
    }

    @PostMapping("/meetings/{id}/motions")
    String createMotion(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            String plan = text(form, "annualPlanId");
            council.createMotion(
                    new CouncilService.MotionForm(
                            id,
                            text(form, "title"),
                            text(form, "kind"),
                            text(form, "candidate"),
                            plan == null ? null : Long.valueOf(plan)),
                    Actor.current().orElseThrow());
            return "redirect:/council/meetings/" + id;
        } catch (ValidationException | DomainException e) {
            refused(e, "motion", model);
            return meeting(id, model);
        }
    }

    @GetMapping("/motions/{id}")
    String motion(@PathVariable long id) {
        Motion m = council.motion(id, Actor.current().orElseThrow());
        return "redirect:/council/meetings/" + m.meetingId() + "#motion-" + id;
    }

    @PostMapping("/motions/{id}/{action}")
    String act(
            @PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> form, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Motion m = council.motion(id, actor);
        try {
            String member = text(form, "memberId");
            Long memberId = member == null ? null : Long.valueOf(member);
            switch (action) {
                case "open" -> council.open(id, actor);
                case "close" -> council.close(id, actor);
                case "vote" -> council.vote(id, memberId, text(form, "choice"), actor);
                case "recuse" -> {
                    if (memberId == null) {
                        throw DomainException.invalid("memberId", "governance.required");
                    }
                    council.recuse(id, memberId, text(form, "reason"), actor);
                }
                default -> throw DomainException.notFound("governance.notFound");
            }
            return "redirect:/council/meetings/" + m.meetingId() + "#motion-" + id;
        } catch (ValidationException | DomainException | NumberFormatException e) {
            refused(
                    e instanceof NumberFormatException ? DomainException.invalid("memberId", "governance.required") : e,
                    "motion-" + id,
                    model);
            return meeting(m.meetingId(), model);
        }
    }

    @PostMapping("/plans")
    String createPlan(@RequestParam Map<String, String> form, Model model) {
        try {
            String year = text(form, "year");
            council.createPlan(
                    new CouncilService.PlanForm(
                            year == null ? null : Integer.valueOf(year), text(form, "title"), text(form, "content")),
                    Actor.current().orElseThrow());
            return "redirect:/council";
        } catch (ValidationException | DomainException | NumberFormatException e) {
            refused(
                    e instanceof NumberFormatException ? DomainException.invalid("year", "governance.required") : e,
                    "plan",
                    model);
            return overview(model);
        }
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        model.addAttribute("plan", council.plan(id, Actor.current().orElseThrow()));
        return "governance/plan";
    }
}
