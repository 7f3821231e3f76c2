package org.gongtong.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.ValidationException;

/** Collects every rejected field of a request, each with its reason, and throws them as one 400. */
final class Forms {

    private final Messages messages;
    private final List<FieldError> errors = new ArrayList<>();

    Forms(Messages messages) {
        this.messages = messages;
    }

    void reject(String field, String key, Object... args) {
        errors.add(new FieldError(field, messages.get(key, args)));
    }

    boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            reject(field, "grants.required");
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            reject(field, "grants.tooLong", max);
            return null;
        }
        return v;
    }

    LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "grants.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            reject(field, "grants.dateInvalid");
            return null;
        }
    }

    /** A money amount in yuan: at most two decimals, and positive (or ≥ 0 when zero is allowed). */
    BigDecimal money(String field, BigDecimal value, boolean required, boolean zeroAllowed) {
        if (value == null) {
            if (required) {
                reject(field, "grants.required");
            }
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            reject(field, "grants.moneyScale");
            return null;
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            reject(field, zeroAllowed ? "grants.notNegative" : "grants.positive");
            return null;
        }
        if (value.compareTo(new BigDecimal("9999999999999999.99")) > 0) {
            reject(field, "grants.tooLarge");
            return null;
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "grants.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(
                    type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(c.name());
            }
            reject(field, "grants.choiceInvalid", allowed.toString());
            return null;
        }
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
