package org.gongtong.capital.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.gongtong.capital.CapitalAccess;
import org.gongtong.capital.CapitalSettings;
import org.gongtong.identity.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/capital/settings")
@Tag(name = "Capital settings", description = "Compliance bounds, rate cap, default loss shares")
class CapitalSettingsApi {

    private final CapitalSettings settings;

    CapitalSettingsApi(CapitalSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Map<String, String> all() {
        CapitalAccess.requireAny(Actor.current().orElseThrow());
        return settings.all();
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a setting (administrators)", description = "{value}")
    Map<String, String> update(@PathVariable String name, @RequestBody(required = false) Map<String, String> body) {
        return settings.update(
                name, body == null ? null : body.get("value"), Actor.current().orElseThrow());
    }
}
