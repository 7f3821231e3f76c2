package org.gongtong.network.api;

import java.util.List;
import org.gongtong.network.InstituteService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/institute")
class InstituteApi {

    private final InstituteService institute;

    InstituteApi(InstituteService institute) {
        this.institute = institute;
    }

    record View(InstituteService.Profile profile, List<InstituteService.Phase> phases) {}

    @GetMapping
    View get() {
        return new View(institute.profile(), institute.phases());
    }
}
