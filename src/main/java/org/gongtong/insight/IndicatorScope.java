package org.gongtong.insight;

/**
 * Which part of the city a figure covers: the whole city, or one county or zone (its code from the
 * registry's reference data). A county officer only ever gets its own county's scope.
 */
public record IndicatorScope(String county) {

    public static final IndicatorScope CITY = new IndicatorScope(null);

    public static IndicatorScope county(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("county code required");
        }
        return new IndicatorScope(code);
    }

    public boolean isCity() {
        return county == null;
    }
}
