package org.gongtong.capital;

/** A call is capital investors pay in (paid-in); a distribution is money the fund pays back. */
public enum FlowType {
    CALL,
    DISTRIBUTION
}
