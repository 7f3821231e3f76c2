package org.gongtong.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer gt_…} by the token's digest. A bad, expired or
 * revoked token is a 401 at once: it never falls back to the session.
 */
@Component
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountDetails accounts;
    private final ProblemWriter problems;

    TokenAuthenticationFilter(ApiTokens tokens, AccountDetails accounts, ProblemWriter problems) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SecurityConfig.BEARER.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(7).strip();
        Optional<AccountPrincipal> principal = tokens.resolve(token).flatMap(accounts::loadActive);
        if (principal.isEmpty()) {
            problems.write(request, response, 401, "unauthorized", "problem.badToken");
            return;
        }
        AccountPrincipal p = principal.get();
        var auth = UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
