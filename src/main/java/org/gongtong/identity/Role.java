package org.gongtong.identity;

/**
 * What a user may do. Every role but {@link #ADMIN} belongs to one organisation; a
 * {@link #COUNTY_OFFICER} also to one county or city zone, and sees that county's records.
 */
public enum Role {
    ADMIN,
    CITY_OFFICER,
    COUNTY_OFFICER,
    INSTITUTE_STAFF,
    COUNCIL_MEMBER,
    ENTERPRISE_USER,
    ACADEMIC_USER,
    FINANCE_USER,
    SERVICE_USER,
    REVIEWER;

    /** Roles that oversee the whole city and so may read every organisation's private data. */
    public boolean citywide() {
        return this == ADMIN || this == CITY_OFFICER || this == INSTITUTE_STAFF;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
