package org.gongtong.identity;

import java.time.Instant;

/** A user as stored: the role, the organisation (and county) it acts for, and its login state. */
public record UserAccount(
        long id,
        String username,
        String displayName,
        Role role,
        Long organisationId,
        String county,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        Instant createdAt,
        Instant lastLoginAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    Actor actor() {
        return new Actor(id, username, displayName, role, organisationId, county);
    }
}
