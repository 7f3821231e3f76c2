package org.gongtong.market;

import java.math.BigDecimal;
import java.util.List;
import org.gongtong.search.Visibility;

/** What a result is created from; {@code organisationId} only for staff acting for an organisation. */
public record ResultForm(
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
        Long organisationId) {}
