package org.gongtong.insight;

import java.math.BigDecimal;

/**
 * One figure of the dashboards, contributed as a bean by the module that owns its rows. The value
 * and the drill-down must come from the same query definition (one criteria object or one SQL
 * fragment in the owning module), so that the figure and the list behind it can never disagree: a
 * test walks every indicator and checks {@code value == drill-down total (COUNT) or sum (SUM)}.
 *
 * <p>Name, unit and written definition (口径) live in the owning module's message bundle under
 * {@code indicator.<id>.name} and {@code indicator.<id>.definition}.
 */
public interface Indicator {

    /** Stable id, {@code <module>.<what>}, e.g. {@code network.communities.registered}. */
    String id();

    Family family();

    Measure measure();

    /** What the value counts or sums. */
    Unit unit();

    /** The figure for the scope; exact. */
    BigDecimal value(IndicatorScope scope);

    /**
     * API path (with query) of a paged list of the rows behind the value, filtered to the scope:
     * its {@code totalElements} equals the value for {@link Measure#COUNT}, its {@code sum} field
     * for {@link Measure#SUM}.
     */
    String drillDown(IndicatorScope scope);

    /** Page path (with query) listing the same rows for people, with its Excel export. */
    String page(IndicatorScope scope);

    /**
     * Whether the figure exists for the scope: a city-wide figure with no county (a single pool
     * account, say) answers false for county scopes, and the dashboards leave it out there.
     */
    default boolean covers(IndicatorScope scope) {
        return true;
    }

    /** Where a figure belongs on the dashboard: the 1+N plan, the five functions of S1, and the rest. */
    enum Family {
        PLAN,
        RESEARCH,
        TRANSFORMATION,
        TALENT,
        INCUBATION,
        UPGRADING,
        MONEY,
        MARKET,
        CULTIVATION,
        INSTRUMENTS
    }

    enum Measure {
        COUNT,
        SUM
    }

    enum Unit {
        ITEMS,
        ORGANISATIONS,
        PEOPLE,
        YUAN,
        HOURS
    }
}
