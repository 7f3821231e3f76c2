package org.gongtong.cultivation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.PerformanceMeasure;
import org.gongtong.platform.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grant indicator "R&D spend": the total R&D expenses of the grantee's annual figures for the
 * fiscal year that overlaps the grant year most (a grant year rarely starts on 1 January; the
 * figures are filed per fiscal year). Nothing filed for that year reads as nothing, not as zero.
 */
@Component
class RndSpendMeasure implements PerformanceMeasure {

    private final JdbcClient jdbc;
    private final Messages messages;

    RndSpendMeasure(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public IndicatorKind indicator() {
        return IndicatorKind.RND_SPEND;
    }

    /** The calendar year with the most days in {@code [from, to)}; the later one on a tie. */
    static int fiscalYear(LocalDate from, LocalDate to) {
        int best = from.getYear();
        long most = -1;
        for (int y = from.getYear(); y <= to.minusDays(1).getYear(); y++) {
            LocalDate start = from.isAfter(LocalDate.of(y, 1, 1)) ? from : LocalDate.of(y, 1, 1);
            LocalDate end = to.isBefore(LocalDate.of(y + 1, 1, 1)) ? to : LocalDate.of(y + 1, 1, 1);
            long days = ChronoUnit.DAYS.between(start, end);
            if (days >= most) {
                most = days;
                best = y;
            }
        }
        return best;
    }

    @Override
    public Optional<Reading> read(long organisationId, LocalDate from, LocalDate to) {
        int year = fiscalYear(from, to);
        return jdbc.sql("SELECT rnd_total FROM cultivation_figures WHERE organisation_id = :o AND fiscal_year = :y")
                .param("o", organisationId)
                .param("y", year)
                .query(BigDecimal.class)
                .optional()
                .map(v ->
                        new Reading(v.setScale(2), messages.get("cultivation.measure.rndSpend", String.valueOf(year))));
    }
}
