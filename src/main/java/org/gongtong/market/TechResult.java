package org.gongtong.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongtong.search.Visibility;

/** A result (科技成果): maturity as TRL 1–9, IP attached, what cooperation it is offered for. */
public record TechResult(
        long id,
        long organisationId,
        String organisationName,
        String county,
        String title,
        String summary,
        Integer trl,
        String ipSummary,
        String industry,
        String field,
        List<Cooperation> cooperation,
        BigDecimal price,
        String terms,
        Visibility visibility,
        boolean demo,
        Instant createdAt) {}
