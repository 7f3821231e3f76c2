package org.gongtong.capital;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Partner-bank agreements, filed loans and the pool ledger of the loan risk-compensation scheme. */
public final class RiskRecords {

    private RiskRecords() {}

    public enum LoanStatus {
        FILED,
        ACTIVE,
        ANOMALY,
        CLAIMED,
        PAID,
        RECOVERING,
        CLOSED,
        WRITTEN_OFF
    }

    public enum Payer {
        PROVINCE,
        CITY,
        COUNTY
    }

    public record Agreement(
            long id,
            long bankOrgId,
            String bankName,
            String name,
            BigDecimal provinceShare,
            BigDecimal cityShare,
            BigDecimal bankShare,
            BigDecimal earlyProvinceShare,
            BigDecimal earlyCityShare,
            BigDecimal earlyBankShare,
            LocalDate signedOn) {

        public boolean hasEarlyStageShares() {
            return earlyProvinceShare != null;
        }
    }

    public record Loan(
            long id,
            long agreementId,
            long bankOrgId,
            String bankName,
            long borrowerOrgId,
            String borrowerName,
            BigDecimal principal,
            BigDecimal countedPrincipal,
            BigDecimal rate,
            int termMonths,
            LocalDate disbursementDate,
            LocalDate filingDate,
            boolean earlyStage,
            BigDecimal provinceShare,
            BigDecimal cityShare,
            BigDecimal bankShare,
            LoanStatus status,
            LocalDate claimedOn,
            BigDecimal lossPrincipal,
            LossSharing.Parts parts,
            BigDecimal paid,
            BigDecimal waiting,
            BigDecimal recovered,
            LossSharing.Parts returned,
            boolean demo,
            int version,
            Instant updatedAt) {}

    public record LedgerEntry(
            long id,
            LocalDate date,
            String kind,
            Payer payer,
            Long loanId,
            BigDecimal amount,
            BigDecimal balanceAfter,
            String note,
            Instant createdAt) {}
}
