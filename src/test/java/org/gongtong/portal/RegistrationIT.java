package org.gongtong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.gongtong.Api;
import org.gongtong.IntegrationTest;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.ValidationException;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Self-registration from the portal: checked, unique by USCC, decided by an officer, one account. */
@IntegrationTest
class RegistrationIT {

    static final Actor ADMIN = new Actor(1, "admin", "admin", Role.ADMIN, null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Registrations registrations;

    @Autowired
    Registry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    org.gongtong.platform.Messages messages;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, json);
    }

    static Registration.Form form(String uscc, String username) {
        return new Registration.Form(
                uscc,
                Api.unique("自注册企业"),
                "ENTERPRISE",
                "371502",
                "NEW_MATERIALS",
                "王经理",
                "0635-8123456",
                null,
                username);
    }

    private static String username() {
        return Api.unique("reg").toLowerCase();
    }

    @Test
    void theFormIsCheckedAndADuplicateUsccIsRefused() throws Exception {
        // a wrong check character
        String good = Api.uscc();
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> registrations.submit(form(bad, username())))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).contains("uscc"));

        // already in the registry
        Map<String, Object> org = Api.organisation("ENTERPRISE", "371502");
        api.createOrganisation(org);
        assertThatThrownBy(() -> registrations.submit(form((String) org.get("uscc"), username())))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).message())
                                .isEqualTo(messages.get("portal.registration.usccRegistered", org.get("uscc"))));

        // already waiting
        Registration first = registrations.submit(form(good, username()));
        assertThat(first.status()).isEqualTo(Registration.Status.PENDING);
        assertThatThrownBy(() -> registrations.submit(form(good.toLowerCase(), username())))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).message())
                                .isEqualTo(messages.get("portal.registration.usccPending", good)));

        // rejected with a reason, the code may apply again
        assertThatThrownBy(() -> registrations.reject(first.id(), "", ADMIN)).isInstanceOf(DomainException.class);
        assertThat(registrations.reject(first.id(), "材料不全", ADMIN).status()).isEqualTo(Registration.Status.REJECTED);
        assertThat(registrations.submit(form(good, username())).status()).isEqualTo(Registration.Status.PENDING);
    }

    @Test
    void anOfficerApprovesAndTheApplicantSetsThePasswordOnceThenSignsIn() throws Exception {
        long staffOrg = api.createOrganisation("RESEARCH", "371502");
        Api.User staff = api.createUser("INSTITUTE_STAFF", staffOrg, null);
        String staffToken = api.token(staff.username(), Api.PASSWORD);
        String username = username();
        String uscc = Api.uscc();

        // the public form, without an account
        mvc.perform(post("/portal/register")
                        .with(csrf())
                        .param("uscc", uscc)
                        .param("name", Api.unique("门户注册"))
                        .param("kind", "SERVICE")
                        .param("county", "371502")
                        .param("contactName", "李四")
                        .param("contactPhone", "13800000000")
                        .param("username", username))
                .andExpect(status().isOk());
        Registration r = registrations
                .list(Registration.Status.PENDING, org.gongtong.platform.PageRequest.of(0, 200), ADMIN)
                .content()
                .stream()
                .filter(x -> x.uscc().equals(uscc))
                .findFirst()
                .orElseThrow();

        // the staff is told a registration waits
        assertThat(api.getJson("/api/v1/notifications?module=portal&category=TASK", staffToken)
                        .toString())
                .contains("/portal/admin/registrations/" + r.id());

        // a county officer of another county may not decide it
        Actor elsewhere = new Actor(9, "c", "c", Role.COUNTY_OFFICER, staffOrg, "371521");
        assertThatThrownBy(() -> registrations.approve(r.id(), elsewhere))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));

        Registration.Approval a = registrations.approve(r.id(), ADMIN);
        assertThat(registry.find(a.organisationId()).uscc()).isEqualTo(uscc);
        assertThat(accounts.find(a.userId()).orElseThrow().role()).isEqualTo(Role.SERVICE_USER);
        assertThat(accounts.find(a.userId()).orElseThrow().organisationId()).isEqualTo(a.organisationId());
        assertThatThrownBy(() -> registrations.approve(r.id(), ADMIN))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

        // the one-time link
        mvc.perform(get(a.passwordLink())).andExpect(status().isOk());
        mvc.perform(post(a.passwordLink())
                        .with(csrf())
                        .param("password", "New#Pass2026")
                        .param("confirm", "New#Pass2026"))
                .andExpect(status().is3xxRedirection());
        String token = api.token(username, "New#Pass2026");
        assertThat(api.getJson("/api/v1/notifications?category=RESULT", token).toString())
                .contains("已批准");
        mvc.perform(get(a.passwordLink())).andExpect(status().isNotFound());
    }

    @Test
    void onlyAnAdministratorIssuesAPasswordLinkAndItWorksOnce() throws Exception {
        long orgId = api.createOrganisation("ENTERPRISE", "371502");
        Api.User u = api.createUser("ENTERPRISE_USER", orgId, null);
        Actor enterprise = new Actor(u.id(), u.username(), "u", Role.ENTERPRISE_USER, orgId, null);
        mvc.perform(post("/portal/admin/password-links")
                        .with(org.gongtong.identity.TestActors.as(enterprise))
                        .with(csrf())
                        .param("username", u.username()))
                .andExpect(status().isForbidden());
        String page = mvc.perform(post("/portal/admin/password-links")
                        .with(org.gongtong.identity.TestActors.as(ADMIN))
                        .with(csrf())
                        .param("username", u.username()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("/portal/reset/[A-Za-z0-9_-]+").matcher(page);
        assertThat(m.find()).isTrue();
        String link = m.group();
        // a password the policy refuses keeps the link usable
        mvc.perform(post(link).with(csrf()).param("password", "short").param("confirm", "short"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(link).with(csrf()).param("password", "Reset#Pass2026").param("confirm", "Reset#Pass2026"))
                .andExpect(status().is3xxRedirection());
        api.token(u.username(), "Reset#Pass2026");
        mvc.perform(post(link).with(csrf()).param("password", "Other#Pass2026").param("confirm", "Other#Pass2026"))
                .andExpect(status().isNotFound());
    }
}
