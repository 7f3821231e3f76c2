package org.gongtong.registry.web;

import java.util.Collections;
import java.util.Map;
import org.gongtong.platform.PageRequest;
import org.gongtong.registry.Groups;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home: the seed's structure — the institute, its groups, organisations by element and county. */
@Controller
class HomeController {

    private final Registry registry;
    private final Groups groups;
    private final ReferenceData reference;

    HomeController(Registry registry, Groups groups, ReferenceData reference) {
        this.registry = registry;
        this.groups = groups;
        this.reference = reference;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, Long> byKind = registry.countBy("kind");
        Map<String, Long> byCounty = registry.countBy("county_code");
        model.addAttribute("total", registry.count());
        model.addAttribute("groups", groups.list());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("byKind", byKind);
        model.addAttribute("maxKind", byKind.isEmpty() ? 0 : Collections.max(byKind.values()));
        model.addAttribute("counties", reference.counties());
        byCounty.remove(null);
        model.addAttribute("byCounty", byCounty);
        model.addAttribute("maxCounty", byCounty.isEmpty() ? 0 : Collections.max(byCounty.values()));
        model.addAttribute(
                "demoCount",
                registry.search(new OrganisationCriteria(null, null, null, null, true), PageRequest.of(0, 1))
                        .totalElements());
        return "registry/home";
    }
}
