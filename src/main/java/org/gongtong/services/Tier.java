package org.gongtong.services;

/** Price tier of a user: the owner's own staff, a partner organisation of the owner, anyone else. */
public enum Tier {
    INTERNAL,
    PARTNER,
    EXTERNAL
}
