package org.gongtong.market;

/** Filters of the result list, its count and its export. */
public record ResultCriteria(
        String q, String industry, String county, Long organisationId, Cooperation cooperation, Integer minTrl) {

    public static final ResultCriteria ALL = new ResultCriteria(null, null, null, null, null, null);

    public ResultCriteria {
        q = NeedCriteria.blank(q);
        industry = NeedCriteria.blank(industry);
        county = NeedCriteria.blank(county);
    }
}
