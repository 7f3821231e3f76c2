package org.gongtong.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query: free text (may be blank: filters only) with exact filters, numeric ranges, the caller's
 * scope and paging.
 *
 * @param text what the caller typed; analysed like the documents, with learned associations
 * @param types record types to search; empty = all
 * @param industry exact industry filter, null = any
 * @param county exact county filter, null = any
 * @param filters exact filters on {@link SearchDocument#fields()} (a document matches when one of
 *     its values equals the filter value)
 * @param ranges numeric ranges on {@link SearchDocument#numbers()}
 * @param scope the caller; records it may not see are never hit nor counted
 * @param offset first hit (0-based)
 * @param limit how many hits at most
 */
public record SearchQuery(
        String text,
        Set<String> types,
        String industry,
        String county,
        Map<String, String> filters,
        List<Range> ranges,
        SearchScope scope,
        int offset,
        int limit) {

    public SearchQuery {
        text = text == null ? "" : text;
        types = types == null ? Set.of() : Set.copyOf(types);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        scope = scope == null ? SearchScope.PUBLIC : scope;
        offset = Math.max(0, offset);
        limit = Math.max(0, Math.min(limit, 10_000));
    }

    /** Text search of some types for a scope, first {@code limit} hits. */
    public static SearchQuery of(String text, SearchScope scope, int limit, String... types) {
        return new SearchQuery(text, Set.of(types), null, null, Map.of(), List.of(), scope, 0, limit);
    }

    public SearchQuery withIndustry(String value) {
        return new SearchQuery(text, types, value, county, filters, ranges, scope, offset, limit);
    }

    public SearchQuery withCounty(String value) {
        return new SearchQuery(text, types, industry, value, filters, ranges, scope, offset, limit);
    }

    public SearchQuery withPage(int newOffset, int newLimit) {
        return new SearchQuery(text, types, industry, county, filters, ranges, scope, newOffset, newLimit);
    }

    /** An inclusive numeric range; either end may be null (open). */
    public record Range(String field, Long min, Long max) {}
}
