package org.gongtong.identity.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Role;
import org.gongtong.identity.UserAccount;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration over the API; administrators only (see the security configuration). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApi {

    private final Accounts accounts;

    UserApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record CreateUser(
            String username, String displayName, Role role, Long organisationId, String county, String password) {}

    record UpdateUser(String displayName, Role role, Long organisationId, String county, Boolean enabled) {}

    @GetMapping
    PageResult<UserAccount> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return accounts.list(q, role, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) {
        return accounts.find(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
    }

    @PostMapping
    ResponseEntity<UserAccount> create(@RequestBody CreateUser body) {
        UserAccount created = accounts.create(
                new Accounts.UserForm(
                        body.username(), body.displayName(), body.role(), body.organisationId(), body.county()),
                body.password());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    UserAccount update(@PathVariable long id, @RequestBody UpdateUser body) {
        UserAccount u = accounts.update(
                id, new Accounts.UserForm(null, body.displayName(), body.role(), body.organisationId(), body.county()));
        if (body.enabled() != null) {
            accounts.setEnabled(id, body.enabled());
            u = accounts.find(id).orElseThrow();
        }
        return u;
    }

    @PostMapping("/{id}/password")
    Map<String, String> resetPassword(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        String password = accounts.resetPassword(id, body == null ? null : body.get("password"));
        return Map.of("password", password);
    }
}
