package org.gongtong.notifications;

/** How a user wants mail about their notifications (when SMTP is configured). */
public enum Digest {
    /** One mail per notification, right after it is raised. */
    IMMEDIATE,
    /** One mail a day listing the day's notifications. */
    DAILY,
    /** No mail; the inbox only. */
    NONE
}
