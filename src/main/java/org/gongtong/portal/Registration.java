package org.gongtong.portal;

import java.time.Instant;

/** An organisation's request to join, made from the portal, and its outcome. */
public record Registration(
        long id,
        String uscc,
        String name,
        String kind,
        String county,
        String industry,
        String contactName,
        String contactPhone,
        String contactEmail,
        String username,
        Status status,
        String reason,
        Long organisationId,
        Long userId,
        Instant createdAt,
        Instant decidedAt,
        String decidedBy) {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    /** What the applicant fills in on the portal. */
    public record Form(
            String uscc,
            String name,
            String kind,
            String county,
            String industry,
            String contactName,
            String contactPhone,
            String contactEmail,
            String username) {}

    /** The outcome of an approval: the organisation, the user, and the one-time link to set a password. */
    public record Approval(Registration registration, long organisationId, long userId, String passwordLink) {}
}
