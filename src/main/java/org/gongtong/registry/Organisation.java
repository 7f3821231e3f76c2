package org.gongtong.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An organisation of one of the seven elements. Contacts and size figures are its private data:
 * only its own users, county officers of its county and city-wide roles see them.
 */
public record Organisation(
        long id,
        OrganisationKind kind,
        String name,
        String uscc,
        String county,
        String industry,
        String industryClass,
        String address,
        String contactName,
        String contactPhone,
        String contactEmail,
        LocalDate foundedOn,
        Integer employees,
        BigDecimal annualRevenue,
        BigDecimal registeredCapital,
        String description,
        boolean demo,
        int version,
        Instant createdAt,
        Instant updatedAt) {}
