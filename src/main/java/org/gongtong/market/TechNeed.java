package org.gongtong.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.search.Visibility;

/** A technology need (技术需求) posted by an enterprise. */
public record TechNeed(
        long id,
        long organisationId,
        String organisationName,
        String county,
        String title,
        String description,
        String industry,
        String field,
        BigDecimal budgetMin,
        BigDecimal budgetMax,
        List<Cooperation> cooperation,
        LocalDate deadline,
        Visibility visibility,
        String status,
        boolean demo,
        Instant createdAt) {}
