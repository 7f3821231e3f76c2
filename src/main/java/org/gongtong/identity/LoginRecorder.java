package org.gongtong.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins and locks an account after {@code max-failed-logins} (default 5) for
 * {@code lock-duration} (default 15 minutes); audits every login, failure and lock. Runs in its
 * own transaction so a failed login is recorded even though the login itself fails.
 */
@Service
public class LoginRecorder {

    private final Users users;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginRecorder(
            Users users,
            AuditLog audit,
            Clock clock,
            @Value("${gongtong.security.max-failed-logins:5}") int maxFailures,
            @Value("${gongtong.security.lock-duration:15m}") Duration lockDuration) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void success(String username) {
        users.findByUsername(username).ifPresent(u -> {
            users.recordSuccess(u.id(), clock.instant());
            audit.record(username, "LOGIN", "user", u.id(), null, null, null);
        });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String username, String why) {
        Instant now = clock.instant();
        var user = users.findByUsername(username);
        if (user.isEmpty()) {
            audit.record(username, "LOGIN_FAILED", "user", null, null, Map.of("cause", "unknown user"), null);
            return;
        }
        var u = user.get();
        // A lock that has run out starts a fresh count.
        int attempts = (u.lockedUntil() != null && !u.lockedAt(now)) ? 1 : u.failedAttempts() + 1;
        Instant lockedUntil = attempts >= maxFailures ? now.plus(lockDuration) : null;
        users.recordFailure(u.id(), attempts, lockedUntil);
        audit.record(username, "LOGIN_FAILED", "user", u.id(), null, Map.of("attempts", attempts, "cause", why), null);
        if (lockedUntil != null) {
            audit.record(
                    username,
                    "ACCOUNT_LOCKED",
                    "user",
                    u.id(),
                    null,
                    Map.of("lockedUntil", lockedUntil.toString()),
                    attempts + " failed logins");
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refusedLocked(String username) {
        users.findByUsername(username)
                .ifPresent(u -> audit.record(username, "LOGIN_REFUSED_LOCKED", "user", u.id(), null, null, null));
    }
}
