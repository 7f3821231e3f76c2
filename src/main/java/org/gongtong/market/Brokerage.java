package org.gongtong.market;

import java.time.Instant;

/** A match taken up by a broker or a party and followed towards a contract. */
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
        Instant updatedAt) {}
