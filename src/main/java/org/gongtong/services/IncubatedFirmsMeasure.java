package org.gongtong.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.platform.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grant indicator "incubated firms": the firms whose stay in an incubator the grantee runs overlaps
 * the grant year, graduated and exited ones included.
 */
@Component
class IncubatedFirmsMeasure implements PerformanceMeasure {

    private final JdbcClient jdbc;
    private final Messages messages;

    IncubatedFirmsMeasure(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public IndicatorKind indicator() {
        return IndicatorKind.INCUBATED_FIRMS;
    }

    @Override
    public Optional<Reading> read(long organisationId, LocalDate from, LocalDate to) {
        long firms = jdbc.sql("""
                        SELECT COUNT(DISTINCT e.organisation_id) FROM incubatee e JOIN incubator i ON i.id = e.incubator_id
                        WHERE i.operator_id = :o AND e.entry_date < :to AND (e.left_on IS NULL OR e.left_on >= :from)""")
                .param("o", organisationId)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        return Optional.of(new Reading(
                BigDecimal.valueOf(firms),
                messages.get(
                        "services.measure.incubatedFirms",
                        from.toString(),
                        to.minusDays(1).toString(),
                        firms)));
    }
}
