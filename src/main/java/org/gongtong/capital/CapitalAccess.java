package org.gongtong.capital;

import java.util.Objects;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;

/**
 * Who sees and changes what in capital: the city, county officers and institute staff oversee all
 * funds and loans (county officers read only); a finance user sees and works on its own
 * organisation's funds (as manager) and loans (as bank); other roles have no access.
 */
public final class CapitalAccess {

    private CapitalAccess() {}

    public static boolean seesAll(Actor a) {
        return a.citywide() || a.role() == Role.COUNTY_OFFICER;
    }

    /** Oversight roles that may change any fund, agreement or the pool. */
    public static boolean managesAll(Actor a) {
        return a.role() == Role.ADMIN || a.role() == Role.CITY_OFFICER || a.role() == Role.INSTITUTE_STAFF;
    }

    public static boolean isFinance(Actor a) {
        return a.role() == Role.FINANCE_USER && a.organisationId() != null;
    }

    /** Refuses roles with no business in capital at all. */
    public static void requireAny(Actor a) {
        if (!seesAll(a) && !isFinance(a)) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }

    public static boolean canSee(Actor a, Long ownerOrgId) {
        return seesAll(a) || (isFinance(a) && Objects.equals(a.organisationId(), ownerOrgId));
    }

    public static boolean canChange(Actor a, Long ownerOrgId) {
        return managesAll(a) || (isFinance(a) && Objects.equals(a.organisationId(), ownerOrgId));
    }
}
