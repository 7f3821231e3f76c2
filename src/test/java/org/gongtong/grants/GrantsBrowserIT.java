package org.gongtong.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.Api;
import org.gongtong.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end in Chromium: an enterprise applies (its registry data already on the form, the draft
 * autosaved), the programme officer starts the review and assigns an expert, the expert scores a
 * blinded sheet, the officer approves, pays tranche 1, fills the year-1 assessment sheet, pays
 * tranche 2, and the fund page shows the money paid.
 */
class GrantsBrowserIT extends BrowserTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    JsonMapper json;

    private JsonNode call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
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
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 201);
        return json.readTree(r.body());
    }

    private String user(String token, String role, long org) throws Exception {
        String username = Api.unique("u").toLowerCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "浏览器测试 " + username);
        body.put("role", role);
        body.put("organisationId", org);
        body.put("password", Api.PASSWORD);
        call("POST", "/api/v1/users", token, body);
        return username;
    }

    private void signInAs(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        logIn(username, password);
    }

    private void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void applicationReviewDecisionPaymentsAndAssessmentThroughThePages() throws Exception {
        String admin = call("POST", "/api/v1/auth/token", null, Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .get("token")
                .asString();
        long fund = call("POST", "/api/v1/special-fund", admin, GrantsHttp.fund("3000000", "3000000"))
                .get("fundId")
                .asLong();
        JsonNode programme = call(
                "POST",
                "/api/v1/grant-programmes",
                admin,
                GrantsModuleTest.programme(fund, List.of("applicantName", "contactPhone"), true));
        long programmeId = programme.get("id").asLong();
        Map<String, Object> orgBody = Api.organisation("ENTERPRISE", "371503");
        String orgName = (String) orgBody.get("name");
        long org =
                call("POST", "/api/v1/organisations", admin, orgBody).get("id").asLong();
        String applicant = user(admin, "ENTERPRISE_USER", org);
        long university = call("POST", "/api/v1/organisations", admin, Api.organisation("UNIVERSITY", null))
                .get("id")
                .asLong();
        String reviewer = user(admin, "REVIEWER", university);

        // the applicant: registry data is on the form already; the draft saves itself
        signInAs(applicant, Api.PASSWORD);
        driver.get(url("/grants/programmes/" + programmeId));
        click(By.id("apply"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-form")));
        assertThat(driver.findElement(By.id("prefilled")).getText()).contains(orgName, "联系人");
        String applicationUrl = driver.getCurrentUrl();
        type("d-title", "共同体建设方案（浏览器）");
        type("d-amount", "1000000");
        type("d-summary", "聚焦新材料产业共性技术");
        type("d-plan", "三年建成中试平台");
        wait.until(ExpectedConditions.attributeToBe(By.id("autosave-status"), "data-saved", "true"));
        click(By.id("submit-application"));
        wait.until(ExpectedConditions.textToBe(By.id("app-status"), "已提交"));
        screenshot("grants-application-submitted.png");

        // the officer starts the review and assigns the expert
        signInAs("admin", ADMIN_PASSWORD);
        driver.get(applicationUrl);
        click(By.id("start-review"));
        wait.until(ExpectedConditions.textToBe(By.id("app-status"), "评审中"));
        new Select(driver.findElement(By.id("reviewer")))
                .selectByVisibleText("浏览器测试 " + reviewer + " (" + reviewer + ")");
        click(By.id("assign"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assignments")));

        // the expert scores a blinded sheet
        signInAs(reviewer, Api.PASSWORD);
        driver.get(url("/grants/review"));
        click(By.cssSelector("#my-assignments a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sheet-application")));
        assertThat(driver.findElement(By.id("sheet-applicant")).getText()).isEqualTo("***");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(orgName);
        for (WebElement score : driver.findElements(By.cssSelector("input[name^='score_']"))) {
            score.sendKeys("8");
        }
        click(By.id("submit-scores"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));

        // the officer approves: the money is committed from the fund
        signInAs("admin", ADMIN_PASSWORD);
        driver.get(applicationUrl);
        assertThat(driver.findElement(By.id("running-score")).getText()).isEqualTo("80.00");
        type("approved-amount", "1000000");
        type("conditions", "县财政 1:0.5 配套");
        click(By.id("approve"));
        wait.until(ExpectedConditions.urlContains("/grants/awards/"));
        String awardUrl = driver.getCurrentUrl();

        // tranche 1: approve, pay
        click(By.id("approve-tranche-1"));
        wait.until(ExpectedConditions.textToBe(By.id("tranche-status-1"), "已审批"));
        click(By.id("pay-tranche-1"));
        wait.until(ExpectedConditions.textToBe(By.id("tranche-status-1"), "已拨付"));

        // the year-1 assessment sheet: all targets met
        Map<String, String> actuals = Map.of("R", "1000000", "I", "3", "T", "5");
        for (WebElement input : driver.findElements(By.cssSelector("#assess-form-1 input[name^='actual_']"))) {
            String label = driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
                    .getText();
            input.sendKeys(
                    label.startsWith("研发")
                            ? actuals.get("R")
                            : label.startsWith("孵化") ? actuals.get("I") : actuals.get("T"));
        }
        click(By.id("assess-1"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assessment-1")));
        assertThat(driver.findElement(By.id("assessment-1")).getText()).contains("100.00", "全额拨付下一批");

        // tranche 2
        click(By.id("approve-tranche-2"));
        wait.until(ExpectedConditions.textToBe(By.id("tranche-status-2"), "已审批"));
        click(By.id("pay-tranche-2"));
        wait.until(ExpectedConditions.textToBe(By.id("tranche-status-2"), "已拨付"));
        screenshot("grants-award-paid.png");
        assertThat(driver.getCurrentUrl()).isEqualTo(awardUrl);

        // the fund page: every yuan paid, and the figure opens the rows behind it
        driver.get(url("/grants?fundId=" + fund));
        assertThat(driver.findElement(By.id("paid-2026")).getText()).isEqualTo("1,000,000.00");
        assertThat(driver.findElement(By.id("available-2026")).getText()).isEqualTo("2,000,000.00");
        click(By.id("paid-2026"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("allocations")));
        assertThat(driver.findElement(By.id("rows-sum")).getText()).isEqualTo("1,000,000.00");
        assertThat(driver.findElement(By.id("allocations")).getText()).contains(orgName);
    }
}
