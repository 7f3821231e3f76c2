package org.gongtong.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An enterprise-funded (horizontal) research contract with its milestones and receipts. */
public record HorizontalProject(
        long id,
        String title,
        String contractNo,
        String researcherName,
        long researcherOrgId,
        String researcherOrgName,
        long clientOrgId,
        String clientOrgName,
        LocalDate signedOn,
        BigDecimal amount,
        BigDecimal received,
        List<Milestone> milestones,
        List<Receipt> receipts,
        boolean demo) {

    public record Milestone(long id, String title, LocalDate dueOn, LocalDate doneOn) {}

    public record Receipt(long id, LocalDate receivedOn, BigDecimal amount, String note) {}
}
