package org.gongtong.identity;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for form login (with their hash) and for token requests (active ones only). */
@Service
class AccountDetails implements UserDetailsService {

    private final Users users;
    private final Clock clock;

    AccountDetails(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount u = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        String hash = users.passwordHash(u.id()).orElseThrow();
        return new AccountPrincipal(u.actor(), hash, u.enabled(), u.lockedAt(clock.instant()));
    }

    Optional<AccountPrincipal> loadActive(long userId) {
        return users.findById(userId)
                .filter(UserAccount::enabled)
                .filter(u -> !u.lockedAt(clock.instant()))
                .map(u -> new AccountPrincipal(u.actor(), null, true, false));
    }
}
