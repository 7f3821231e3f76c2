package org.gongtong.grants;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records and states of the grants module, as the API and pages show them. */
public final class GrantRecords {

    private GrantRecords() {}

    public enum TargetType {
        PROGRAMME,
        INSTITUTION,
        ORGANISATION
    }

    public enum MovementKind {
        COMMIT,
        CARVE,
        PAY,
        RELEASE,
        CLAW_BACK
    }

    public enum ProgrammeStatus {
        DRAFT,
        OPEN,
        CLOSED
    }

    public enum ApplicationStatus {
        DRAFT,
        SUBMITTED,
        RETURNED,
        IN_REVIEW,
        APPROVED,
        REJECTED,
        WITHDRAWN
    }

    public enum AwardStatus {
        ACTIVE,
        CLOSED,
        TERMINATED
    }

    public enum ReportStatus {
        NONE,
        SUBMITTED,
        APPROVED
    }

    public enum TrancheStatus {
        SCHEDULED,
        APPROVED,
        PAID,
        RETURNED,
        CANCELLED
    }

    public enum Outcome {
        PAY_NEXT,
        PAY_REDUCED,
        WITHHOLD,
        CLAW_BACK
    }

    /** Performance indicators of a target agreement (目标绩效). */
    public enum IndicatorKind {
        RND_SPEND,
        RESULTS_TRANSFERRED,
        INCUBATED_FIRMS,
        TALENTS,
        CONTRACT_REVENUE
    }

    public record FundYear(int year, BigDecimal budget, BigDecimal committed, BigDecimal paid, BigDecimal available) {}

    public record FundSummary(
            long fundId,
            String name,
            BigDecimal total,
            BigDecimal budgeted,
            BigDecimal committed,
            BigDecimal paid,
            BigDecimal available,
            List<FundYear> years) {}

    public record Allocation(
            long id,
            long fundId,
            int year,
            TargetType targetType,
            long targetId,
            String targetName,
            Long targetOrgId,
            String county,
            BigDecimal amount,
            BigDecimal paid,
            BigDecimal committed,
            String purpose,
            Long parentId,
            Long grantId,
            Instant createdAt) {}

    public record Movement(
            long id,
            int year,
            long allocationId,
            String targetName,
            MovementKind kind,
            BigDecimal amount,
            Long trancheId,
            String note,
            Instant occurredAt) {}

    public record Programme(
            long id,
            String name,
            String description,
            Long fundId,
            int fundYear,
            BigDecimal maxAmount,
            BigDecimal countyMatchRatio,
            List<String> eligibleKinds,
            boolean integrityBlocking,
            List<String> blindedFields,
            ProgrammeStatus status,
            Long ownerOrgId,
            boolean demo,
            List<Round> rounds,
            List<Stage> stages,
            List<Criterion> criteria) {}

    public record Round(long id, String name, LocalDate opensOn, LocalDate closesOn) {}

    public record Stage(long id, int seq, String name, BigDecimal passScore) {}

    public record Criterion(long id, String name, BigDecimal weight, int maxScore) {}

    public record Application(
            long id,
            long programmeId,
            String programmeName,
            Long roundId,
            long applicantOrgId,
            String applicantName,
            String applicantUscc,
            String applicantCounty,
            String applicantKind,
            String applicantAddress,
            String contactName,
            String contactPhone,
            Integer employees,
            BigDecimal annualRevenue,
            String title,
            String summary,
            String team,
            String workPlan,
            BigDecimal requestedAmount,
            ApplicationStatus status,
            Integer stageSeq,
            String returnReason,
            int version,
            Instant submittedAt,
            Instant updatedAt) {}

    public record Version(
            long id, int version, String event, String snapshot, String reason, String actor, Instant at) {}

    public record IntegrityRecord(
            long id,
            long organisationId,
            String severity,
            String description,
            LocalDate recordedOn,
            LocalDate validUntil) {}

    public record Assignment(
            long id,
            long applicationId,
            int stageSeq,
            long reviewerUserId,
            String reviewerName,
            String status,
            String comment,
            Instant assignedAt,
            Instant submittedAt) {}

    /** One application's place in a stage: the running score (weighted, 0–100) over submitted reviews. */
    public record Ranking(
            long applicationId,
            String applicantName,
            String title,
            BigDecimal requestedAmount,
            ApplicationStatus status,
            int reviewsSubmitted,
            int reviewsAssigned,
            BigDecimal score,
            int rank) {}

    public record Award(
            long id,
            long applicationId,
            long programmeId,
            long granteeOrgId,
            String granteeName,
            String county,
            BigDecimal amount,
            BigDecimal countyAmount,
            String conditions,
            Long allocationId,
            AwardStatus status,
            String finalReport,
            ReportStatus finalReportStatus,
            LocalDate decidedOn) {}

    public record Target(long id, IndicatorKind indicator, int year, BigDecimal targetValue, BigDecimal weight) {}

    public record Tranche(
            long id,
            long awardId,
            int seq,
            BigDecimal amount,
            BigDecimal countyAmount,
            LocalDate dueOn,
            Integer conditionYear,
            BigDecimal conditionMinScore,
            TrancheStatus status,
            String note,
            LocalDate paidOn,
            String granteeName) {}

    public record AssessmentLine(
            long targetId,
            IndicatorKind indicator,
            BigDecimal target,
            BigDecimal actual,
            BigDecimal weight,
            BigDecimal part) {}

    public record Assessment(
            long id,
            long awardId,
            int year,
            BigDecimal score,
            Outcome outcome,
            BigDecimal cityPayable,
            BigDecimal countyPayable,
            BigDecimal clawedBack,
            String rules,
            LocalDate assessedOn,
            List<AssessmentLine> lines) {}
}
