package org.gongtong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActorTest {

    static final long OWN = 10;
    static final long OTHER = 20;
    static final String X = "371502";
    static final String Y = "371503";

    static Actor actor(Role role, Long org, String county) {
        return new Actor(1, "u", "U", role, org, county);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"ADMIN", "CITY_OFFICER", "INSTITUTE_STAFF"})
    void citywideRolesSeeAndEditEverything(Role role) {
        Actor a = actor(role, role == Role.ADMIN ? null : OWN, null);
        assertThat(a.citywide()).isTrue();
        for (String county : new String[] {X, Y, null}) {
            assertThat(a.canSeePrivateOf(OTHER, county)).isTrue();
            assertThat(a.canEdit(OTHER, county)).isTrue();
        }
        assertThat(a.canRegisterOrganisations()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"COUNCIL_MEMBER", "ENTERPRISE_USER", "ACADEMIC_USER", "FINANCE_USER", "SERVICE_USER", "REVIEWER"})
    void organisationRolesSeeAndEditOnlyTheirOwn(Role role) {
        Actor a = actor(role, OWN, null);
        assertThat(a.citywide()).isFalse();
        assertThat(a.canSeePrivateOf(OWN, X)).isTrue();
        assertThat(a.canEdit(OWN, X)).isTrue();
        assertThat(a.canSeePrivateOf(OTHER, X)).isFalse();
        assertThat(a.canEdit(OTHER, X)).isFalse();
        assertThat(a.canSeePrivateOf(OTHER, null)).isFalse();
        assertThat(a.canRegisterOrganisations()).isFalse();
    }

    @Test
    void countyOfficerSeesAndEditsItsCountyOnly() {
        Actor a = actor(Role.COUNTY_OFFICER, OWN, X);
        assertThat(a.canSeePrivateOf(OTHER, X)).isTrue();
        assertThat(a.canEdit(OTHER, X)).isTrue();
        assertThat(a.canRegisterOrganisations()).isTrue();
    }

    @Test
    void countyOfficerOfAnotherCountySeesNothingPrivate() {
        Actor a = actor(Role.COUNTY_OFFICER, OWN, Y);
        assertThat(a.canSeePrivateOf(OTHER, X)).isFalse();
        assertThat(a.canEdit(OTHER, X)).isFalse();
        assertThat(a.canSeePrivateOf(OTHER, null)).isFalse();
        assertThat(a.canEdit(OTHER, null)).isFalse();
    }

    @Test
    void countyOfficerStillSeesAndEditsItsOwnOrganisation() {
        // every non-admin user sees its own organisation's private data, wherever it is registered
        Actor a = actor(Role.COUNTY_OFFICER, OWN, Y);
        assertThat(a.canSeePrivateOf(OWN, X)).isTrue();
        assertThat(a.canEdit(OWN, X)).isTrue();
        assertThat(a.canSeePrivateOf(OWN, null)).isTrue();
    }

    @Test
    void userWithoutOrganisationSeesNothingPrivate() {
        Actor a = actor(Role.ENTERPRISE_USER, null, null);
        assertThat(a.canSeePrivateOf(OWN, X)).isFalse();
        assertThat(a.canEdit(OWN, X)).isFalse();
    }

    @Test
    void systemIsAnAdministrator() {
        assertThat(Actor.SYSTEM.isAdmin()).isTrue();
        assertThat(Actor.SYSTEM.username()).isEqualTo("system");
    }
}
