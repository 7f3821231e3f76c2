package org.gongtong.talent.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.Xlsx;
import org.gongtong.talent.Appointment;
import org.gongtong.talent.Programme;
import org.gongtong.talent.TalentService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Appointments with their flags, filters and Excel export. */
@Controller
@RequestMapping("/talent")
class TalentPages {

    private final TalentService talent;
    private final Messages messages;

    TalentPages(TalentService talent, Messages messages) {
        this.talent = talent;
        this.messages = messages;
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
