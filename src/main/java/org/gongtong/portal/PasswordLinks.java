package org.gongtong.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.identity.AuditLog;
import org.gongtong.identity.UserAccount;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to set a password: made by an administrator (or on approving a registration),
 * valid for {@link #VALID}, usable once; only the token's SHA-256 is stored. No mail server is
 * assumed: the link is shown to the administrator; where SMTP is configured it is mailed too.
 */
@Service
public class PasswordLinks {

    public static final Duration VALID = Duration.ofHours(24);

    private final RegistrationRecords records;
    private final Accounts accounts;
    private final AuditLog audit;
    private final PortalMail mail;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasswordLinks(
            RegistrationRecords records,
            Accounts accounts,
            AuditLog audit,
            PortalMail mail,
            Messages messages,
            Clock clock) {
        this.records = records;
        this.accounts = accounts;
        this.audit = audit;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the administrator sees: the link, and whether it is being mailed as well. */
    public record Issued(String username, String path, boolean mailed) {}

    /** An administrator issues a link for a user (mailed to {@code email} when SMTP is configured). */
    @Transactional
    public Issued issue(String username, String email, Actor actor) {
        if (actor == null || !actor.isAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        UserAccount u = accounts.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> DomainException.invalid("username", "portal.reset.userUnknown", username));
        return issueFor(u, email, actor);
    }

    @Transactional
    Issued issueFor(UserAccount u, String email, Actor actor) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        records.insertToken(hash(token), u.id(), now.plus(VALID), actor.username(), now);
        audit.record(
                "PASSWORD_LINK_ISSUED",
                "user",
                u.id(),
                null,
                Map.of("expiresAt", now.plus(VALID).toString()));
        String path = "/portal/reset/" + token;
        boolean mailed = mail.sendAfterCommit(
                email,
                messages.get("portal.reset.mailSubject"),
                messages.get("portal.reset.mailText", u.username(), path));
        return new Issued(u.username(), path, mailed);
    }

    /** The user a still-valid token stands for. */
    @Transactional(readOnly = true)
    public UserAccount check(String token) {
        return records.validToken(hash(token), clock.instant())
                .flatMap(accounts::find)
                .orElseThrow(() -> DomainException.notFound("portal.reset.invalid"));
    }

    /** Sets the password and spends the token, in one transaction (a refused password keeps it). */
    @Transactional
    public void use(String token, String newPassword) {
        UserAccount u = check(token);
        if (!records.useToken(hash(token), clock.instant())) {
            throw DomainException.notFound("portal.reset.invalid");
        }
        if (newPassword == null || newPassword.isBlank()) {
            throw DomainException.invalid("password", "validation.required");
        }
        accounts.resetPassword(u.id(), newPassword);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
