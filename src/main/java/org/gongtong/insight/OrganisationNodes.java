package org.gongtong.insight;

import java.util.Collection;
import java.util.List;

/**
 * What the collaboration graph needs to know of organisations (its nodes): name, element, county
 * and industry. The registry implements it, so insight never reads the registry's tables.
 */
public interface OrganisationNodes {

    /** The nodes of these organisation ids (unknown ids are left out). */
    List<Node> nodes(Collection<Long> ids);

    /** Organisations whose name contains {@code q}, for the path finder's pickers; at most {@code limit}. */
    List<Node> find(String q, int limit);

    /** {@code kind} is the registry's organisation kind (the element), e.g. {@code ENTERPRISE}. */
    record Node(long id, String name, String kind, String county, String industry) {}
}
