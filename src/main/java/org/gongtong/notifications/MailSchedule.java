package org.gongtong.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Retries and digests every minute, only where SMTP is configured (nothing runs otherwise). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "spring.mail.host")
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
