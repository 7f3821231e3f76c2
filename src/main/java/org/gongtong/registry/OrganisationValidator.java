package org.gongtong.registry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.springframework.stereotype.Component;

/**
 * Checks an organisation form field by field and turns it into clean values (codes resolved,
 * USCC normalised). One place for the rules, shared by the API, the pages and the Excel import.
 */
@Component
public class OrganisationValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+\\-() ]{5,30}$");
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999999.99");

    private final ReferenceData reference;
    private final Messages messages;
    private final Clock clock;

    OrganisationValidator(ReferenceData reference, Messages messages, Clock clock) {
        this.reference = reference;
        this.messages = messages;
        this.clock = clock;
    }

    /** The form's values, cleaned; valid only when {@code errors} is empty. */
    public record Checked(
            OrganisationKind kind,
            String name,
            String uscc,
            String county,
            String industry,
            String industryClass,
            OrganisationForm form,
            List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    ReferenceData reference() {
        return reference;
    }

    public Checked check(OrganisationForm f) {
        List<FieldError> errors = new ArrayList<>();
        String name = f.name() == null ? null : f.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(error("name", "validation.required"));
        } else if (name.length() > 200) {
            errors.add(error("name", "validation.tooLong", 200));
        }
        OrganisationKind kind = null;
        if (f.kind() == null || f.kind().isBlank()) {
            errors.add(error("kind", "validation.required"));
        } else {
            try {
                kind = OrganisationKind.parse(f.kind());
            } catch (IllegalArgumentException e) {
                errors.add(error("kind", "organisation.kindInvalid", f.kind()));
            }
        }
        String uscc = Uscc.normalise(f.uscc());
        if (uscc != null) {
            Uscc.problem(uscc)
                    .ifPresent(key -> errors.add(error("uscc", key, f.uscc().strip())));
        }
        String county = null;
        if (f.county() != null && !f.county().isBlank()) {
            county =
                    reference.county(f.county()).map(ReferenceData.County::code).orElse(null);
            if (county == null) {
                errors.add(error("county", "organisation.countyUnknown", f.county()));
            }
        }
        String industry = null;
        if (f.industry() != null && !f.industry().isBlank()) {
            industry = reference
                    .industry(f.industry())
                    .map(ReferenceData.Industry::code)
                    .orElse(null);
            if (industry == null) {
                errors.add(error("industry", "organisation.industryUnknown", f.industry()));
            }
        }
        String industryClass = null;
        if (f.industryClass() != null && !f.industryClass().isBlank()) {
            industryClass = reference
                    .industryClass(f.industryClass())
                    .map(ReferenceData.IndustryClass::code)
                    .orElse(null);
            if (industryClass == null) {
                errors.add(error("industryClass", "organisation.industryClassUnknown", f.industryClass()));
            }
        }
        maxLength(errors, "address", f.address(), 300);
        maxLength(errors, "contactName", f.contactName(), 50);
        maxLength(errors, "description", f.description(), 4000);
        if (f.contactEmail() != null
                && !f.contactEmail().isBlank()
                && !EMAIL.matcher(f.contactEmail().strip()).matches()) {
            errors.add(error("contactEmail", "validation.email"));
        }
        if (f.contactPhone() != null
                && !f.contactPhone().isBlank()
                && !PHONE.matcher(f.contactPhone().strip()).matches()) {
            errors.add(error("contactPhone", "validation.phone"));
        }
        if (f.foundedOn() != null && f.foundedOn().isAfter(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))))) {
            errors.add(error("foundedOn", "validation.future"));
        }
        if (f.employees() != null && (f.employees() < 0 || f.employees() > 10_000_000)) {
            errors.add(error("employees", "validation.nonNegative"));
        }
        money(errors, "annualRevenue", f.annualRevenue());
        money(errors, "registeredCapital", f.registeredCapital());
        return new Checked(kind, name, uscc, county, industry, industryClass, f, errors);
    }

    private void money(List<FieldError> errors, String field, BigDecimal v) {
        if (v == null) {
            return;
        }
        if (v.signum() < 0 || v.compareTo(MAX_MONEY) > 0) {
            errors.add(error(field, "validation.nonNegative"));
        } else if (v.stripTrailingZeros().scale() > 2) {
            errors.add(error(field, "validation.money"));
        }
    }

    private void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(error(field, "validation.tooLong", max));
        }
    }

    private FieldError error(String field, String key, Object... args) {
        return new FieldError(field, messages.get(key, args));
    }
}
