package org.gongtong.grants.web;

import java.util.Locale;
import org.gongtong.grants.GrantRecords.ApplicationStatus;
import org.gongtong.grants.GrantRecords.TrancheStatus;

/** Lenient filters for pages: an unknown status shows everything rather than an error. */
final class GrantsApiSupport {

    private GrantsApiSupport() {}

    static ApplicationStatus status(String s) {
        try {
            return s == null || s.isBlank()
                    ? null
                    : ApplicationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static TrancheStatus trancheStatus(String s) {
        try {
            return s == null || s.isBlank()
                    ? null
                    : TrancheStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
