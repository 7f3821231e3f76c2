package org.gongtong.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a person or an import row supplies for an organisation. {@code county} and
 * {@code industry} accept a code or a Chinese name; {@code kind} a code, element or label.
 */
public record OrganisationForm(
        String name,
        String kind,
        String uscc,
        String county,
        String industry,
        String industryClass,
        String address,
        String contactName,
        String contactPhone,
        String contactEmail,
        LocalDate foundedOn,
        Integer employees,
        BigDecimal annualRevenue,
        BigDecimal registeredCapital,
        String description,
        Integer version) {

    public static OrganisationForm of(String name, String kind, String uscc, String county, String industry) {
        return new OrganisationForm(
                name, kind, uscc, county, industry, null, null, null, null, null, null, null, null, null, null, null);
    }

    public OrganisationForm withVersion(Integer v) {
        return new OrganisationForm(
                name,
                kind,
                uscc,
                county,
                industry,
                industryClass,
                address,
                contactName,
                contactPhone,
                contactEmail,
                foundedOn,
                employees,
                annualRevenue,
                registeredCapital,
                description,
                v);
    }

    public static OrganisationForm from(Organisation o) {
        return new OrganisationForm(
                o.name(),
                o.kind().name(),
                o.uscc(),
                o.county(),
                o.industry(),
                o.industryClass(),
                o.address(),
                o.contactName(),
                o.contactPhone(),
                o.contactEmail(),
                o.foundedOn(),
                o.employees(),
                o.annualRevenue(),
                o.registeredCapital(),
                o.description(),
                o.version());
    }
}
