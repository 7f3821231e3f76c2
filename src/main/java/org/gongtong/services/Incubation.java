package org.gongtong.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The incubation records: incubators, cohorts, incubatees and their monthly KPIs. */
public final class Incubation {

    private Incubation() {}

    public record Incubator(
            long id,
            String name,
            long operatorId,
            String operatorName,
            String industry,
            String address,
            BigDecimal spaceM2,
            long incubating,
            long graduated,
            boolean demo) {}

    public record Cohort(long id, long incubatorId, String name, LocalDate startsOn) {}

    /** One organisation's stay in an incubator, from intake to graduation or exit. */
    public record Incubatee(
            long id,
            long incubatorId,
            String incubatorName,
            Long cohortId,
            long organisationId,
            String organisationName,
            String county,
            LocalDate entryDate,
            String space,
            Map<String, Integer> intakeScores,
            Integer intakeScore,
            String status,
            LocalDate leftOn,
            String exitReason,
            boolean demo) {}

    public record Kpi(
            long incubateeId,
            String month,
            BigDecimal revenue,
            Integer staff,
            BigDecimal rndSpend,
            Integer ipCount,
            BigDecimal fundingRaised,
            String enteredBy) {}

    /**
     * The intake rubric: criteria with their maximum points; an applicant needs {@link #PASS} of 100.
     */
    public enum Criterion {
        TEAM(25),
        TECHNOLOGY(25),
        MARKET(20),
        INDUSTRY_FIT(15),
        FUNDING(15);

        public final int max;

        Criterion(int max) {
            this.max = max;
        }
    }

    public static final int PASS = 60;
}
