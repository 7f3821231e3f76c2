package org.gongtong.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gongtong.platform.Messages;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for API calls as RFC 9457 problems, written before MVC is reached. */
@Component
class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Messages messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ProblemWriter(Messages messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, 401, "unauthorized", "problem.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        // A caller refused for a missing CSRF token before signing in at all has not authenticated:
        // that is a 401, as for any other anonymous API call, not a 403.
        if (e instanceof CsrfException && !signedIn()) {
            commence(request, response, null);
            return;
        }
        write(request, response, 403, "forbidden", "problem.forbidden");
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /**
     * Writes the problem in the caller's language. This runs before MVC has resolved the locale,
     * so it asks the application's resolver itself (the servlet's own default would be the JVM's).
     */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String detailKey)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://gongtong.org/problems/" + type);
        body.put("title", messages.get(locale, "problem.title." + status));
        body.put("status", status);
        body.put("detail", messages.get(locale, detailKey));
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(body));
    }
}
