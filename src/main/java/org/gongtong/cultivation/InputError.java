package org.gongtong.cultivation;

/** A rejected input field: its JSON path and the message key (cultivation bundle) saying why. */
public record InputError(String field, String key, Object... args) {}
