package org.gongtong.grants;

import java.util.Objects;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;

/**
 * Who does what in grants: programme officers (city officers, institute staff, admin) run the fund,
 * programmes, decisions, assessments and payments; county officers read their county's rows;
 * reviewers see only what they are assigned; every other organisation user applies for its own
 * organisation and sees its own applications and grants.
 */
public final class GrantsAccess {

    private GrantsAccess() {}

    public static boolean isOfficer(Actor a) {
        return a.role() == Role.ADMIN || a.role() == Role.CITY_OFFICER || a.role() == Role.INSTITUTE_STAFF;
    }

    public static boolean seesAll(Actor a) {
        return isOfficer(a) || a.role() == Role.COUNCIL_MEMBER;
    }

    public static boolean isReviewer(Actor a) {
        return a.role() == Role.REVIEWER;
    }

    /** A user acting for an organisation that may apply (not a reviewer, not an officer). */
    public static boolean isApplicant(Actor a) {
        return a.organisationId() != null && !isOfficer(a) && !isReviewer(a) && a.role() != Role.COUNTY_OFFICER;
    }

    public static void requireOfficer(Actor a) {
        if (!isOfficer(a)) {
            throw DomainException.forbidden("problem.forbidden");
        }
    }

    /** May the actor read a row belonging to organisation {@code orgId} in {@code county}? */
    public static boolean canSee(Actor a, Long orgId, String county) {
        if (seesAll(a)) {
            return true;
        }
        if (a.role() == Role.COUNTY_OFFICER) {
            return a.county() != null && a.county().equals(county);
        }
        return a.organisationId() != null && Objects.equals(a.organisationId(), orgId);
    }

    /** The county a list must be limited to for the actor (county officers), or null. */
    public static String forcedCounty(Actor a) {
        return a.role() == Role.COUNTY_OFFICER ? (a.county() == null ? "-" : a.county()) : null;
    }
}
