package org.gongtong.identity;

import java.util.List;
import java.util.Optional;

/**
 * What identity needs to know of organisations (a user belongs to one). The registry module
 * implements it, so identity never reads the registry's tables.
 */
public interface OrganisationDirectory {

    Optional<OrganisationRef> lookup(long id);

    /** Organisations whose name contains {@code q}, for pickers; at most {@code limit}. */
    List<OrganisationRef> lookupByName(String q, int limit);

    /** The counties and city zones a county officer may be assigned to. */
    List<CountyRef> counties();

    record CountyRef(String code, String name) {}

    record OrganisationRef(long id, String name, String kind, String county) {}
}
