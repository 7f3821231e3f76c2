package org.gongtong.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongtong.identity.Actor;
import org.gongtong.notifications.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the signed-in user's unread count into every page's model for the header (views only). */
@Configuration(proxyBeanMethods = false)
class UnreadCount implements HandlerInterceptor, WebMvcConfigurer {

    // a provider: web slices (@WebMvcTest of other modules) load this configurer without the service
    private final ObjectProvider<Notifications> notifications;
    // resolved on the first page, not on every one (a provider lookup walks the bean factory)
    private volatile Notifications service;

    UnreadCount(ObjectProvider<Notifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns("/api/**", "/actuator/**", "/css/**", "/js/**", "/webjars/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
            return;
        }
        Notifications service = service();
        if (service != null) {
            Actor.current().ifPresent(a -> mav.addObject("unreadCount", service.unreadCount(a.userId())));
        }
    }

    private Notifications service() {
        Notifications s = service;
        if (s == null) {
            s = notifications.getIfAvailable();
            service = s;
        }
        return s;
    }
}
