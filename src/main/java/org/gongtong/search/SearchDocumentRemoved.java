package org.gongtong.search;

/** Publish inside the transaction that deleted a searchable record; applied after commit. */
public record SearchDocumentRemoved(String type, String id) {}
