package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongtong.BrowserTest;
import org.gongtong.platform.Xlsx;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * End to end: the administrator opens the dashboard, reads a figure's definition by focusing it,
 * clicks the figure, lands on the list of the rows it counts, and downloads that list as Excel —
 * a workbook with exactly as many rows as the figure said.
 */
class InsightBrowserIT extends BrowserTest {

    @Test
    void opensTheDashboardClicksAFigureAndDownloadsItsRows() throws Exception {
        driver.get(url("/login"));
        logIn();
        click(By.cssSelector("nav.menu a[href='/insight']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-title")));
        assertThat(driver.findElement(By.id("dashboard-title")).getText()).contains("全市");

        By figure = By.cssSelector("[id='figure-registry.organisations.ENTERPRISE'] a.value");
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(figure));
        String shown = link.findElement(By.cssSelector(".num")).getText().replace(",", "");
        assertThat(link.getAttribute("title")).contains("机构库中类别为“产”的机构数");
        // the definition shows when the figure has the keyboard focus, not only on hover
        By definition = By.id("def-registry.organisations.ENTERPRISE");
        assertThat(driver.findElement(definition).isDisplayed()).isFalse();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus()", link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(definition));
        screenshot("insight-dashboard.png");

        link.click();
        wait.until(ExpectedConditions.urlContains("/organisations?kind=ENTERPRISE"));
        // the list holds as many rows as the figure said (the page shows its total)
        assertThat(driver.findElement(By.id("result-count")).getText().replace(",", ""))
                .contains(shown);
        WebElement export = driver.findElement(By.id("export-link"));
        String href = export.getAttribute("href");
        assertThat(href).contains("/api/v1/organisations/export", "kind=ENTERPRISE");

        // download it with the browser's session, as clicking the link would
        String cookies = driver.manage().getCookies().stream()
                .map((Cookie c) -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> file = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(Xlsx.CONTENT_TYPE));
        assertThat(file.body()).startsWith(0x50, 0x4b);
        assertThat(file.body().length).isGreaterThan(1000);
        // the workbook holds exactly the rows the figure counts: a header row, then one row each
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(Integer.parseInt(shown.strip()));
        }
    }

    @Test
    void theGraphPageDrawsWithECharts() throws IOException {
        driver.get(url("/login"));
        logIn();
        driver.get(url("/insight/graph"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        // either the graph canvas is drawn or the empty state is shown
        wait.until(d -> !d.findElements(By.cssSelector("#graph canvas")).isEmpty()
                || !d.findElements(By.cssSelector("main p.card.muted")).isEmpty());
        screenshot("insight-graph.png");
    }
}
