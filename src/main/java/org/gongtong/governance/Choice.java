package org.gongtong.governance;

/** 赞成 / 反对 / 弃权. */
public enum Choice {
    FOR,
    AGAINST,
    ABSTAIN
}
