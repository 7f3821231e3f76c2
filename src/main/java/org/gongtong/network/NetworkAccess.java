package org.gongtong.network;

import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;

/** Who may see and change what in the network: city-wide managers everything, a county officer its county. */
public final class NetworkAccess {

    private NetworkAccess() {}

    /** Roles that manage the whole network (the office and the institute). */
    public static boolean managesAll(Actor a) {
        return a.role() == Role.ADMIN || a.role() == Role.CITY_OFFICER || a.role() == Role.INSTITUTE_STAFF;
    }

    /** The county a list is limited to: a county officer's own, whatever was asked; otherwise the filter. */
    public static String scope(Actor a, String requested) {
        if (a.role() == Role.COUNTY_OFFICER) {
            return a.county();
        }
        return requested;
    }

    public static boolean canSee(Actor a, String county) {
        return a.role() != Role.COUNTY_OFFICER
                || (a.county() != null && a.county().equals(county));
    }

    public static boolean canEdit(Actor a, String county) {
        if (managesAll(a)) {
            return true;
        }
        return a.role() == Role.COUNTY_OFFICER
                && a.county() != null
                && a.county().equals(county);
    }

    static void requireEdit(Actor a, String county) {
        if (!canEdit(a, county)) {
            throw DomainException.forbidden("network.forbidden");
        }
    }

    static void requireSee(Actor a, String county) {
        if (!canSee(a, county)) {
            throw DomainException.notFound("network.notFound");
        }
    }

    static void requireManager(Actor a) {
        if (!managesAll(a)) {
            throw DomainException.forbidden("network.forbidden");
        }
    }
}
