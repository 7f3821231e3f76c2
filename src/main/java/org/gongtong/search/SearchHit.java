package org.gongtong.search;

import java.util.List;
import java.util.Map;

/**
 * One hit: the record, its score and why it matched.
 *
 * @param document the indexed record as stored
 * @param score relevance (higher is better; comparable within one result list only)
 * @param explanation the terms and signals behind the score
 */
public record SearchHit(SearchDocument document, double score, Explanation explanation) {

    public String type() {
        return document.type();
    }

    public String id() {
        return document.id();
    }

    public String title() {
        return document.title();
    }

    /**
     * Why a record matched, for people.
     *
     * @param matchedTerms query terms found in the record as written
     * @param relatedTerms record terms found through learned associations (the vocabulary gap),
     *     each as {@code query term → record term}
     * @param industryMatch the record's industry equals the query's
     * @param fieldMatches exact-field values the record shares with the query (e.g. field, cooperation form)
     * @param signals further named contributions to the score (name → share of the score)
     */
    public record Explanation(
            List<String> matchedTerms,
            List<String> relatedTerms,
            boolean industryMatch,
            List<String> fieldMatches,
            Map<String, Double> signals) {

        public static final Explanation NONE = new Explanation(List.of(), List.of(), false, List.of(), Map.of());

        public Explanation {
            matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
            relatedTerms = relatedTerms == null ? List.of() : List.copyOf(relatedTerms);
            fieldMatches = fieldMatches == null ? List.of() : List.copyOf(fieldMatches);
            signals = signals == null ? Map.of() : Map.copyOf(signals);
        }
    }
}
