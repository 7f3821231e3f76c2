package org.gongtong.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.platform.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grant indicator "talents": the people appointed to the grantee (industry professors, science
 * commissioners, technology vice-presidents, dual mentors) whose term overlaps the grant year, each
 * person once.
 */
@Component
class TalentsMeasure implements PerformanceMeasure {

    private final JdbcClient jdbc;
    private final Messages messages;

    TalentsMeasure(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public IndicatorKind indicator() {
        return IndicatorKind.TALENTS;
    }

    @Override
    public Optional<Reading> read(long organisationId, LocalDate from, LocalDate to) {
        long people = jdbc.sql("""
                        SELECT COUNT(DISTINCT person_name) FROM talent_appointment
                        WHERE host_org_id = :o AND starts_on < :to AND ends_on >= :from""")
                .param("o", organisationId)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        return Optional.of(new Reading(
                BigDecimal.valueOf(people),
                messages.get(
                        "talent.measure.talents",
                        from.toString(),
                        to.minusDays(1).toString(),
                        people)));
    }
}
