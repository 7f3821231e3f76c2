package org.gongtong.talent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One appointment: a person of a home organisation serving a host organisation for a term. For a
 * dual-mentor appointment the person is the industry mentor, with the student and the academic
 * mentor named. {@code reportsDue} and {@code reportsFiled} count the periodic reports at the day
 * it was read; {@code expiring} and {@code reportsMissing} are the flags.
 */
public record Appointment(
        long id,
        Programme programme,
        String personName,
        long homeOrgId,
        String homeOrgName,
        long hostOrgId,
        String hostOrgName,
        String hostCounty,
        LocalDate startsOn,
        LocalDate endsOn,
        String duties,
        String agreedOutputs,
        String expertise,
        String industry,
        String studentName,
        String academicMentor,
        boolean paidPartTime,
        int reportEveryMonths,
        String status,
        String evaluation,
        String evaluationNote,
        LocalDate evaluatedOn,
        int reportsDue,
        int reportsFiled,
        boolean expiring,
        boolean reportsMissing,
        boolean demo,
        Instant createdAt) {}
