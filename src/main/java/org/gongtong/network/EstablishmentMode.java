package org.gongtong.network;

/** 新建 / 加盟 / 共建. */
public enum EstablishmentMode {
    NEW_BUILD,
    JOIN,
    CO_BUILD
}
