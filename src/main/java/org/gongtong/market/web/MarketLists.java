package org.gongtong.market.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gongtong.identity.Actor;
import org.gongtong.market.Cooperation;
import org.gongtong.market.Market;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.gongtong.platform.Xlsx;
import org.gongtong.search.Visibility;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * What the market's list pages (needs, results) share: the page model (list, filters, export link,
 * form values and inline errors), posting a form with its errors shown inline, reading typed form
 * fields, and writing an .xlsx download.
 */
@Component
class MarketLists {

    /** Rows a list page shows. */
    static final int PAGE_SIZE = 50;

    private final Messages messages;

    MarketLists(Messages messages) {
        this.messages = messages;
    }

    static PageRequest page(Map<String, String> params) {
        return PageRequest.of(intOr(params.get("page"), 0), PAGE_SIZE);
    }

    /**
     * Fills the model of a list page and returns its view. The export link carries the request's
     * own filters, so the download is exactly the filtered list.
     */
    String show(
            Model model,
            String view,
            String path,
            PageResult<?> page,
            Object criteria,
            HttpServletRequest request,
            FormValues form) {
        model.addAttribute("page", page);
        model.addAttribute("criteria", criteria);
        String query = request == null ? null : request.getQueryString();
        model.addAttribute("exportUrl", path + "/export" + (query == null || query.isBlank() ? "" : "?" + query));
        common(model);
        model.addAttribute("values", form == null ? Map.of() : form.values());
        model.addAttribute("errors", form == null ? Map.of() : form.errors());
        return view;
    }

    /**
     * Posts a form: runs {@code create} (which reads the form, calls {@link FormValues#check()}
     * and returns the path of the new record); refusals come back as inline errors and {@code
     * relist} shows the page again.
     */
    String submit(FormValues form, Supplier<String> create, Supplier<String> relist) {
        try {
            return "redirect:" + create.get();
        } catch (ValidationException e) {
            e.errors().forEach(fe -> form.errors().putIfAbsent(fe.field(), fe.message()));
        } catch (DomainException e) {
            form.errors().put(e.field() == null ? "title" : e.field(), messages.get(e.messageKey(), e.args()));
        }
        return relist.get();
    }

    void common(Model model) {
        model.addAttribute("cooperations", Cooperation.values());
        model.addAttribute("visibilities", Visibility.values());
    }

    FormValues form(MultiValueMap<String, String> form) {
        return new FormValues(form, new LinkedHashMap<>(form.toSingleValueMap()), new LinkedHashMap<>());
    }

    /** A download named {@code name}.xlsx, written by {@code body}. */
    static void xlsx(HttpServletResponse response, String name, XlsxBody body) throws IOException {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        body.write(response.getOutputStream());
    }

    interface XlsxBody {
        void write(OutputStream out) throws IOException;
    }

    static Integer intOr(String s, Integer fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Actor actor() {
        return Actor.current().orElseThrow();
    }

    /** A posted form: its values, and the fields that could not be read, with why. */
    final class FormValues {
        private final MultiValueMap<String, String> raw;
        private final Map<String, String> values;
        private final Map<String, String> errors;

        FormValues(MultiValueMap<String, String> raw, Map<String, String> values, Map<String, String> errors) {
            this.raw = raw;
            this.values = values;
            this.errors = errors;
        }

        Map<String, String> values() {
            return values;
        }

        Map<String, String> errors() {
            return errors;
        }

        /** Refuses the form when a field could not be read. */
        void check() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors.entrySet().stream()
                        .map(e -> new FieldError(e.getKey(), e.getValue()))
                        .toList());
            }
        }

        String text(String key) {
            return values.get(key);
        }

        BigDecimal money(String key) {
            String v = values.get(key);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(v.replace(",", "").replace("，", "").strip());
            } catch (NumberFormatException e) {
                errors.put(key, messages.get("market.error.positive"));
                return null;
            }
        }

        Integer integer(String key, String messageKey) {
            String v = values.get(key);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(v.strip());
            } catch (NumberFormatException e) {
                errors.put(key, messages.get(messageKey));
                return null;
            }
        }

        LocalDate date(String key) {
            String v = values.get(key);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(v.strip());
            } catch (java.time.format.DateTimeParseException e) {
                errors.put(key, messages.get("market.error.required"));
                return null;
            }
        }

        /** The organisation typed by staff posting for someone; blank = the poster's own. */
        Long organisation() {
            String v = values.get("organisationId");
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return Long.valueOf(v.strip());
            } catch (NumberFormatException e) {
                errors.put("organisationId", messages.get("market.error.organisationUnknown"));
                return null;
            }
        }

        Visibility visibility() {
            String v = values.get("visibility");
            try {
                return v == null || v.isBlank() ? null : Visibility.valueOf(v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** The ticked cooperation boxes. */
        List<Cooperation> cooperation() {
            List<Cooperation> out = new ArrayList<>();
            List<String> ticked = raw.get("cooperation");
            if (ticked != null) {
                for (String v : ticked) {
                    out.addAll(Market.cooperation(v));
                }
            }
            return out;
        }
    }
}
