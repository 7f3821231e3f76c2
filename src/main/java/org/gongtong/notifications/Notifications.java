package org.gongtong.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.gongtong.identity.Actor;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.Messages;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inbox of the signed-in user: list with filters, unread count, mark read, mail settings. */
@Service
public class Notifications {

    private final NotificationRecords records;
    private final Messages messages;
    private final Clock clock;

    Notifications(NotificationRecords records, Messages messages, Clock clock) {
        this.records = records;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<Notification> inbox(Actor actor, InboxFilter filter, PageRequest page) {
        PageResult<Notification> p = records.inbox(actor.userId(), filter == null ? InboxFilter.all() : filter, page);
        return new PageResult<>(
                p.content().stream().map(n -> n.withTitle(title(n, null))).toList(),
                p.totalElements(),
                p.page(),
                p.size());
    }

    /** The modules that raised notifications for this user, for the filter. */
    @Transactional(readOnly = true)
    public List<String> modules(Actor actor) {
        return records.modules(actor.userId());
    }

    /** One statement, so no transaction around it (this runs on every page, for the header). */
    public long unreadCount(long userId) {
        return records.unread(userId);
    }

    /** Marks one of the actor's own notifications read; others' are not found. */
    @Transactional
    public Notification markRead(Actor actor, long id) {
        Notification n = records.find(id)
                .filter(x -> x.recipientId() == actor.userId())
                .orElseThrow(() -> DomainException.notFound("notification.notFound", id));
        records.markRead(actor.userId(), id, clock.instant());
        return records.find(id).orElseThrow().withTitle(title(n, null));
    }

    @Transactional
    public int markAllRead(Actor actor) {
        return records.markAllRead(actor.userId(), clock.instant());
    }

    @Transactional(readOnly = true)
    public NotificationSettings settings(Actor actor) {
        return records.settings(actor.userId()).orElse(NotificationSettings.defaults(actor.userId()));
    }

    @Transactional
    public NotificationSettings saveSettings(Actor actor, Digest digest, String email) {
        String e = email == null || email.isBlank() ? null : email.strip();
        if (e != null && (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw DomainException.invalid("email", "notification.emailInvalid");
        }
        NotificationSettings s =
                new NotificationSettings(actor.userId(), digest == null ? Digest.IMMEDIATE : digest, e);
        records.saveSettings(s, clock.instant());
        return s;
    }

    /** The notification's title in the given language (null: the request's). */
    String title(Notification n, Locale locale) {
        Object[] args = n.args().toArray();
        try {
            return locale == null ? messages.get(n.messageCode(), args) : messages.get(locale, n.messageCode(), args);
        } catch (NoSuchMessageException e) {
            return n.messageCode() + (args.length == 0 ? "" : " " + n.args());
        }
    }
}
