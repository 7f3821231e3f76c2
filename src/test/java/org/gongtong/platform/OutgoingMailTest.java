package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

class OutgoingMailTest {

    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();

    @Test
    void withoutAHostThereIsNoSender() {
        OutgoingMail mail = new OutgoingMail(new MockEnvironment(), beans.getBeanProvider(SslBundles.class));

        assertThat(mail.configured()).isFalse();
        assertThat(mail.sender()).isEmpty();
        assertThat(mail.from()).isEqualTo("noreply@gongtong.local");
    }

    @Test
    void theSenderIsMadeFromTheSettingsAtRunTime() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.mail.host", "smtp.example.cn")
                .withProperty("spring.mail.port", "465")
                .withProperty("spring.mail.username", "kejiju@example.cn")
                .withProperty("spring.mail.password", "secret")
                .withProperty("spring.mail.default-encoding", "UTF-8")
                .withProperty("spring.mail.properties.mail.smtp.timeout", "5000")
                .withProperty("spring.mail.ssl.enabled", "true");

        OutgoingMail mail = new OutgoingMail(env, beans.getBeanProvider(SslBundles.class));

        assertThat(mail.configured()).isTrue();
        assertThat(mail.from()).isEqualTo("kejiju@example.cn");
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mail.sender().orElseThrow();
        assertThat(sender.getHost()).isEqualTo("smtp.example.cn");
        assertThat(sender.getPort()).isEqualTo(465);
        assertThat(sender.getUsername()).isEqualTo("kejiju@example.cn");
        assertThat(sender.getPassword()).isEqualTo("secret");
        assertThat(sender.getProtocol()).isEqualTo("smtp");
        assertThat(sender.getDefaultEncoding()).isEqualTo("UTF-8");
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.timeout", "5000")
                .containsEntry("mail.smtp.ssl.enable", "true");
    }
}
