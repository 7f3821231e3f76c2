package org.gongtong.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One security model for pages and API: form login with sessions (CSRF on) for pages, personal
 * bearer tokens for API clients. Requests that carry a bearer token are exempt from CSRF because
 * a browser never attaches that header by itself.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");
    /** Machine clients (API and actuator) get 401/403 problems, never a redirect to the login page. */
    static final RequestMatcher MACHINE =
            request -> API.matches(request) || request.getRequestURI().startsWith("/actuator/");

    static final RequestMatcher BEARER = request -> {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    /**
     * No Micrometer observation around every security filter, authentication and authorisation:
     * with Actuator present Spring Security would time each of ~15 filters on every request. The
     * request as a whole is still timed (http.server.requests); see docs/benchmarks.md §3.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users, PasswordEncoder encoder, ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, AuthenticationManager manager, TokenAuthenticationFilter tokens, ProblemWriter problems)
            throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        // the public portal (issue 8); its back office needs a sign-in
                        .requestMatchers("/portal/admin", "/portal/admin/**")
                        .authenticated()
                        .requestMatchers("/portal", "/portal/**", "/sitemap.xml", "/robots.txt")
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/api/docs",
                                "/api/docs/**",
                                "/api/swagger-ui/**",
                                "/swagger-ui/**",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**", "/admin/**", "/api/v1/audit/**", "/api/v1/users/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(BEARER, request -> isTokenRequest(request)))
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l ->
                        l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems, MACHINE)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), r -> true)
                        .defaultAccessDeniedHandlerFor(problems, MACHINE));
        return http.build();
    }

    private static boolean isTokenRequest(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/auth/token".equals(request.getRequestURI());
    }
}
