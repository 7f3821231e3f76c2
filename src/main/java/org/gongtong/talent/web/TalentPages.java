package org.gongtong.talent.web;

import static org.gongtong.platform.PageForms.text;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageForms;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.gongtong.talent.Appointment;
import org.gongtong.talent.Programme;
import org.gongtong.talent.TalentService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Appointments with their flags, filters and Excel export; the appointment form; an appointment's page with
 * its reports, evaluation, end and (for commissioners and the like) the enterprises' needs that match it.
 */
@Controller
@RequestMapping("/talent")
class TalentPages {

    private final TalentService talent;
    private final Messages messages;
    private final PageForms forms;

    TalentPages(TalentService talent, Messages messages, PageForms forms) {
        this.talent = talent;
        this.messages = messages;
        this.forms = forms;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow();
    }

    private static Integer months(Map<String, String> form) {
        String v = text(form, "reportEveryMonths");
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("reportEveryMonths", "talent.reportEveryInvalid");
        }
    }

    @GetMapping("/new")
    String appointForm(Model model) {
        model.addAttribute("programmes", Programme.values());
        forms.none(model);
        return "talent/appointment-form";
    }

    @PostMapping
    String appoint(@RequestParam Map<String, String> form, Model model) {
        try {
            Appointment a = talent.appoint(
                    new TalentService.AppointmentForm(
                            text(form, "programme"),
                            text(form, "personName"),
                            PageForms.whole(form, "homeOrgId", "talent.organisationUnknown"),
                            PageForms.whole(form, "hostOrgId", "talent.organisationUnknown"),
                            text(form, "startsOn"),
                            text(form, "endsOn"),
                            text(form, "duties"),
                            text(form, "agreedOutputs"),
                            text(form, "expertise"),
                            text(form, "industry"),
                            text(form, "studentName"),
                            text(form, "academicMentor"),
                            "true".equals(text(form, "paidPartTime")),
                            months(form)),
                    actor());
            return "redirect:/talent/" + a.id();
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "appoint", model, form, "talent.fixErrors");
            return appointForm(model);
        }
    }

    @GetMapping("/{id}")
    String appointment(@PathVariable long id, Model model) {
        Actor actor = actor();
        Appointment a = talent.find(id);
        model.addAttribute("a", a);
        model.addAttribute("reports", talent.reports(id));
        model.addAttribute("party", TalentService.isParty(actor, a));
        model.addAttribute("mayEvaluate", TalentService.mayEvaluate(actor, a));
        model.addAttribute("needs", talent.needsFor(id, actor, 10));
        forms.none(model);
        return "talent/appointment";
    }

    @PostMapping("/{id}/reports")
    String report(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            talent.report(
                    id,
                    new TalentService.ReportForm(text(form, "periodEnd"), text(form, "summary"), text(form, "outputs")),
                    actor());
            return "redirect:/talent/" + id + "#reports";
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "report", model, form, "talent.fixErrors");
            return appointment(id, model);
        }
    }

    @PostMapping("/{id}/evaluation")
    String evaluate(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            talent.evaluate(id, new TalentService.EvaluationForm(text(form, "grade"), text(form, "note")), actor());
            return "redirect:/talent/" + id;
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "evaluate", model, form, "talent.fixErrors");
            return appointment(id, model);
        }
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            String reason = text(form, "reason");
            if (reason == null) {
                throw DomainException.invalid("reason", "talent.required");
            }
            talent.end(id, reason, actor());
            return "redirect:/talent/" + id;
        } catch (ValidationException | DomainException e) {
            forms.refused(e, "end", model, form, "talent.fixErrors");
            return appointment(id, model);
        }
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            Model model) {
        PageResult<Appointment> rows;
        try {
            rows = talent.search(programme, county, null, null, flag, PageRequest.of(page, 50));
        } catch (DomainException e) {
            model.addAttribute("error", messages.get(e.messageKey(), e.args()));
            rows = talent.search(null, null, null, null, null, PageRequest.of(page, 50));
        }
        model.addAttribute("page", rows);
        model.addAttribute("programme", programme);
        model.addAttribute("flag", flag);
        model.addAttribute("county", county);
        model.addAttribute("programmes", Programme.values());
        return "talent/appointments";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) String county,
            HttpServletResponse response)
            throws IOException {
        PageResult<Appointment> rows =
                talent.search(programme, county, null, null, flag, PageRequest.of(0, PageRequest.MAX_SIZE));
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=appointments.xlsx");
        List<List<?>> data = new ArrayList<>();
        for (Appointment a : rows.content()) {
            data.add(List.of(
                    a.id(),
                    messages.get("talent.programme." + a.programme().name()),
                    a.personName(),
                    a.homeOrgName(),
                    a.hostOrgName(),
                    a.startsOn(),
                    a.endsOn(),
                    a.paidPartTime() ? "Y" : "N",
                    a.reportsFiled() + "/" + a.reportsDue(),
                    a.status()));
        }
        Xlsx.write(
                response.getOutputStream(),
                "appointments",
                List.of(
                        "id",
                        messages.get("talent.col.programme"),
                        messages.get("talent.col.person"),
                        messages.get("talent.col.home"),
                        messages.get("talent.col.host"),
                        "start",
                        "end",
                        messages.get("talent.col.paid"),
                        messages.get("talent.col.reports"),
                        "status"),
                data);
    }
}
