package org.gongtong.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gongtong.platform.Messages;
import org.gongtong.platform.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail for notifications, only when SMTP is configured ({@code spring.mail.host}; without it there
 * is no {@link JavaMailSender} ({@link OutgoingMail}) and every row is stored with mail status OFF). A row waiting
 * for mail is PENDING (or DIGEST for the daily digest) and keeps that status until sent; a failed
 * attempt is retried with growing pauses and after {@link #MAX_ATTEMPTS} becomes FAILED with the
 * error shown in the inbox. The notification itself is never lost: it is in the inbox either way.
 */
@Component
class MailOutbox {

    static final int MAX_ATTEMPTS = 5;
    static final List<Duration> BACKOFF =
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    /** Sends one mail; the seam tests replace. */
    interface Sender {
        void send(String to, String subject, String text);
    }

    private final NotificationRecords records;
    private final Sender sender;
    private final Messages messages;
    private final Clock clock;
    private final ExecutorService executor;

    @org.springframework.beans.factory.annotation.Autowired
    MailOutbox(NotificationRecords records, OutgoingMail mail, Messages messages, Clock clock) {
        this(records, senderOf(mail.sender().orElse(null), mail.from()), messages, clock);
    }

    MailOutbox(NotificationRecords records, Sender sender, Messages messages, Clock clock) {
        this.records = records;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
        this.executor = sender == null
                ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "notification-mail");
                    t.setDaemon(true);
                    return t;
                });
    }

    private static Sender senderOf(JavaMailSender mail, String from) {
        if (mail == null) {
            return null;
        }
        return (to, subject, text) -> {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(to);
            m.setSubject(subject);
            m.setText(text);
            mail.send(m);
        };
    }

    boolean enabled() {
        return sender != null;
    }

    /** The mail status a new notification of this recipient starts with. */
    String statusFor(long recipient) {
        if (!enabled()) {
            return "OFF";
        }
        NotificationSettings s = records.settings(recipient).orElse(NotificationSettings.defaults(recipient));
        if (s.email() == null || s.digest() == Digest.NONE) {
            return "OFF";
        }
        return s.digest() == Digest.DAILY ? "DIGEST" : "PENDING";
    }

    /** When the first attempt is due: now, or the next local morning for the digest. */
    Instant firstAttempt(String status, Instant now) {
        if ("DIGEST".equals(status)) {
            LocalDate tomorrow = LocalDate.ofInstant(now, LOCAL).plusDays(1);
            return tomorrow.atTime(8, 0).atZone(LOCAL).toInstant();
        }
        return now;
    }

    /** Starts a delivery round in the background (after a commit). */
    void kick() {
        if (executor != null) {
            executor.submit(this::deliverDue);
        }
    }

    /** Sends every PENDING mail that is due, and every due DIGEST as one mail per recipient. */
    synchronized int deliverDue() {
        if (!enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (Notification n : records.mailDue("PENDING", now, 100)) {
            String to = address(n.recipientId());
            if (to == null) {
                records.mailFailed(n.id(), "no address", null);
                continue;
            }
            String title = title(n);
            if (attempt(List.of(n), to, title, title + (n.link() == null ? "" : "\n" + n.link()), now)) {
                sent++;
            }
        }
        Map<Long, List<Notification>> digests = new LinkedHashMap<>();
        for (Notification n : records.mailDue("DIGEST", now, 500)) {
            digests.computeIfAbsent(n.recipientId(), k -> new ArrayList<>()).add(n);
        }
        for (var e : digests.entrySet()) {
            String to = address(e.getKey());
            if (to == null) {
                e.getValue().forEach(n -> records.mailFailed(n.id(), "no address", null));
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (Notification n : e.getValue()) {
                text.append("- ").append(title(n));
                if (n.link() != null) {
                    text.append("  ").append(n.link());
                }
                text.append('\n');
            }
            String subject = messages.get(
                    Locale.CHINESE, "notification.digestSubject", e.getValue().size());
            if (attempt(e.getValue(), to, subject, text.toString(), now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean attempt(List<Notification> rows, String to, String subject, String text, Instant now) {
        try {
            sender.send(to, subject, text);
            rows.forEach(n -> records.mailSent(n.id()));
            return true;
        } catch (RuntimeException ex) {
            log.warn("Mail to {} failed: {}", to, ex.toString());
            for (Notification n : rows) {
                int attempts = n.mailAttempts() + 1;
                Instant next = attempts >= MAX_ATTEMPTS
                        ? null
                        : now.plus(BACKOFF.get(Math.min(attempts - 1, BACKOFF.size() - 1)));
                records.mailFailed(
                        n.id(), ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), next);
            }
            return false;
        }
    }

    private String address(long recipient) {
        return records.settings(recipient).map(NotificationSettings::email).orElse(null);
    }

    private String title(Notification n) {
        return messages.get(Locale.CHINESE, n.messageCode(), n.args().toArray());
    }
}
