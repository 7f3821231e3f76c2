package org.gongtong.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongtong.search.Visibility;

/**
 * What a need is created from; {@code organisationId} only for staff posting on an enterprise's
 * behalf (others post for their own organisation).
 */
public record NeedForm(
        String title,
        String description,
        String industry,
        String field,
        BigDecimal budgetMin,
        BigDecimal budgetMax,
        List<Cooperation> cooperation,
        LocalDate deadline,
        Visibility visibility,
        Long organisationId) {}
