package org.gongtong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapitalPagesIT {

    @LocalServerPort
    int port;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.admin();
    }

    private String html(String path) {
        HttpResponse<byte[]> r = api.page(admin, path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void fundPagesShowMetricsWithDefinitionsAndExportTheRowsBehindThem() throws Exception {
        String name = Api.unique("页面基金");
        Api.Response created = api.post(
                admin, "/api/v1/funds", Map.of("name", name, "kind", "VENTURE", "size", 100000, "vintage", 2008));
        long id = created.body().get("id").asLong();
        api.post(
                admin,
                "/api/v1/funds/" + id + "/cash-flows",
                Map.of("date", "2008-01-01", "type", "CALL", "amount", 10000));
        api.post(admin, "/api/v1/funds/" + id + "/valuations", Map.of("date", "2009-01-01", "nav", 12000));

        assertThat(html("/funds")).contains(name, "新建基金");
        String page = html("/funds/" + id + "?asOf=2009-06-30");
        // 2008 is a leap year: 1.2 over 366 days is 19.94% a year on actual/365
        assertThat(page).contains("TVPI", "已分配 ÷ 实缴", "XIRR", "id=\"irr\"", "19.94%");
        assertThat(html("/funds/compliance")).contains("子基金合规");
        long demoParent = api.get(admin, "/api/v1/funds?kind=PARENT")
                .body()
                .valueStream()
                .filter(f -> f.get("name").asString().equals("聊城产研院创新创业发展母基金"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(html("/funds/" + demoParent)).contains("聊城产业技术研究院有限公司", "合计", "穿透敞口", "放大倍数");

        // a refused form shows the reason next to the field
        Api.Response bad =
                api.form(admin, "/funds/" + id + "/cash-flows", Map.of("date", "", "type", "CALL", "amount", "abc"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.raw()).contains("请输入数字");

        HttpResponse<byte[]> xlsx = api.page(admin, "/funds/" + id + "/export?asOf=2009-06-30");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            boolean call = false;
            boolean tvpi = false;
            for (Row row : sheet) {
                if (row.getCell(2) != null
                        && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && row.getCell(2).getNumericCellValue() == 10000) {
                    call = true;
                }
                if (row.getCell(0) != null && "TVPI".equals(row.getCell(0).toString())) {
                    tvpi = "1.200000".equals(row.getCell(1).toString());
                }
            }
            assertThat(call).isTrue();
            assertThat(tvpi).isTrue();
        }
    }

    @Test
    void riskPoolDashboardAndBankPage() {
        long bank = api.organisation(admin, "FINANCE", Api.unique("页面银行"));
        Api.Response agreement = api.post(admin, "/api/v1/risk-pool/agreements", Map.of("bankId", bank));
        long agreementId = agreement.body().get("id").asLong();
        long firm = api.organisation(admin, "ENTERPRISE", Api.unique("页面企业"));
        String banker = api.user(admin, "FINANCE_USER", bank);

        assertThat(html("/risk-pool")).contains("资金池余额", "追偿率");
        HttpResponse<byte[]> bankPage = api.page(banker, "/risk-pool/bank");
        assertThat(bankPage.statusCode()).isEqualTo(200);

        Api.Response late = api.form(
                banker,
                "/risk-pool/loans",
                Map.of(
                        "agreementId", String.valueOf(agreementId),
                        "borrowerId", String.valueOf(firm),
                        "principal", "1,000,000",
                        "ratePercent", "4.5",
                        "termMonths", "12",
                        "disbursementDate", "2026-01-10",
                        "filingDate", "2026-05-01"));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.raw()).contains("超过 3 个月的备案期限");

        Api.Response ok = api.form(
                banker,
                "/risk-pool/loans",
                Map.of(
                        "agreementId", String.valueOf(agreementId),
                        "borrowerId", String.valueOf(firm),
                        "principal", "1,000,000",
                        "ratePercent", "4.5",
                        "termMonths", "12",
                        "disbursementDate", "2026-01-10",
                        "filingDate", "2026-02-01"));
        assertThat(ok.status()).isEqualTo(302);
        String after = new String(api.page(banker, "/risk-pool/bank").body(), StandardCharsets.UTF_8);
        assertThat(after).contains("已备案");
    }
}
