package org.gongtong.registry;

/** Filters of the organisation list; null or blank means "any". */
public record OrganisationCriteria(String q, OrganisationKind kind, String county, String industry, Boolean demo) {

    public static OrganisationCriteria all() {
        return new OrganisationCriteria(null, null, null, null, null);
    }
}
