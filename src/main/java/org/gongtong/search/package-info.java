/**
 * Search and matching: the {@link org.gongtong.search.SearchIndex} every module writes its
 * searchable records to (after commit, through {@link org.gongtong.search.SearchDocumentChanged}
 * events), its embedded Lucene implementation with Chinese analysis and learned term associations,
 * index rebuilds, and {@link org.gongtong.search.Matching}: a need or any text to ranked, explained
 * results, experts and institutions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.gongtong.search;
