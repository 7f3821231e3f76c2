package org.gongtong.platform;

import java.util.List;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.env.Environment;

/**
 * The application's messages: every module's bundle ({@code spring.messages.basename}) read once
 * and merged into one table per language (ADR 0068). Boot's default source looked a key up bundle
 * by bundle (thirteen of them, each with its language chain) for every {@code #{...}} of every
 * page: 6 % of the organisation list page's CPU. Boot's {@code spring.messages.*} settings apply
 * as before, and so does the lookup order: the request's language (zh-CN, then zh), then the
 * default (Chinese) file; the first bundle listed wins a key two bundles define (none do: each
 * module prefixes its keys). A {@code cache-duration} turns the merged table off (files are then
 * re-read when that old, bundle by bundle).
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    @Bean
    MessageSource messageSource(Environment environment) {
        MessageSourceProperties settings = Binder.get(environment)
                .bind("spring.messages", MessageSourceProperties.class)
                .orElseGet(MessageSourceProperties::new);
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames(settings.getBasename()));
        if (settings.getEncoding() != null) {
            source.setDefaultEncoding(settings.getEncoding().name());
        }
        source.setFallbackToSystemLocale(settings.isFallbackToSystemLocale());
        if (settings.getCacheDuration() != null) {
            source.setCacheMillis(settings.getCacheDuration().toMillis());
        }
        source.setAlwaysUseMessageFormat(settings.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(settings.isUseCodeAsDefaultMessage());
        return source;
    }

    /** {@code i18n/messages} → {@code classpath:i18n/messages} (this source reads Spring resources). */
    static String[] basenames(List<String> names) {
        return names.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(name -> name.contains(":") ? name : "classpath:" + name)
                .toArray(String[]::new);
    }
}
