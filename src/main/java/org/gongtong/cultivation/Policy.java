package org.gongtong.cultivation;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy of the library. {@code documentNumber} is null for demo records: a demo policy never
 * shows an invented number as if it were real.
 */
public record Policy(
        Long id,
        String title,
        String issuer,
        String documentNumber,
        LocalDate validFrom,
        LocalDate validTo,
        String benefit,
        List<PolicyCondition> conditions,
        boolean demo,
        Integer version) {

    public boolean inForce(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
