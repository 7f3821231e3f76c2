package org.gongtong.platform;

import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The SMTP sender, made from Boot's {@code spring.mail.*} settings when the application starts, or
 * none when {@code spring.mail.host} is not set (then nothing is mailed and nothing depends on it).
 * Boot's own mail configuration decides whether a sender exists by a condition on
 * {@code spring.mail.host}; the jar evaluates such conditions once, when it is built (Spring AOT,
 * ADR 0067), so a host set at deployment would be ignored. This reads the settings at run time;
 * Boot's mail auto-configuration is excluded so that there is one sender, made in one place.
 */
@Component
public class OutgoingMail {

    static final String DEFAULT_FROM = "noreply@gongtong.local";

    private final JavaMailSender sender;
    private final String from;

    public OutgoingMail(Environment environment, ObjectProvider<SslBundles> sslBundles) {
        MailProperties mail = Binder.get(environment)
                .bind("spring.mail", MailProperties.class)
                .orElseGet(MailProperties::new);
        this.sender = StringUtils.hasText(mail.getHost()) ? sender(mail, sslBundles) : null;
        this.from = StringUtils.hasText(mail.getUsername()) ? mail.getUsername() : DEFAULT_FROM;
    }

    /** The sender, if SMTP is configured. */
    public Optional<JavaMailSender> sender() {
        return Optional.ofNullable(sender);
    }

    public boolean configured() {
        return sender != null;
    }

    /** The sender address: {@code spring.mail.username}, or a no-reply address. */
    public String from() {
        return from;
    }

    // the settings Boot's MailSenderPropertiesConfiguration applies, in the same way
    private static JavaMailSender sender(MailProperties mail, ObjectProvider<SslBundles> sslBundles) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        String protocol = StringUtils.hasLength(mail.getProtocol()) ? mail.getProtocol() : "smtp";
        MailProperties.Ssl ssl = mail.getSsl();
        if ((ssl.isEnabled() || StringUtils.hasLength(ssl.getBundle())) && ssl.isVerifyHostname()) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (ssl.isEnabled()) {
            properties.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        if (StringUtils.hasLength(ssl.getBundle())) {
            properties.put(
                    "mail." + protocol + ".ssl.socketFactory",
                    sslBundles
                            .getObject()
                            .getBundle(ssl.getBundle())
                            .createSslContext()
                            .getSocketFactory());
        }
        if (!properties.isEmpty()) {
            sender.setJavaMailProperties(properties);
        }
        return sender;
    }
}
