package org.gongtong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskPoolApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.admin();
    }

    private long bankWithAgreement(Map<String, Object> shares) {
        long bank = api.organisation(admin, "FINANCE", Api.unique("合作银行"));
        Map<String, Object> body = new HashMap<>(shares);
        body.put("bankId", bank);
        Api.Response r = api.post(admin, "/api/v1/risk-pool/agreements", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return bank;
    }

    private Map<String, Object> loan(long bank, long borrower, String principal, String disbursed, String filed) {
        Map<String, Object> body = new HashMap<>();
        body.put("bankId", bank);
        body.put("borrowerId", borrower);
        body.put("principal", new BigDecimal(principal));
        body.put("rate", new BigDecimal("0.045"));
        body.put("termMonths", 24);
        body.put("disbursementDate", disbursed);
        body.put("filingDate", filed);
        return body;
    }

    private long fileLoan(String token, long bank, long borrower, String principal) {
        Api.Response r =
                api.post(token, "/api/v1/risk-pool/loans", loan(bank, borrower, principal, "2026-01-10", "2026-02-01"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private BigDecimal balance() {
        return jdbc.sql("SELECT balance FROM risk_pool WHERE id = 1")
                .query(BigDecimal.class)
                .single();
    }

    private void topUp(String amount) {
        Api.Response r =
                api.post(admin, "/api/v1/risk-pool/top-ups", Map.of("payer", "CITY", "amount", new BigDecimal(amount)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    /** Tops up exactly what older claims still wait for, so new money is this test's alone. */
    private void settleWaiting() {
        BigDecimal waiting = jdbc.sql("SELECT COALESCE(SUM(waiting), 0) FROM risk_loan")
                .query(BigDecimal.class)
                .single();
        if (waiting.signum() > 0) {
            topUp(waiting.setScale(2).toPlainString());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM risk_loan WHERE waiting > 0")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void agreementsAreChecked() {
        long bank = api.organisation(admin, "FINANCE", Api.unique("银行"));
        Api.Response bad = api.post(
                admin,
                "/api/v1/risk-pool/agreements",
                Map.of("bankId", bank, "provinceShare", 0.4, "cityShare", 0.35, "bankShare", 0.2));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("shares", "bankShare", "cityShare");
        Api.Response defaults = api.post(admin, "/api/v1/risk-pool/agreements", Map.of("bankId", bank));
        assertThat(defaults.status()).isEqualTo(201);
        assertThat(defaults.body().get("cityShare").decimalValue()).isEqualByComparingTo("0.35");
        assertThat(defaults.body().get("earlyCityShare").decimalValue()).isEqualByComparingTo("0.45");
    }

    @Test
    void filingRules() {
        long bank = bankWithAgreement(Map.of());
        long firm = api.organisation(admin, "ENTERPRISE", Api.unique("科技企业"));
        Api.Response late =
                api.post(admin, "/api/v1/risk-pool/loans", loan(bank, firm, "1000000", "2026-01-10", "2026-04-11"));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().get("errors").get(0).get("field").asString()).isEqualTo("filingDate");
        assertThat(late.raw()).contains("3-month");
        assertThat(api.post(admin, "/api/v1/risk-pool/loans", loan(bank, firm, "1000000", "2026-01-10", "2026-04-10"))
                        .status())
                .isEqualTo(201);
        Map<String, Object> longTerm = loan(bank, firm, "1", "2026-01-10", "2026-01-11");
        longTerm.put("termMonths", 37);
        longTerm.put("rate", new BigDecimal("0.09"));
        Api.Response r = api.post(admin, "/api/v1/risk-pool/loans", longTerm);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("termMonths", "rate");
        long university = api.organisation(admin, "UNIVERSITY", Api.unique("大学"));
        assertThat(api.post(admin, "/api/v1/risk-pool/loans", loan(bank, university, "1", "2026-01-10", "2026-01-11"))
                        .status())
                .isEqualTo(400);
        // counted balance per firm per year: 10 million
        Api.Response big =
                api.post(admin, "/api/v1/risk-pool/loans", loan(bank, firm, "9500000", "2026-03-01", "2026-03-02"));
        assertThat(big.body().get("countedPrincipal").decimalValue()).isEqualByComparingTo("9000000");
        assertThat(api.post(admin, "/api/v1/risk-pool/loans", loan(bank, firm, "5", "2026-05-01", "2026-05-02"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(admin, "/api/v1/risk-pool/loans", loan(bank, firm, "5", "2027-05-01", "2027-05-02"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void claimPaysWhatThePoolHasAndTheRestWaitsThenRecoveriesFlowBack() {
        long bank = bankWithAgreement(Map.of("provinceShare", 0.25, "cityShare", 0.35, "bankShare", 0.40));
        long firm = api.organisation(admin, "ENTERPRISE", Api.unique("科技企业"));
        String banker = api.user(admin, "FINANCE_USER", bank);
        long loanId = fileLoan(banker, bank, firm, "2000000");
        // pay any older waiting claims first, then add exactly 100,000 of new money
        settleWaiting();
        BigDecimal start = balance();
        BigDecimal added = new BigDecimal("100000.00");
        topUp(added.toPlainString());

        // guarded life-cycle
        assertThat(api.post(banker, "/api/v1/risk-pool/loans/" + loanId + "/status", Map.of("status", "PAID"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(banker, "/api/v1/risk-pool/loans/" + loanId + "/status", Map.of("status", "ACTIVE"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(banker, "/api/v1/risk-pool/loans/" + loanId + "/status", Map.of("status", "ANOMALY"))
                        .status())
                .isEqualTo(200);
        Api.Response early = api.post(
                banker, "/api/v1/risk-pool/loans/" + loanId + "/recoveries", Map.of("date", "2026-06-01", "amount", 1));
        assertThat(early.status()).isEqualTo(409);

        Api.Response claim = api.post(
                banker,
                "/api/v1/risk-pool/loans/" + loanId + "/claims",
                Map.of("date", "2026-06-01", "lossPrincipal", 1000000));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(200);
        JsonNode parts = claim.body().get("parts");
        assertThat(parts.get("province").decimalValue()).isEqualByComparingTo("250000");
        assertThat(parts.get("city").decimalValue()).isEqualByComparingTo("350000");
        assertThat(parts.get("bank").decimalValue()).isEqualByComparingTo("400000");
        BigDecimal paidNow = claim.body().get("paidNow").decimalValue();
        assertThat(paidNow).isEqualByComparingTo(start.add(added).min(new BigDecimal("600000")));
        assertThat(claim.body().get("waiting").decimalValue())
                .isEqualByComparingTo(new BigDecimal("600000").subtract(paidNow));
        assertThat(api.post(
                                banker,
                                "/api/v1/risk-pool/loans/" + loanId + "/claims",
                                Map.of("date", "2026-06-01", "lossPrincipal", 1))
                        .status())
                .isEqualTo(409);

        // the waiting part is paid by the next top-up
        topUp("600000");
        JsonNode loan = api.get(banker, "/api/v1/risk-pool/loans/" + loanId).body();
        assertThat(loan.get("status").asString()).isEqualTo("PAID");
        assertThat(loan.get("waiting").decimalValue()).isEqualByComparingTo("0");

        Api.Response rec = api.post(
                banker,
                "/api/v1/risk-pool/loans/" + loanId + "/recoveries",
                Map.of("date", "2026-07-01", "amount", 100000));
        assertThat(rec.status()).as(rec.raw()).isEqualTo(200);
        JsonNode back = rec.body().get("returned");
        assertThat(back.get("province").decimalValue()).isEqualByComparingTo("25000");
        assertThat(back.get("city").decimalValue()).isEqualByComparingTo("35000");
        assertThat(back.get("bank").decimalValue()).isEqualByComparingTo("40000");
        Api.Response tooMuch = api.post(
                banker,
                "/api/v1/risk-pool/loans/" + loanId + "/recoveries",
                Map.of("date", "2026-07-02", "amount", 900000.01));
        assertThat(tooMuch.status()).isEqualTo(409);
        Api.Response rest = api.post(
                banker,
                "/api/v1/risk-pool/loans/" + loanId + "/recoveries",
                Map.of("date", "2026-07-02", "amount", 900000));
        assertThat(rest.body().get("outstanding").decimalValue()).isEqualByComparingTo("0");
        JsonNode done = api.get(banker, "/api/v1/risk-pool/loans/" + loanId).body();
        assertThat(done.get("returned").get("province").decimalValue()).isEqualByComparingTo("250000");
        assertThat(done.get("returned").get("city").decimalValue()).isEqualByComparingTo("350000");
        assertThat(api.post(banker, "/api/v1/risk-pool/loans/" + loanId + "/status", Map.of("status", "CLOSED"))
                        .status())
                .isEqualTo(200);

        // a bank sees only its own loans and cannot top up the pool
        String otherBanker = api.user(admin, "FINANCE_USER", bankWithAgreement(Map.of()));
        assertThat(api.get(otherBanker, "/api/v1/risk-pool/loans/" + loanId).status())
                .isEqualTo(404);
        assertThat(api.post(otherBanker, "/api/v1/risk-pool/top-ups", Map.of("payer", "CITY", "amount", 1))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                banker,
                                "/api/v1/risk-pool/loans/999999999/claims",
                                Map.of("date", "2026-06-01", "lossPrincipal", 1))
                        .status())
                .isEqualTo(404);
        JsonNode summary = api.get(admin, "/api/v1/risk-pool").body();
        assertThat(summary.get("balance").decimalValue()).isEqualByComparingTo(balance());
    }

    @Test
    void parallelClaimsNeverDriveThePoolBelowZero() throws Exception {
        long bank = bankWithAgreement(Map.of("provinceShare", 0.25, "cityShare", 0.35, "bankShare", 0.40));
        int n = 24;
        List<Long> loanIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long firm = api.organisation(admin, "ENTERPRISE", Api.unique("并发企业"));
            loanIds.add(fileLoan(admin, bank, firm, "1000000"));
        }
        settleWaiting();
        BigDecimal start = balance();
        // room for a few claims of 60,000 (the pool's part of a 100,000 loss), not all of them
        BigDecimal added = new BigDecimal("250000.00");
        topUp(added.toPlainString());
        BigDecimal available = start.add(added);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (long id : loanIds) {
            results.add(pool.submit(() -> api.post(
                    admin,
                    "/api/v1/risk-pool/loans/" + id + "/claims",
                    Map.of("date", LocalDate.of(2026, 6, 1).toString(), "lossPrincipal", 100000))));
        }
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal waiting = BigDecimal.ZERO;
        for (Future<Api.Response> f : results) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            paid = paid.add(r.body().get("paidNow").decimalValue());
            waiting = waiting.add(r.body().get("waiting").decimalValue());
        }
        pool.shutdown();
        BigDecimal due = new BigDecimal("60000").multiply(BigDecimal.valueOf(n));
        assertThat(paid.add(waiting)).isEqualByComparingTo(due);
        assertThat(paid).isEqualByComparingTo(available.min(due));
        assertThat(balance()).isEqualByComparingTo(available.subtract(paid));
        assertThat(balance().signum()).isGreaterThanOrEqualTo(0);
        // the ledger never shows a negative balance
        assertThat(jdbc.sql("SELECT COUNT(*) FROM risk_pool_entry WHERE balance_after < 0")
                        .query(Long.class)
                        .single())
                .isZero();
        // what waits is paid by the next top-up, oldest claim first
        settleWaiting();
    }
}
