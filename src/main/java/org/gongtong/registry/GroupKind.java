package org.gongtong.registry;

/** 领导小组 (leading group), 推进小组 (promotion group), or another working group. */
public enum GroupKind {
    LEADING,
    PROMOTION,
    OTHER
}
