package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.env.MockEnvironment;

class MessageBundlesTest {

    /** The bundles as application.yml lists them. */
    static String basenames() throws Exception {
        try (InputStream in = new ClassPathResource("application.yml").getInputStream()) {
            String yml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("basename: (\\S+)").matcher(yml);
            assertThat(m.find())
                    .as("spring.messages.basename in application.yml")
                    .isTrue();
            return m.group(1);
        }
    }

    @Test
    void everyKeyReadsAsWithBootsDefaultSourceInBothLanguages() throws Exception {
        String property = basenames();
        MessageSource merged = merged("basename", property, "fallback-to-system-locale", "false");

        ResourceBundleMessageSource boots = new ResourceBundleMessageSource();
        boots.setBasenames(property.split(","));
        boots.setDefaultEncoding("UTF-8");
        boots.setFallbackToSystemLocale(false);

        Set<String> keys = new TreeSet<>();
        for (String name : property.split(",")) {
            for (String suffix : List.of("", "_en")) {
                Properties p =
                        PropertiesLoaderUtils.loadProperties(new ClassPathResource(name + suffix + ".properties"));
                p.stringPropertyNames().forEach(keys::add);
            }
        }
        assertThat(keys).hasSizeGreaterThan(500);

        List<String> differ = new ArrayList<>();
        for (Locale locale : List.of(Languages.CHINESE, Locale.ENGLISH, Locale.CHINESE)) {
            for (String key : keys) {
                Object[] args = {"甲", 2, "c"};
                String expected = boots.getMessage(key, args, "∅", locale);
                String actual = merged.getMessage(key, args, "∅", locale);
                if (!expected.equals(actual)) {
                    differ.add(locale + " " + key + ": " + expected + " / " + actual);
                }
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void unknownKeysAndBasenamesAsTheyAreConfigured() {
        MessageSource merged = merged("basename", "i18n/messages, i18n/insight", "fallback-to-system-locale", "false");

        assertThat(merged.getMessage("no.such.key", null, "default", Locale.ENGLISH))
                .isEqualTo("default");
        assertThat(merged.getMessage("app.name", null, Languages.CHINESE)).isEqualTo("共同");
        assertThat(MessageBundles.basenames(List.of(" i18n/a ", "classpath:i18n/b", "")))
                .containsExactly("classpath:i18n/a", "classpath:i18n/b");
    }

    @Test
    void bootsOtherMessageSettingsStillApply() {
        MessageSource merged = merged("basename", "i18n/messages", "use-code-as-default-message", "true");

        // without the setting this throws NoSuchMessageException
        assertThat(merged.getMessage("no.such.key", null, Locale.ENGLISH)).isEqualTo("no.such.key");
    }

    /** The source made from {@code spring.messages.*} settings given as name, value, name, value... */
    private static MessageSource merged(String... settings) {
        // a mock, not StandardEnvironment: its system properties are the JVM's, seen by every later test
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < settings.length; i += 2) {
            environment.setProperty("spring.messages." + settings[i], settings[i + 1]);
        }
        return new MessageBundles().messageSource(environment);
    }
}
