package org.gongtong.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.UserAccount;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores every {@link NotificationRequested} once per recipient, synchronously in the publisher's
 * transaction (so it commits or rolls back with its cause). Recipients come from identity's public
 * API; disabled users get nothing. Mail, when configured, is handed to the outbox after commit.
 */
@Component
class NotificationCentre {

    private static final int PAGE = PageRequest.MAX_SIZE;

    private final Accounts accounts;
    private final NotificationRecords records;
    private final MailOutbox outbox;
    private final Clock clock;

    NotificationCentre(Accounts accounts, NotificationRecords records, MailOutbox outbox, Clock clock) {
        this.accounts = accounts;
        this.records = records;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(NotificationRequested event) {
        Objects.requireNonNull(event.module(), "module");
        Objects.requireNonNull(event.category(), "category");
        Objects.requireNonNull(event.messageCode(), "messageCode");
        Instant now = clock.instant();
        boolean mail = false;
        for (long recipient : recipients(event.audience())) {
            String status = outbox.statusFor(recipient);
            if (records.insert(recipient, event, status, outbox.firstAttempt(status, now))) {
                mail |= "PENDING".equals(status);
            }
        }
        if (mail && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outbox.kick();
                }
            });
        }
    }

    /** The enabled users an audience stands for. */
    Set<Long> recipients(NotificationRequested.Audience a) {
        Set<Long> ids = new LinkedHashSet<>();
        if (a == null) {
            return ids;
        }
        if (a.userId() != null) {
            accounts.find(a.userId()).filter(UserAccount::enabled).ifPresent(u -> ids.add(u.id()));
            return ids;
        }
        if (a.role() == null && a.organisationId() == null && a.county() == null) {
            return ids; // an empty audience would mean everybody: refuse to broadcast by accident
        }
        for (UserAccount u : users(a)) {
            if (!u.enabled()) {
                continue;
            }
            if (a.organisationId() != null && !a.organisationId().equals(u.organisationId())) {
                continue;
            }
            if (a.county() != null && !a.county().equals(u.county())) {
                continue;
            }
            ids.add(u.id());
        }
        return ids;
    }

    private List<UserAccount> users(NotificationRequested.Audience a) {
        List<UserAccount> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            PageResult<UserAccount> page = accounts.list(null, a.role(), PageRequest.of(p, PAGE));
            all.addAll(page.content());
            if (page.content().size() < PAGE || (long) (p + 1) * PAGE >= page.totalElements()) {
                return all;
            }
        }
    }
}
