package org.gongtong.search;

import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;

/**
 * The caller a query runs for: decides which {@link Visibility} levels it may see.
 *
 * @param signedIn a platform member (sees {@link Visibility#MEMBERS})
 * @param organisationId the caller's organisation (always sees its own records), null if none
 * @param privileged institute/city staff or a broker (sees {@link Visibility#INSTITUTE_ONLY})
 */
public record SearchScope(boolean signedIn, Long organisationId, boolean privileged) {

    /** An anonymous visitor of the public portal: public records only. */
    public static final SearchScope PUBLIC = new SearchScope(false, null, false);

    /** Everything (rebuilds, system jobs, the evaluation). */
    public static final SearchScope ALL = new SearchScope(true, null, true);

    /** The scope of a signed-in actor. Brokers are the institute's and the service organisations' staff. */
    public static SearchScope of(Actor actor) {
        if (actor == null) {
            return PUBLIC;
        }
        boolean privileged = actor.citywide() || actor.role() == Role.SERVICE_USER;
        return new SearchScope(true, actor.organisationId(), privileged);
    }

    /** May this caller see a record of that visibility owned by that organisation? */
    public boolean maySee(Visibility visibility, Long ownerOrganisation) {
        if (privileged) {
            return true;
        }
        if (organisationId != null && organisationId.equals(ownerOrganisation)) {
            return true;
        }
        return switch (visibility == null ? Visibility.INSTITUTE_ONLY : visibility) {
            case PUBLIC -> true;
            case MEMBERS -> signedIn;
            case INSTITUTE_ONLY -> false;
        };
    }
}
