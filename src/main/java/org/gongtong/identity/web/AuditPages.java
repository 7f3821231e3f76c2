package org.gongtong.identity.web;

import org.gongtong.identity.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditPages {

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "false") boolean verify, Model model) {
        model.addAttribute("entries", audit.recent(null, null, 200));
        model.addAttribute("verification", verify ? audit.verify() : null);
        model.addAttribute("zone", UserPages.ZONE);
        return "identity/audit";
    }
}
