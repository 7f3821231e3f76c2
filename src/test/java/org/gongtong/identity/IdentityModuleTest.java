package org.gongtong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

import java.util.Optional;
import org.gongtong.Api;
import org.gongtong.platform.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The identity module on its own (plus the shared platform): the registry is replaced by a mock of
 * the one interface identity needs from it.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class IdentityModuleTest {

    @MockitoBean
    OrganisationDirectory organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    LoginRecorder logins;

    @Autowired
    AccountDetails details;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsAUserOfAKnownOrganisationAndAuditsIt() {
        given(organisations.lookup(77))
                .willReturn(Optional.of(new OrganisationDirectory.OrganisationRef(77, "某企业", "ENTERPRISE", null)));
        UserAccount u = accounts.create(
                new Accounts.UserForm(Api.unique("mod").toLowerCase(), "模块测试", Role.ENTERPRISE_USER, 77L, null),
                Api.PASSWORD);
        assertThat(u.organisationId()).isEqualTo(77);
        assertThat(u.enabled()).isTrue();
        assertThat(audit.recent("user", Long.toString(u.id()), 10))
                .extracting(AuditLog.AuditRecord::action)
                .containsExactly("USER_CREATED");
    }

    @Test
    void refusesAnOrganisationTheDirectoryDoesNotKnow() {
        given(organisations.lookup(78)).willReturn(Optional.empty());
        assertThatThrownBy(() -> accounts.create(
                        new Accounts.UserForm(Api.unique("mod").toLowerCase(), "x", Role.ENTERPRISE_USER, 78L, null),
                        Api.PASSWORD))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(org.gongtong.platform.FieldError::field)
                                .containsExactly("organisationId"));
    }

    @Test
    void fiveFailuresLockTheAccount() {
        UserAccount u = admin();
        for (int i = 0; i < 4; i++) {
            logins.failure(u.username(), "BadCredentialsException");
        }
        assertThat(details.loadUserByUsername(u.username()).isAccountNonLocked())
                .isTrue();
        logins.failure(u.username(), "BadCredentialsException");
        UserDetails locked = details.loadUserByUsername(u.username());
        assertThat(locked.isAccountNonLocked()).isFalse();
        assertThat(details.loadActive(u.id())).isEmpty();
        assertThat(audit.recent("user", Long.toString(u.id()), 20))
                .extracting(AuditLog.AuditRecord::action)
                .contains("ACCOUNT_LOCKED");
    }

    @Test
    void tokensResolveUntilRevoked() {
        UserAccount u = admin();
        ApiTokens.IssuedToken issued = tokens.issue(u.id(), "test");
        assertThat(tokens.resolve(issued.token())).contains(u.id());
        assertThat(tokens.resolve(issued.token() + "x")).isEmpty();
        assertThat(tokens.revokeByToken(issued.token())).isTrue();
        assertThat(tokens.resolve(issued.token())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM api_token WHERE digest = ?",
                        Long.class,
                        ApiTokens.digest(issued.token())))
                .isOne();
    }

    @Test
    void chainStaysIntactAcrossRecords() {
        audit.record("TEST_EVENT", "test", Api.unique("e"), null, java.util.Map.of("n", 1));
        audit.record("TEST_EVENT", "test", Api.unique("e"), java.util.Map.of("n", 1), java.util.Map.of("n", 2), "why");
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.firstBrokenSeq()).isNull();
    }

    private UserAccount admin() {
        return accounts.create(
                new Accounts.UserForm(Api.unique("modadm").toLowerCase(), "模块管理员", Role.ADMIN, null, null),
                Api.PASSWORD);
    }
}
