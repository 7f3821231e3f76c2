package org.gongtong.capital;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.gongtong.capital.RiskRecords.Agreement;
import org.gongtong.capital.RiskRecords.LedgerEntry;
import org.gongtong.capital.RiskRecords.Loan;
import org.gongtong.capital.RiskRecords.LoanStatus;
import org.gongtong.capital.RiskRecords.Payer;
import org.gongtong.insight.Totals;
import org.gongtong.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Filed loans and the pool account. The pool balance changes only through conditional UPDATEs on
 * its locked row (and a CHECK constraint backs them), so no interleaving of claims can take it
 * below zero.
 */
@Repository
class Loans {

    private static final String SELECT = """
            SELECT l.id, l.agreement_id, l.bank_org_id, b.name, l.borrower_org_id, e.name, l.principal,
              l.counted_principal, l.rate, l.term_months, l.disbursed_on, l.filed_on, l.early_stage,
              l.province_share, l.city_share, l.bank_share, l.status, l.claimed_on, l.loss_principal,
              l.part_province, l.part_city, l.part_bank, l.paid, l.waiting, l.recovered,
              l.returned_province, l.returned_city, l.returned_bank, l.demo, l.version, l.updated_at
            FROM risk_loan l JOIN organisation b ON b.id = l.bank_org_id
            JOIN organisation e ON e.id = l.borrower_org_id""";

    private final JdbcClient jdbc;
    private final Totals totals;

    Loans(JdbcClient jdbc, Totals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    long insert(
            Agreement a,
            long borrower,
            BigDecimal principal,
            BigDecimal counted,
            BigDecimal rate,
            int term,
            LocalDate disbursed,
            LocalDate filed,
            boolean early,
            BigDecimal[] shares,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO risk_loan (agreement_id, bank_org_id, borrower_org_id, principal, counted_principal,
                          rate, term_months, disbursed_on, filed_on, early_stage, province_share, city_share,
                          bank_share, status, demo, created_at, updated_at)
                        VALUES (:a, :bank, :borrower, :principal, :counted, :rate, :term, :disbursed, :filed, :early,
                          :p, :c, :b, 'FILED', :demo, :at, :at)""")
                .param("a", a.id())
                .param("bank", a.bankOrgId())
                .param("borrower", borrower)
                .param("principal", principal)
                .param("counted", counted)
                .param("rate", rate)
                .param("term", term)
                .param("disbursed", disbursed)
                .param("filed", filed)
                .param("early", early)
                .param("p", shares[0])
                .param("c", shares[1])
                .param("b", shares[2])
                .param("demo", demo)
                .param("at", Sql.timestamp(now))
                .update(keys, "id");
        totals.changed("risk_loan");
        return keys.getKey().longValue();
    }

    Optional<Loan> find(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id")
                .param("id", id)
                .query(Loans::row)
                .optional();
    }

    /** Locks the loan's row for the rest of the transaction. */
    boolean lock(long id) {
        return jdbc.sql("SELECT id FROM risk_loan WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    List<Loan> list(Long bankOrgId, LoanStatus status) {
        String where = " WHERE 1 = 1" + (bankOrgId == null ? "" : " AND l.bank_org_id = :bank")
                + (status == null ? "" : " AND l.status = :status");
        var spec = jdbc.sql(SELECT + where + " ORDER BY l.filed_on DESC, l.id DESC");
        if (bankOrgId != null) {
            spec = spec.param("bank", bankOrgId);
        }
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query(Loans::row).list();
    }

    /** Loans whose claims wait for money, oldest claim first. */
    List<Long> waitingIds() {
        return jdbc.sql("SELECT id FROM risk_loan WHERE status = 'CLAIMED' AND waiting > 0 ORDER BY claimed_on, id")
                .query(Long.class)
                .list();
    }

    /** The counted principal already filed for a borrower's loans disbursed in a year. */
    BigDecimal countedInYear(long borrower, int year) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(counted_principal), 0) FROM risk_loan
                        WHERE borrower_org_id = :b AND disbursed_on >= :from AND disbursed_on < :to""")
                .param("b", borrower)
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(BigDecimal.class)
                .single();
    }

    boolean setStatus(long id, LoanStatus from, LoanStatus to, Instant now) {
        var written = jdbc.sql("""
                        UPDATE risk_loan SET status = :to, version = version + 1, updated_at = :at
                        WHERE id = :id AND status = :from""")
                        .param("to", to.name())
                        .param("from", from.name())
                        .param("id", id)
                        .param("at", Sql.timestamp(now))
                        .update()
                == 1;
        totals.changed("risk_loan");
        return written;
    }

    void recordClaim(
            long id,
            LocalDate date,
            BigDecimal loss,
            LossSharing.Parts parts,
            BigDecimal paid,
            BigDecimal waiting,
            LoanStatus status,
            Instant now) {
        jdbc.sql("""
                        UPDATE risk_loan SET claimed_on = :d, loss_principal = :loss, part_province = :p,
                          part_city = :c, part_bank = :b, paid = :paid, waiting = :waiting, status = :status,
                          version = version + 1, updated_at = :at
                        WHERE id = :id""")
                .param("d", date)
                .param("loss", loss)
                .param("p", parts.province())
                .param("c", parts.city())
                .param("b", parts.bank())
                .param("paid", paid)
                .param("waiting", waiting)
                .param("status", status.name())
                .param("at", Sql.timestamp(now))
                .param("id", id)
                .update();
        totals.changed("risk_loan");
    }

