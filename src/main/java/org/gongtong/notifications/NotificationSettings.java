package org.gongtong.notifications;

/** A user's mail preference: digest mode and address (null: no mail). */
public record NotificationSettings(long userId, Digest digest, String email) {

    static NotificationSettings defaults(long userId) {
        return new NotificationSettings(userId, Digest.IMMEDIATE, null);
    }
}
