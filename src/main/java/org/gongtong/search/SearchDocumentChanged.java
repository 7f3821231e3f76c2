package org.gongtong.search;

/**
 * Publish inside the transaction that changed a searchable record; the index applies it after
 * commit (and never if the transaction rolls back).
 */
public record SearchDocumentChanged(SearchDocument document) {}
