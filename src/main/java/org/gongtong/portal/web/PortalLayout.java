package org.gongtong.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongtong.identity.Actor;
import org.gongtong.portal.Cms;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Whether the signed-in user may open the portal's back office (editors and officers), for the menu. */
@Configuration(proxyBeanMethods = false)
class PortalLayout implements HandlerInterceptor, WebMvcConfigurer {

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
        Actor.current().ifPresent(a -> {
            mav.addObject("portalEditor", Cms.isEditor(a) || a.canRegisterOrganisations());
            mav.addObject("cmsEditor", Cms.isEditor(a));
            mav.addObject("portalAdmin", a.isAdmin());
        });
    }
}
