package org.gongtong.grants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongtong.grants.GrantRecords.Award;
import org.gongtong.grants.GrantRecords.IndicatorKind;
import org.gongtong.grants.GrantRecords.Target;
import org.gongtong.identity.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform's records say about a grant's targets of one grant year: grant year N runs from the
 * decision date plus N − 1 years to the decision date plus N years. The assessment sheet offers these
 * readings as the actual values; the officer confirms or enters others, and the assessment records what
 * was entered.
 */
@Service
public class PerformanceReadings {

    /** A target with the value read for it, if a module reads its indicator. */
    public record TargetReading(
            long targetId, IndicatorKind indicator, LocalDate from, LocalDate to, PerformanceMeasure.Reading reading) {}

    private final Awards awards;
    private final Map<IndicatorKind, PerformanceMeasure> measures = new EnumMap<>(IndicatorKind.class);

    PerformanceReadings(Awards awards, ObjectProvider<PerformanceMeasure> measures) {
        this.awards = awards;
        measures.orderedStream().forEach(m -> {
            if (this.measures.putIfAbsent(m.indicator(), m) != null) {
                throw new IllegalStateException("two modules read " + m.indicator());
            }
        });
    }

    /** The readings for the targets of grant year {@code year}; officers only, as the assessment is. */
    @Transactional(readOnly = true)
    public List<TargetReading> read(long awardId, int year, Actor actor) {
        GrantsAccess.requireOfficer(actor);
        Award award = awards.award(awardId, actor);
        LocalDate from = award.decidedOn().plusYears(year - 1L);
        LocalDate to = award.decidedOn().plusYears(year);
        List<TargetReading> out = new ArrayList<>();
        for (Target t : awards.targets(awardId, actor)) {
            if (t.year() != year) {
                continue;
            }
            PerformanceMeasure m = measures.get(t.indicator());
            out.add(new TargetReading(
                    t.id(),
                    t.indicator(),
                    from,
                    to,
                    m == null ? null : m.read(award.granteeOrgId(), from, to).orElse(null)));
        }
        return out;
    }
}
