package org.gongtong.capital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The rows behind a fund's figures, as the API and pages show them. */
public final class FundRecords {

    private FundRecords() {}

    /** An investor's (LP's) commitment; {@code investorFundId} set when the investor is a fund (the parent). */
    public record Commitment(
            long id,
            long fundId,
            String investorName,
            Long investorOrgId,
            Long investorFundId,
            BigDecimal amount,
            LocalDate committedOn) {}

    /** Call: investment + fees + expenses; distribution: return of capital + gains + income. */
    public record Breakdown(
            BigDecimal investment,
            BigDecimal fees,
            BigDecimal expenses,
            BigDecimal returnOfCapital,
            BigDecimal gains,
            BigDecimal income) {

        public boolean empty() {
            return investment == null
                    && fees == null
                    && expenses == null
                    && returnOfCapital == null
                    && gains == null
                    && income == null;
        }
    }

    public record Share(long commitmentId, String investorName, BigDecimal amount) {}

    public record CashFlow(
            long id,
            long fundId,
            LocalDate date,
            FlowType type,
            BigDecimal amount,
            Breakdown breakdown,
            String note,
            List<Share> shares) {}

    public record Valuation(long id, long fundId, LocalDate date, BigDecimal nav) {}

    public enum InvestmentType {
        INITIAL,
        FOLLOW_ON,
        EXIT,
        WRITE_OFF
    }

    public record Investment(
            long id,
            long fundId,
            long organisationId,
            String organisationName,
            LocalDate date,
            InvestmentType type,
            BigDecimal amount,
            boolean localTarget) {}
}
