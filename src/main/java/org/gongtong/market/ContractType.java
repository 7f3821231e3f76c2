package org.gongtong.market;

/** Technology contract types (RULES.md §5). */
public enum ContractType {
    DEVELOPMENT,
    TRANSFER,
    LICENCE,
    CONSULTING,
    SERVICE
}
