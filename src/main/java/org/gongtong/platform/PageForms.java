package org.gongtong.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * What a page shows when a form is refused: the field messages beside their inputs, a notice above the
 * form, and the values the user typed, so nothing is lost. Templates read {@code errorForm} (which form
 * on the page was refused), {@code errors} (field → message), {@code values} and {@code formError}.
 */
@org.springframework.stereotype.Component
public class PageForms {

    private final Messages messages;

    PageForms(Messages messages) {
        this.messages = messages;
    }

    /** A form field's text, stripped; null when missing or blank. */
    public static String text(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * A form field as a whole number, null when blank; text that is not one is refused on that field with
     * {@code messageKey} (its one argument is the text typed).
     */
    public static Long whole(Map<String, String> form, String key, String messageKey) {
        String v = text(form, key);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key, messageKey, v);
        }
    }

    /** A form field as an exact decimal (thousands separators allowed), null when blank; else as {@link #whole}. */
    public static java.math.BigDecimal decimal(Map<String, String> form, String key, String messageKey) {
        String v = text(form, key);
        if (v == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(key, messageKey, v);
        }
    }

    /** Puts empty form state into the model unless a refusal already put its own. */
    public void none(Model model) {
        if (!model.containsAttribute("errorForm")) {
            model.addAttribute("errorForm", "");
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of());
            model.addAttribute("formError", null);
        }
    }

    /**
     * Shows a refusal of form {@code form}: a {@link ValidationException}'s field errors, or a
     * {@link DomainException}'s message (beside its field if it names one); {@code fixKey} is the notice
     * when only field errors were given. A refusal of the caller (403) or of a missing record (404) is not a
     * form error: it is thrown on, to the error page with its status.
     */
    public void refused(RuntimeException e, String form, Model model, Map<String, String> values, String fixKey) {
        Map<String, String> errors = new LinkedHashMap<>();
        String notice = null;
        if (e instanceof ValidationException v) {
            for (FieldError fe : v.errors()) {
                errors.putIfAbsent(fe.field(), fe.message());
            }
        } else if (e instanceof DomainException d
                && d.status() != org.springframework.http.HttpStatus.FORBIDDEN
                && d.status() != org.springframework.http.HttpStatus.NOT_FOUND) {
            notice = messages.get(d.messageKey(), d.args());
            if (d.field() != null) {
                errors.put(d.field(), notice);
            }
        } else {
            throw e;
        }
        model.addAttribute("errorForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("formError", notice != null ? notice : messages.get(fixKey));
    }
}
