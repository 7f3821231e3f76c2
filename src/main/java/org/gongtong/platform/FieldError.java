package org.gongtong.platform;

/** One rejected field: which one and why, in the caller's language. */
public record FieldError(String field, String message) {}
