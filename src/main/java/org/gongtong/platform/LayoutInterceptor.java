package org.gongtong.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds what every page's layout needs (who is signed in, whether they administer, the current
 * path) to views only, so API calls pay nothing for it.
 */
@Configuration(proxyBeanMethods = false)
class LayoutInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final ObjectProvider<MenuAccess> menuAccess;

    /** The modules' answers, looked up on the first page rather than on every one. */
    private volatile List<MenuAccess> menus;

    LayoutInterceptor(ObjectProvider<MenuAccess> menuAccess) {
        this.menuAccess = menuAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/actuator/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
        mav.addObject("signedIn", signedIn ? a.getName() : null);
        mav.addObject(
                "isAdmin",
                signedIn && a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority())));
        String path = request.getRequestURI();
        mav.addObject("currentPath", path);
        String section = section(path);
        mav.addObject("navSection", section);
        mav.addObject("navGroup", GROUPS.getOrDefault(section, section));
        Set<String> hidden = new HashSet<>();
        if (signedIn) {
            List<MenuAccess> all = menus;
            if (all == null) {
                all = menuAccess.orderedStream().toList();
                menus = all;
            }
            all.forEach(m -> hidden.addAll(m.hiddenSections()));
        }
        mav.addObject("navHidden", hidden);
        mav.addObject("langQuery", queryWithoutLang(request.getQueryString()));
    }

    /**
     * The page's own query string without {@code lang}, ending in "&" when not empty, so that the language
     * switch keeps the filters and ids of the page it is on (the string is already URL-encoded).
     */
    static String queryWithoutLang(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang=")) {
                b.append(pair).append('&');
            }
        }
        return b.toString();
    }

    /** First path segments of the menu's groups (the section pages and the pages below them). */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("communities", "network"),
            Map.entry("institutions", "network"),
            Map.entry("institute", "network"),
            Map.entry("plan", "network"),
            Map.entry("chains", "network"),
            Map.entry("evaluations", "network"),
            Map.entry("council", "network"),
            Map.entry("funds", "funding"),
            Map.entry("risk-pool", "funding"),
            Map.entry("capital", "funding"),
            Map.entry("grants", "funding"),
            Map.entry("cultivation", "cultivation"),
            Map.entry("market", "market"),
            Map.entry("instruments", "services"),
            Map.entry("incubators", "services"),
            Map.entry("agencies", "services"),
            Map.entry("service-orders", "services"),
            Map.entry("talent", "services"),
            Map.entry("admin", "admin"),
            Map.entry("portal", "admin"));

    /** The first segment of the path ("home" for the root), which the menu marks as current. */
    static String section(String path) {
        if (path == null || path.length() <= 1) {
            return "home";
        }
        int end = path.indexOf('/', 1);
        return path.substring(1, end < 0 ? path.length() : end);
    }
}
