package org.gongtong.notifications;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retries and digests every minute; without SMTP configured {@link MailOutbox#deliverDue()} returns
 * at once. Always present rather than conditional on {@code spring.mail.host}: the jar evaluates
 * conditions when it is built (ADR 0067), and the host is set at deployment.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailSchedule {

    private final MailOutbox outbox;

    MailSchedule(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void deliver() {
        outbox.deliverDue();
    }
}
