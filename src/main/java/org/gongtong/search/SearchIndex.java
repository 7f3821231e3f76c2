package org.gongtong.search;

import java.util.Collection;

/**
 * The platform's one full-text index. Modules normally do not call {@link #index} directly but
 * publish {@link SearchDocumentChanged} / {@link SearchDocumentRemoved} inside their transaction
 * (applied after commit), and contribute a {@link SearchDocumentSource} bean for rebuilds.
 */
public interface SearchIndex {

    /** Adds or replaces the document with the same type and id; visible to the next query. */
    void index(SearchDocument document);

    /** Adds or replaces many documents at once. */
    void indexAll(Collection<SearchDocument> documents);

    /** Removes the document; no-op if absent. */
    void delete(String type, String id);

    /** Hits visible to the query's scope, best first. */
    SearchResults search(SearchQuery query);

    /** How many records visible to the query's scope match (the {@code total} of {@link #search}). */
    long count(SearchQuery query);

    /** The document as indexed, if present (regardless of scope). */
    java.util.Optional<SearchDocument> get(String type, String id);

    /** State of the index and of the latest rebuild. */
    IndexStatus status();

    /** Starts a full rebuild from every {@link SearchDocumentSource} in the background; false if one runs. */
    boolean rebuild();
}
