package org.gongtong.insight.internal;

import java.math.BigDecimal;
import org.gongtong.insight.Indicator;

/** One indicator evaluated for a scope, with its localized name and definition (口径). */
public record Figure(
        String id,
        Indicator.Family family,
        Indicator.Measure measure,
        Indicator.Unit unit,
        String name,
        String definition,
        String definitionVersion,
        BigDecimal value,
        String drillDown,
        String page) {

    /** The value as people read it: counts without decimals, amounts with two. */
    public String display() {
        if (value == null) {
            return "—";
        }
        if (measure == Indicator.Measure.COUNT) {
            return String.format("%,d", value.longValue());
        }
        return String.format("%,.2f", value);
    }
}
