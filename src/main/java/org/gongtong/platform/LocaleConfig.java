package org.gongtong.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first: a {@code lang} cookie chosen on a page wins, then {@code Accept-Language} (API
 * callers), then zh-CN. Only Chinese and English are offered.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

    static final String COOKIE = "lang";

    @Bean
    LocaleResolver localeResolver() {
        return new ChineseFirstLocaleResolver();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    static final class ChineseFirstLocaleResolver implements LocaleResolver {

        /** The language chosen on this very request, before its cookie comes back. */
        static final String CHOSEN = ChineseFirstLocaleResolver.class.getName() + ".CHOSEN";

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
                return chosen;
            }
            if (request.getCookies() != null) {
                for (Cookie c : request.getCookies()) {
                    if (COOKIE.equals(c.getName())) {
                        return Languages.normalise(c.getValue());
                    }
                }
            }
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return Languages.CHINESE;
            }
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange();
                    if (tag.startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                    if (tag.startsWith("zh")) {
                        return Languages.CHINESE;
                    }
                }
            } catch (IllegalArgumentException e) {
                return Languages.CHINESE;
            }
            return Languages.CHINESE;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            Locale chosen = locale == null ? Languages.CHINESE : Languages.normalise(locale.toLanguageTag());
            request.setAttribute(CHOSEN, chosen);
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }
}
