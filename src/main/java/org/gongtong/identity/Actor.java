package org.gongtong.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: the signed-in user, their role, organisation and (for county officers) county.
 * Every module scopes its queries by this.
 */
public record Actor(long userId, String username, String displayName, Role role, Long organisationId, String county) {

    public static final Actor SYSTEM = new Actor(0, "system", "system", Role.ADMIN, null, null);

    /** The actor of the current request, if anyone is signed in. */
    public static Optional<Actor> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The actor an authentication stands for. */
    public static Optional<Actor> from(Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(p.actor());
        }
        return Optional.empty();
    }

    public static Actor currentOrSystem() {
        return current().orElse(SYSTEM);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean citywide() {
        return role.citywide();
    }

    /**
     * May this actor read the private data of an organisation in {@code orgCounty}? Every user sees
     * its own organisation's; a county officer also those of its county.
     */
    public boolean canSeePrivateOf(long orgId, String orgCounty) {
        if (citywide() || ownOrganisation(orgId)) {
            return true;
        }
        return role == Role.COUNTY_OFFICER && county != null && county.equals(orgCounty);
    }

    /** May this actor change the profile of that organisation? */
    public boolean canEdit(long orgId, String orgCounty) {
        if (role == Role.ADMIN || role == Role.CITY_OFFICER || role == Role.INSTITUTE_STAFF) {
            return true;
        }
        if (ownOrganisation(orgId)) {
            return true;
        }
        return role == Role.COUNTY_OFFICER && county != null && county.equals(orgCounty);
    }

    private boolean ownOrganisation(long orgId) {
        return organisationId != null && organisationId == orgId;
    }

    /** May this actor register new organisations in the registry? */
    public boolean canRegisterOrganisations() {
        return role == Role.ADMIN
                || role == Role.CITY_OFFICER
                || role == Role.INSTITUTE_STAFF
                || role == Role.COUNTY_OFFICER;
    }
}
