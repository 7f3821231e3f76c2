package org.gongtong.notifications;

/** Inbox filters: module, category, only unread; null means any. */
public record InboxFilter(String module, NotificationRequested.Category category, Boolean unreadOnly) {

    public static InboxFilter all() {
        return new InboxFilter(null, null, null);
    }
}
