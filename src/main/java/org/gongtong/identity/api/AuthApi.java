package org.gongtong.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.identity.ApiTokens;
import org.gongtong.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "API tokens")
class AuthApi {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    AuthApi(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record Credentials(String username, String password, String name) {}

    record TokenResponse(String token, Instant expiresAt) {}

    record Me(long id, String username, String displayName, String role, Long organisationId, String county) {}

    @PostMapping("/token")
    @Operation(summary = "Exchange username and password for a bearer token")
    TokenResponse token(@RequestBody Credentials credentials) {
        if (credentials == null
                || credentials.username() == null
                || credentials.username().isBlank()
                || credentials.password() == null
                || credentials.password().isEmpty()) {
            throw DomainException.invalid("username", "auth.credentialsRequired");
        }
        try {
            var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    credentials.username(), credentials.password()));
            long userId = Actor.from(auth).orElseThrow().userId();
            var issued = tokens.issue(userId, credentials.name() == null ? "api" : credentials.name());
            return new TokenResponse(issued.token(), issued.expiresAt());
        } catch (org.springframework.security.authentication.LockedException e) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "auth.locked", null, null);
        } catch (AuthenticationException e) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "auth.badCredentials", null, null);
        }
    }

    @GetMapping("/me")
    Me me() {
        Actor a = Actor.current().orElseThrow();
        return new Me(a.userId(), a.username(), a.displayName(), a.role().name(), a.organisationId(), a.county());
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenInfo> list() {
        return tokens.list(Actor.current().orElseThrow().userId());
    }

    /** Revokes the token this request carries (sign out of the API). */
    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeCurrent(@RequestHeader(name = "Authorization", required = false) String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw DomainException.invalid("Authorization", "auth.bearerRequired");
        }
        tokens.revokeByToken(header.substring(7).strip());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(id, Actor.current().orElseThrow());
    }
}
