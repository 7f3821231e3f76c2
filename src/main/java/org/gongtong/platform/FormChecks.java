package org.gongtong.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Collects every rejected field of a request, each with its reason, and throws them as one 400. */
public class FormChecks {

    private final Messages messages;
    private final List<FieldError> errors = new ArrayList<>();

    private final String prefix;

    /** Messages come from the module bundle under {@code <prefix>.required}, {@code .tooLong}, ... */
    public FormChecks(Messages messages, String prefix) {
        this.messages = messages;
        this.prefix = prefix;
    }

    public void reject(String field, String key, Object... args) {
        errors.add(new FieldError(field, messages.get(key, args)));
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            reject(field, prefix + ".required");
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            reject(field, prefix + ".tooLong", max);
            return null;
        }
        return v;
    }

    public LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, prefix + ".required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            reject(field, prefix + ".dateInvalid");
            return null;
        }
    }

    /** A money amount in yuan: at most two decimals, and positive (or ≥ 0 when zero is allowed). */
    public BigDecimal money(String field, BigDecimal value, boolean required, boolean zeroAllowed) {
        if (value == null) {
            if (required) {
                reject(field, prefix + ".required");
            }
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            reject(field, prefix + ".moneyScale");
            return null;
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            reject(field, zeroAllowed ? prefix + ".notNegative" : prefix + ".positive");
            return null;
        }
        if (value.compareTo(new BigDecimal("9999999999999999.99")) > 0) {
            reject(field, prefix + ".tooLarge");
            return null;
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    public <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, prefix + ".required");
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
            reject(field, prefix + ".choiceInvalid", allowed.toString());
            return null;
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
