package org.gongtong.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs a MockMvc request in as an {@link Actor}, with the principal type the application uses,
 * so slice tests of controllers that call {@code Actor.current()} need no database.
 */
public final class TestActors {

    private TestActors() {}

    public static RequestPostProcessor as(Actor actor) {
        AccountPrincipal principal = new AccountPrincipal(actor, null, true, false);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    public static Actor actor(Role role, Long organisationId, String county) {
        return new Actor(1000, "test-" + role.name().toLowerCase(), "测试", role, organisationId, county);
    }
}
