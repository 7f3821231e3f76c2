package org.gongtong.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gongtong.identity.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators only (see the security configuration). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/verify")
    @Operation(summary = "Re-walk the hash chain and report the first broken link")
    AuditLog.Verification verify() {
        return audit.verify();
    }

    @GetMapping
    @Operation(summary = "Newest audit entries, optionally of one entity")
    List<AuditLog.AuditRecord> recent(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.recent(entityType, entityId, limit);
    }
}
