package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sixty allocations fired at once through the HTTP API against one fund year that holds less than
 * they ask together: the accepted ones sum to at most the budget, every other one is a 409 with the
 * available amount, and the ledger row equals the accepted sum. Runs on whichever database the
 * suite uses (H2 by default, PostgreSQL with SPRING_DATASOURCE_URL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpecialFundConcurrencyIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private record Result(int status, BigDecimal amount, JsonNode body) {}

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void parallelAllocationsNeverOverspendTheYear() throws Exception {
        String token = json.readTree(send(
                                "POST",
                                "/api/v1/auth/token",
                                null,
                                Map.of("username", "admin", "password", org.gongtong.Api.ADMIN_PASSWORD))
                        .body())
                .get("token")
                .asString();
        BigDecimal budget = new BigDecimal("1000000.00");
        HttpResponse<String> created =
                send("POST", "/api/v1/special-fund", token, GrantsHttp.fund("1000000", "1000000"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long fund = json.readTree(created.body()).get("fundId").asLong();

        int n = 60;
        Random random = new Random(20261127L);
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal asked = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal a =
                    BigDecimal.valueOf(10_000 + random.nextInt(30_000), 0).add(new BigDecimal("0.37"));
            amounts.add(a);
            asked = asked.add(a);
        }
        assertThat(asked).isGreaterThan(budget);

        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        try {
            for (BigDecimal a : amounts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> r = send(
                            "POST",
                            "/api/v1/special-fund/allocations",
                            token,
                            GrantsHttp.allocation(fund, 2026, "INSTITUTION", 42, a.toPlainString()));
                    return new Result(r.statusCode(), a, json.readTree(r.body()));
                }));
            }
            start.countDown();
            BigDecimal accepted = BigDecimal.ZERO;
            int ok = 0;
            int refused = 0;
            for (Future<Result> f : futures) {
                Result r = f.get();
                if (r.status() == 201) {
                    accepted = accepted.add(r.amount());
                    ok++;
                } else {
                    assertThat(r.status()).as(r.body().toString()).isEqualTo(409);
                    assertThat(r.body().get("available"))
                            .as(r.body().toString())
                            .isNotNull();
                    assertThat(new BigDecimal(r.body().get("available").asString()))
                            .isLessThan(r.amount());
                    refused++;
                }
            }
            assertThat(ok + refused).isEqualTo(n);
            assertThat(refused).isPositive();
            assertThat(accepted).isLessThanOrEqualTo(budget);
            BigDecimal committed = jdbc.sql(
                            "SELECT committed FROM special_fund_year WHERE fund_id = :f AND fund_year = 2026")
                    .param("f", fund)
                    .query(BigDecimal.class)
                    .single();
            assertThat(committed).isEqualByComparingTo(accepted);
            long rows = jdbc.sql("SELECT COUNT(*) FROM special_fund_allocation WHERE fund_id = :f")
                    .param("f", fund)
                    .query(Long.class)
                    .single();
            assertThat(rows).isEqualTo(ok);
        } finally {
            pool.shutdownNow();
        }
    }
}
