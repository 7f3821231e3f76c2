package org.gongtong.search;

/**
 * Who may find an indexed record. {@link #PUBLIC}: everyone, signed in or not; {@link #MEMBERS}:
 * every signed-in platform user; {@link #INSTITUTE_ONLY}: the owning organisation, the institute
 * and city staff, and brokers only (confidential: never in anyone else's hits, counts or exports).
 */
public enum Visibility {
    PUBLIC,
    MEMBERS,
    INSTITUTE_ONLY
}
