package org.gongtong.governance;

import java.time.Instant;
import java.time.LocalDate;

/** The council's rows as the service, pages and API see them. */
public final class GovernanceRecords {

    private GovernanceRecords() {}

    /** Chair (the vice-mayor in charge) or member from a department, the institute, 聊城大学, an enterprise or a bank. */
    public enum Category {
        CHAIR,
        DEPARTMENT,
        INSTITUTE,
        UNIVERSITY,
        ENTERPRISE,
        FINANCE
    }

    public record Member(
            long id,
            String name,
            String affiliation,
            Category category,
            Long userId,
            Long organisationId,
            LocalDate termStart,
            LocalDate termEnd,
            boolean demo) {

        public boolean inOfficeOn(LocalDate day) {
            return !day.isBefore(termStart) && !day.isAfter(termEnd);
        }
    }

    public record Meeting(long id, String title, LocalDate heldOn, String location, String status, boolean demo) {}

    public record Motion(
            long id,
            long meetingId,
            String title,
            MotionKind kind,
            MotionStatus status,
            String candidate,
            Long annualPlanId,
            Integer votesFor,
            Integer against,
            Integer abstentions,
            Integer present,
            Integer eligible,
            Instant openedAt,
            Instant closedAt) {}

    public record Recusal(long memberId, String memberName, String reason) {}

    public record Vote(long memberId, String memberName, Choice choice, String castBy, Instant castAt) {}

    public record AnnualPlan(
            long id,
            int year,
            String title,
            String content,
            String status,
            int revision,
            String contentHash,
            Instant adoptedAt,
            boolean demo) {}
}