    void recordPayment(long id, BigDecimal amount, Instant now) {
        jdbc.sql("""
                        UPDATE risk_loan SET paid = paid + :x, waiting = waiting - :x,
                          status = CASE WHEN waiting - :x = 0 THEN 'PAID' ELSE status END,
                          version = version + 1, updated_at = :at
                        WHERE id = :id AND waiting >= :x""")
                .param("x", amount)
                .param("at", Sql.timestamp(now))
                .param("id", id)
                .update();
        totals.changed("risk_loan");
    }

    void recordRecovery(long id, BigDecimal amount, LossSharing.Parts returned, Instant now) {
        jdbc.sql("""
                        UPDATE risk_loan SET recovered = recovered + :x, returned_province = returned_province + :p,
                          returned_city = returned_city + :c, returned_bank = returned_bank + :b,
                          status = 'RECOVERING', version = version + 1, updated_at = :at
                        WHERE id = :id""")
                .param("x", amount)
                .param("p", returned.province())
                .param("c", returned.city())
                .param("b", returned.bank())
                .param("at", Sql.timestamp(now))
                .param("id", id)
                .update();
        totals.changed("risk_loan");
    }

    // pool account

    /** Locks the pool row and reads its balance. */
    BigDecimal lockBalance() {
        return jdbc.sql("SELECT balance FROM risk_pool WHERE id = 1 FOR UPDATE")
                .query(BigDecimal.class)
                .single();
    }

    BigDecimal balance() {
        return jdbc.sql("SELECT balance FROM risk_pool WHERE id = 1")
                .query(BigDecimal.class)
                .single();
    }

    /** Takes money out only if it is there; false when the balance is short. */
    boolean debit(BigDecimal amount) {
        return jdbc.sql("UPDATE risk_pool SET balance = balance - :x WHERE id = 1 AND balance >= :x")
                        .param("x", amount)
                        .update()
                == 1;
    }

    void credit(BigDecimal amount) {
        jdbc.sql("UPDATE risk_pool SET balance = balance + :x WHERE id = 1")
                .param("x", amount)
                .update();
    }

    void ledger(LocalDate date, String kind, Payer payer, Long loanId, BigDecimal amount, String note, Instant now) {
        jdbc.sql("""
                        INSERT INTO risk_pool_entry (entry_date, entry_kind, payer, loan_id, amount, balance_after, note,
                          created_at)
                        VALUES (:d, :kind, :payer, :loan, :amount, (SELECT balance FROM risk_pool WHERE id = 1), :note,
                          :at)""")
                .param("d", date)
                .param("kind", kind)
                .param("payer", payer == null ? null : payer.name())
                .param("loan", loanId)
                .param("amount", amount)
                .param("note", note)
                .param("at", Sql.timestamp(now))
                .update();
        totals.changed("risk_pool_entry");
    }

    List<LedgerEntry> ledger(Long loanId, Long bankOrgId, int limit) {
        String where = loanId != null
                ? " WHERE p.loan_id = :loan"
                : bankOrgId != null ? " WHERE p.loan_id IN (SELECT id FROM risk_loan WHERE bank_org_id = :bank)" : "";
        var spec = jdbc.sql("SELECT p.id, p.entry_date, p.entry_kind, p.payer, p.loan_id, p.amount, p.balance_after,"
                + " p.note, p.created_at FROM risk_pool_entry p" + where
                + " ORDER BY p.id DESC FETCH FIRST :n ROWS ONLY");
        if (loanId != null) {
            spec = spec.param("loan", loanId);
        } else if (bankOrgId != null) {
            spec = spec.param("bank", bankOrgId);
        }
        return spec.param("n", limit)
                .query((rs, n) -> {
                    long loan = rs.getLong(5);
                    Long loanRef = rs.wasNull() ? null : loan;
                    String payer = rs.getString(4);
                    return new LedgerEntry(
                            rs.getLong(1),
                            rs.getObject(2, LocalDate.class),
                            rs.getString(3),
                            payer == null ? null : Payer.valueOf(payer),
                            loanRef,
                            rs.getBigDecimal(6),
                            rs.getBigDecimal(7),
                            rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant());
                })
                .list();
    }

    /** Top-ups per payer since the start. */
    List<Object[]> topUpsByPayer() {
        return jdbc.sql("SELECT payer, SUM(amount) FROM risk_pool_entry WHERE entry_kind = 'TOP_UP' GROUP BY payer"
                        + " ORDER BY payer")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
                .list();
    }

    private static Loan row(ResultSet rs, int n) throws SQLException {
        BigDecimal pp = rs.getBigDecimal(20);
        LossSharing.Parts parts =
                pp == null ? null : new LossSharing.Parts(pp, rs.getBigDecimal(21), rs.getBigDecimal(22));
        return new Loan(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getBigDecimal(7),
                rs.getBigDecimal(8),
                rs.getBigDecimal(9),
                rs.getInt(10),
                rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class),
                rs.getBoolean(13),
                rs.getBigDecimal(14),
                rs.getBigDecimal(15),
                rs.getBigDecimal(16),
                LoanStatus.valueOf(rs.getString(17)),
                rs.getObject(18, LocalDate.class),
                rs.getBigDecimal(19),
                parts,
                rs.getBigDecimal(23),
                rs.getBigDecimal(24),
                rs.getBigDecimal(25),
                new LossSharing.Parts(rs.getBigDecimal(26), rs.getBigDecimal(27), rs.getBigDecimal(28)),
                rs.getBoolean(29),
                rs.getInt(30),
                rs.getObject(31, OffsetDateTime.class).toInstant());
    }
}
