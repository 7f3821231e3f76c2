package org.gongtong.insight.internal;

import java.util.List;
import org.gongtong.identity.Actor;
import org.gongtong.identity.OrganisationDirectory;
import org.gongtong.identity.Role;
import org.gongtong.insight.IndicatorScope;
import org.gongtong.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Who sees which dashboard: the leading group's roles (city and institute staff, administrators,
 * council members) every scope; a county officer only its own county; nobody else any.
 */
@Component
public class Access {

    private final OrganisationDirectory directory;

    Access(OrganisationDirectory directory) {
        this.directory = directory;
    }

    public static boolean seesCity(Actor a) {
        return a.citywide() || a.role() == Role.COUNCIL_MEMBER;
    }

    /** Does {@code a} see any dashboard at all (the city's, or a county officer its own county's)? */
    public static boolean seesAny(Actor a) {
        return seesCity(a) || (a.role() == Role.COUNTY_OFFICER && a.county() != null);
    }

    public List<OrganisationDirectory.CountyRef> counties() {
        return directory.counties();
    }

    /** The scope asked for ({@code city} or {@code county} with a code), checked against the actor. */
    public IndicatorScope scope(Actor a, String scope, String county) {
        boolean countyScope =
                "county".equalsIgnoreCase(scope) || (scope == null && county != null && !county.isBlank());
        if (scope != null && !scope.isBlank() && !countyScope && !"city".equalsIgnoreCase(scope)) {
            throw DomainException.invalid("scope", "insight.scopeInvalid", scope);
        }
        if (countyScope) {
            if (county == null || county.isBlank()) {
                throw DomainException.invalid("county", "insight.countyRequired");
            }
            String code = county.strip();
            if (directory.counties().stream()
                    .noneMatch(c -> c.code().equals(code) || c.name().equals(code))) {
                throw DomainException.invalid("county", "insight.countyUnknown", code);
            }
            String resolved = directory.counties().stream()
                    .filter(c -> c.code().equals(code) || c.name().equals(code))
                    .findFirst()
                    .orElseThrow()
                    .code();
            if (seesCity(a)) {
                return IndicatorScope.county(resolved);
            }
            if (a.role() == Role.COUNTY_OFFICER && resolved.equals(a.county())) {
                return IndicatorScope.county(resolved);
            }
            throw DomainException.forbidden("problem.forbidden");
        }
        if (seesCity(a)) {
            return IndicatorScope.CITY;
        }
        throw DomainException.forbidden("problem.forbidden");
    }

    /** The scope a page opens with when none is asked for: the county officer's own county. */
    public IndicatorScope defaultScope(Actor a, String county) {
        if ((county == null || county.isBlank()) && a.role() == Role.COUNTY_OFFICER && a.county() != null) {
            return scope(a, "county", a.county());
        }
        return scope(a, county == null || county.isBlank() ? "city" : "county", county);
    }

    public String countyName(String code) {
        return directory.counties().stream()
                .filter(c -> c.code().equals(code))
                .map(OrganisationDirectory.CountyRef::name)
                .findFirst()
                .orElse(code);
    }
}
