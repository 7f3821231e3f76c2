package org.gongtong.market;

import java.time.Instant;

/**
 * A match taken up by a broker or a party and followed towards a contract; {@code contactedAt}
 * and {@code signedAt} are when it first reached a conversation and a signed contract (kept if it
 * is dropped later).
 */
public record Brokerage(
        long id,
        long needId,
        String needTitle,
        long needOrganisationId,
        Long resultId,
        String resultTitle,
        Long expertId,
        Long supplierOrganisationId,
        Long brokerUserId,
        BrokerageStatus status,
        String dropReason,
        String notes,
        String industry,
        Instant createdAt,
        Instant updatedAt,
        Instant contactedAt,
        Instant signedAt) {

    /** Did the parties talk (the match counts as an introduction)? */
    public boolean introduced() {
        return contactedAt != null;
    }

    /** Did it reach a signed contract (counts in the conversion)? */
    public boolean converted() {
        return signedAt != null;
    }
}
