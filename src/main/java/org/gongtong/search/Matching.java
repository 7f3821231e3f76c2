package org.gongtong.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matching: from a need (or a result, or any description) to ranked, explained records of the
 * target types, and to the organisations (institutions) behind them. Uses the same analysis and
 * learned associations as {@link SearchIndex#search}, plus industry and field agreement.
 */
public interface Matching {

    /** Ranked records of the request's target types, each with its explanation. */
    List<SearchHit> match(MatchRequest request);

    /**
     * Organisations owning the best-matching records of the target types, ranked by the sum of
     * their records' scores.
     */
    List<InstitutionMatch> institutions(MatchRequest request);

    /**
     * What to match.
     *
     * @param text the need's (or result's) title and description
     * @param industry the need's industry (agreement raises the score), null if unknown
     * @param fields exact field values that should agree (e.g. {@code field}, {@code cooperation})
     * @param targetTypes which record types to return (e.g. {@code result}, {@code expert})
     * @param filters exact filters the hits must satisfy (e.g. {@code cooperation=LICENCE})
     * @param ranges numeric ranges the hits must satisfy (e.g. TRL ≥ 6)
     * @param county county filter, null = any
     * @param excludeOrganisation leave out records of this organisation (one's own), null = none
     * @param scope the caller
     * @param limit how many at most
     */
    record MatchRequest(
            String text,
            String industry,
            Map<String, List<String>> fields,
            Set<String> targetTypes,
            Map<String, String> filters,
            List<SearchQuery.Range> ranges,
            String county,
            Long excludeOrganisation,
            SearchScope scope,
            int limit) {

        public MatchRequest {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
            targetTypes = targetTypes == null ? Set.of() : Set.copyOf(targetTypes);
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
            scope = scope == null ? SearchScope.PUBLIC : scope;
            limit = Math.max(1, Math.min(limit, 1000));
        }

        /** Text and industry to some types for a scope. */
        public static MatchRequest of(String text, String industry, SearchScope scope, int limit, String... types) {
            return new MatchRequest(
                    text, industry, Map.of(), Set.of(types), Map.of(), List.of(), null, null, scope, limit);
        }
    }

    /**
     * An organisation matching a request.
     *
     * @param organisationId registry id
     * @param score sum of its records' scores
     * @param records its matching records, best first
     */
    record InstitutionMatch(long organisationId, double score, List<SearchHit> records) {}
}
