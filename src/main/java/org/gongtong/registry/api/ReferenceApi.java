package org.gongtong.registry.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.gongtong.registry.DemoDataLoader;
import org.gongtong.registry.ReferenceData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data", description = "Counties and zones, the nine industries, GB/T 4754-2017")
class ReferenceApi {

    private final ReferenceData reference;
    private final DemoDataLoader demo;

    ReferenceApi(ReferenceData reference, DemoDataLoader demo) {
        this.reference = reference;
        this.demo = demo;
    }

    @GetMapping("/counties")
    List<ReferenceData.County> counties() {
        return reference.counties();
    }

    @GetMapping("/industries")
    List<ReferenceData.Industry> industries() {
        return reference.industries();
    }

    @GetMapping("/industry-classes")
    List<ReferenceData.IndustryClass> classes(
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "50") int limit) {
        return reference.searchClasses(q, limit);
    }

    /** Removes the sample organisations (administrators only). */
    @DeleteMapping("/demo-data")
    Map<String, Integer> removeDemo() {
        if (!org.gongtong.identity.Actor.current().map(a -> a.isAdmin()).orElse(false)) {
            throw new AccessDeniedException("admin only");
        }
        return Map.of("removedOrganisations", demo.removeSamples());
    }
}
