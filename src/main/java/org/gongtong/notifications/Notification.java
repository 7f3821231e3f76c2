package org.gongtong.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One stored notification of one recipient; {@code title} is the message rendered in the
 * reader's language when read.
 */
public record Notification(
        long id,
        long recipientId,
        String module,
        NotificationRequested.Category category,
        String messageCode,
        List<String> args,
        String title,
        String link,
        Instant dueAt,
        Instant createdAt,
        Instant readAt,
        String mailStatus,
        int mailAttempts,
        String mailError) {

    public boolean unread() {
        return readAt == null;
    }

    Notification withTitle(String t) {
        return new Notification(
                id,
                recipientId,
                module,
                category,
                messageCode,
                args,
                t,
                link,
                dueAt,
                createdAt,
                readAt,
                mailStatus,
                mailAttempts,
                mailError);
    }
}
