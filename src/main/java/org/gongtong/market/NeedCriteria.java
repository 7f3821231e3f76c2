package org.gongtong.market;

/**
 * Filters of the need list, its count and its export (one definition for all three); {@code shared}
 * keeps only needs that are not confidential (public and members).
 */
public record NeedCriteria(
        String q,
        String industry,
        String county,
        Long organisationId,
        Cooperation cooperation,
        String status,
        Boolean shared) {

    public static final NeedCriteria ALL = new NeedCriteria(null, null, null, null, null, null, null);

    public NeedCriteria(
            String q, String industry, String county, Long organisationId, Cooperation cooperation, String status) {
        this(q, industry, county, organisationId, cooperation, status, null);
    }

    public NeedCriteria {
        q = blank(q);
        industry = blank(industry);
        county = blank(county);
        status = blank(status);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
