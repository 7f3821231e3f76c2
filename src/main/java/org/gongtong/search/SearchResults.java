package org.gongtong.search;

import java.util.List;

/**
 * A page of hits and the total number of records the caller may see that match.
 *
 * @param hits the requested page, best first
 * @param total all matching records visible to the caller's scope
 */
public record SearchResults(List<SearchHit> hits, long total) {

    public static final SearchResults EMPTY = new SearchResults(List.of(), 0);

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
