package org.gongtong.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.platform.ValidationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration: create, change role and organisation, disable, reset password. Every
 * change of a permission is audited with before and after.
 */
@Service
public class Accounts {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final OrganisationDirectory organisations;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(
            Users users,
            PasswordEncoder encoder,
            AuditLog audit,
            ApiTokens tokens,
            OrganisationDirectory organisations,
            Messages messages,
            Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.tokens = tokens;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    /** What an administrator fills in to create or change a user. */
    public record UserForm(String username, String displayName, Role role, Long organisationId, String county) {}

    @Transactional(readOnly = true)
    public PageResult<UserAccount> list(String q, Role role, PageRequest page) {
        return users.list(q, role, page);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(long id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(username);
    }

    @Transactional
    public UserAccount create(UserForm form, String password) {
        List<FieldError> errors = validate(form);
        if (form.username() != null
                && users.findByUsername(form.username().strip()).isPresent()) {
            errors.add(new FieldError("username", messages.get("user.usernameTaken")));
        }
        PasswordPolicy.check(password).ifPresent(key -> errors.add(new FieldError("password", messages.get(key))));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = users.insert(
                form.username().strip(),
                form.displayName().strip(),
                encoder.encode(password),
                form.role(),
                form.role() == Role.ADMIN ? null : form.organisationId(),
                form.role() == Role.COUNTY_OFFICER ? form.county() : null,
                clock.instant());
        UserAccount created = users.findById(id).orElseThrow();
        audit.record("USER_CREATED", "user", id, null, snapshot(created));
        return created;
    }

    @Transactional
    public UserAccount update(long id, UserForm form) {
        UserAccount before = users.findById(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
        UserForm effective =
                new UserForm(before.username(), form.displayName(), form.role(), form.organisationId(), form.county());
        List<FieldError> errors = validate(effective);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (before.role() == Role.ADMIN && form.role() != Role.ADMIN) {
            requireAnotherAdmin(id);
        }
        users.updateProfile(
                id,
                form.displayName().strip(),
                form.role(),
                form.role() == Role.ADMIN ? null : form.organisationId(),
                form.role() == Role.COUNTY_OFFICER ? form.county() : null);
        UserAccount after = users.findById(id).orElseThrow();
        boolean permissionChanged = before.role() != after.role()
                || !java.util.Objects.equals(before.organisationId(), after.organisationId())
                || !java.util.Objects.equals(before.county(), after.county());
        audit.record(
                permissionChanged ? "PERMISSION_CHANGED" : "USER_UPDATED",
                "user",
                id,
                snapshot(before),
                snapshot(after));
        return after;
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        UserAccount before = users.findById(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
        if (before.enabled() == enabled) {
            return;
        }
        if (!enabled && Actor.current().map(a -> a.userId() == id).orElse(false)) {
            throw DomainException.conflict("user.cannotDisableSelf");
        }
        if (!enabled && before.role() == Role.ADMIN) {
            requireAnotherAdmin(id);
        }
        users.setEnabled(id, enabled);
        if (!enabled) {
            tokens.revokeAll(id);
        }
        audit.record(
                enabled ? "USER_ENABLED" : "USER_DISABLED",
                "user",
                id,
                Map.of("enabled", before.enabled()),
                Map.of("enabled", enabled));
    }

    /** Sets a new password chosen by an administrator (or generated); unlocks the account. */
    @Transactional
    public String resetPassword(long id, String newPassword) {
        users.findById(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
        String password = newPassword == null || newPassword.isBlank() ? generatePassword() : newPassword;
        PasswordPolicy.check(password).ifPresent(key -> {
            throw DomainException.invalid("password", key);
        });
        users.setPassword(id, encoder.encode(password), clock.instant());
        tokens.revokeAll(id);
        audit.record("PASSWORD_RESET", "user", id, null, null);
        return password;
    }

    /** The signed-in user changes their own password, proving the old one. */
    @Transactional
    public void changeOwnPassword(long id, String oldPassword, String newPassword) {
        String hash = users.passwordHash(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
        if (oldPassword == null || !encoder.matches(oldPassword, hash)) {
            throw DomainException.invalid("oldPassword", "password.oldWrong");
        }
        PasswordPolicy.check(newPassword).ifPresent(key -> {
            throw DomainException.invalid("newPassword", key);
        });
        users.setPassword(id, encoder.encode(newPassword), clock.instant());
        audit.record("PASSWORD_CHANGED", "user", id, null, null);
    }

    /** A random password that satisfies the policy: 16 characters from three classes. */
    public String generatePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        sb.append((char) ('2' + random.nextInt(8)));
        sb.append("-#@!".charAt(random.nextInt(4)));
        return sb.toString();
    }

    long count() {
        return users.count();
    }

    private void requireAnotherAdmin(long id) {
        // counted, not looked for on a first page: disabled administrators may fill any page
        if (users.countEnabledAdminsOtherThan(id) == 0) {
            throw DomainException.conflict("user.lastAdmin");
        }
    }

    private List<FieldError> validate(UserForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.username() == null || !form.username().strip().matches("[A-Za-z0-9_.\\-]{3,64}")) {
            errors.add(new FieldError("username", messages.get("user.usernameInvalid")));
        }
        if (form.displayName() == null
                || form.displayName().isBlank()
                || form.displayName().length() > 100) {
            errors.add(new FieldError("displayName", messages.get("validation.required")));
        }
        if (form.role() == null) {
            errors.add(new FieldError("role", messages.get("validation.required")));
            return errors;
        }
        if (form.role() != Role.ADMIN) {
            if (form.organisationId() == null) {
                errors.add(new FieldError("organisationId", messages.get("user.organisationRequired")));
            } else if (organisations.lookup(form.organisationId()).isEmpty()) {
                errors.add(
                        new FieldError("organisationId", messages.get("organisation.notFound", form.organisationId())));
            }
        }
        if (form.role() == Role.COUNTY_OFFICER
                && (form.county() == null || form.county().isBlank())) {
            errors.add(new FieldError("county", messages.get("user.countyRequired")));
        } else if (form.role() == Role.COUNTY_OFFICER
                && organisations.counties().stream().noneMatch(c -> c.code().equals(form.county()))) {
            errors.add(new FieldError("county", messages.get("organisation.countyUnknown", form.county())));
        }
        return errors;
    }

    static Map<String, Object> snapshot(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("role", u.role().name());
        m.put("organisationId", u.organisationId());
        m.put("county", u.county());
        m.put("enabled", u.enabled());
        return m;
    }
}
