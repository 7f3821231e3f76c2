package org.gongtong.portal;

import org.gongtong.platform.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mails a one-time link after the transaction commits, only when SMTP is configured; a failure is
 * logged and the link stays shown to the administrator, so nothing depends on mail.
 */
@Component
class PortalMail {

    private static final Logger log = LoggerFactory.getLogger(PortalMail.class);

    private final OutgoingMail mail;

    PortalMail(OutgoingMail mail) {
        this.mail = mail;
    }

    boolean configured() {
        return mail.configured();
    }

    /** True when a mail will be attempted after commit. */
    boolean sendAfterCommit(String to, String subject, String text) {
        JavaMailSender sender = mail.sender().orElse(null);
        if (sender == null || to == null || to.isBlank()) {
            return false;
        }
        Runnable send = () -> {
            try {
                SimpleMailMessage m = new SimpleMailMessage();
                m.setFrom(mail.from());
                m.setTo(to);
                m.setSubject(subject);
                m.setText(text);
                sender.send(m);
            } catch (RuntimeException e) {
                log.warn("Mail to {} failed: {}", to, e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
        return true;
    }
}
