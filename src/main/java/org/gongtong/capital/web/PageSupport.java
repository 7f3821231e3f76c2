package org.gongtong.capital.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;
import org.springframework.ui.Model;

/** Small helpers shared by the capital pages: reading form fields and showing refusals inline. */
final class PageSupport {

    private PageSupport() {}

    static String text(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A number typed by a person (commas allowed); an unreadable one is reported on its field. */
    static BigDecimal decimal(Map<String, String> form, String key, Map<String, String> errors, Messages messages) {
        String v = text(form, key);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.put(key, messages.get("capital.page.notANumber"));
            return null;
        }
    }

    static Long id(Map<String, String> form, String key, Map<String, String> errors, Messages messages) {
        BigDecimal d = decimal(form, key, errors, messages);
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            errors.put(key, messages.get("capital.page.notANumber"));
            return null;
        }
    }

    /** Turns a refusal into field errors (or a page-level notice) for the form named {@code form}. */
    static void refused(RuntimeException e, String form, Model model, Map<String, String> values, Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        String notice = null;
        if (e instanceof ValidationException v) {
            for (FieldError fe : v.errors()) {
                errors.putIfAbsent(fe.field(), fe.message());
            }
        } else if (e instanceof DomainException d) {
            String message = messages.get(d.messageKey(), d.args());
            if (d.field() != null) {
                errors.put(d.field(), message);
            } else {
                notice = message;
            }
        }
        model.addAttribute("errorForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("formError", notice != null ? notice : messages.get("capital.page.fixErrors"));
    }

    static void noErrors(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of());
            model.addAttribute("errorForm", "");
        }
    }
}
