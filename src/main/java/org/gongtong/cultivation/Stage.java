package org.gongtong.cultivation;

/** Where an enterprise stands on the 小升高 path. */
public enum Stage {
    CANDIDATE,
    TECH_SME,
    HNTE_APPLIED,
    RECOGNISED,
    RENEWAL_APPLIED,
    CANCELLED
}
