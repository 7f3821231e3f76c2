package org.gongtong.portal.web;

import java.util.HashMap;
import java.util.Map;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.ValidationException;
import org.springframework.ui.Model;

/** Small helpers the portal's form pages share: inline errors and the values typed. */
final class Forms {

    private Forms() {}

    static void none(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
    }

    static void errors(Model model, ValidationException e, Map<String, String> values) {
        Map<String, String> errors = new HashMap<>();
        for (FieldError f : e.errors()) {
            errors.merge(f.field(), f.message(), (a, b) -> a + " " + b);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
    }

    static String text(Map<String, String> form, String key) {
        return org.gongtong.platform.PageForms.text(form, key);
    }
}
