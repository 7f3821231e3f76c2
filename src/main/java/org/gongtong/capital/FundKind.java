package org.gongtong.capital;

/** 母基金, 子基金, 天使基金, 创投基金. */
public enum FundKind {
    PARENT,
    SUB,
    ANGEL,
    VENTURE
}
