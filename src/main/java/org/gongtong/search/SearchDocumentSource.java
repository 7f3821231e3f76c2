package org.gongtong.search;

import java.util.function.Consumer;

/**
 * Contributed as a bean by each module with searchable records: the rebuild reads every document
 * from the database through it.
 */
public interface SearchDocumentSource {

    /** The record types this source produces. */
    java.util.Set<String> types();

    /** How many documents {@link #forEach} will produce (for progress). */
    long count();

    /** Streams every current document (all visibilities) to the sink. */
    void forEach(Consumer<SearchDocument> sink);
}
