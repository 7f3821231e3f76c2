package org.gongtong.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
@Configuration
class LayoutInterceptor implements HandlerInterceptor, WebMvcConfigurer {

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
        mav.addObject("currentPath", request.getRequestURI());
    }
}
