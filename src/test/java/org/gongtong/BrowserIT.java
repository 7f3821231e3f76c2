package org.gongtong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End to end in Debian's headless Chromium: a person logs in, searches the registry, opens the
 * leading group and reads Annex 1's members, then switches the pages to English. The driver path
 * is set explicitly so Selenium Manager never tries to download a browser or driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String ADMIN_PASSWORD = "Test#Admin2026";

    /** Annex 1 of the seed, in its order: leader, deputy leader, then the 17 members. */
    private static final List<String> ANNEX_1 = List.of(
            "郭建民", "洪玉振", "马保杰", "张连臣", "侯德功", "商 华", "孙玉臣", "王越军", "崔 岩", "刘东昌", "程继峰", "金同元", "孙 军", "魏天山", "刘 胜",
            "王海涛", "颜 善", "秦生春", "郭志刚");

    @LocalServerPort
    int port;

    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                fail("CI must run the browser test: install Debian's chromium and chromium-driver");
            }
            Assumptions.abort("chromium / chromedriver not installed; skipping the browser test");
        }
        profile = Files.createTempDirectory("gongtong-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--lang=zh-CN",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        // the platform is Chinese first; the browser asks for Chinese as a person in Liaocheng would
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void logsInSearchesOpensTheLeadingGroupAndSwitchesToEnglish() throws IOException {
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn();

        // organisations: search for the city S&T bureau, which the seed's structure always holds
        click(By.cssSelector("nav.menu a[href='/organisations']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        WebElement search = driver.findElement(By.id("q"));
        search.clear();
        search.sendKeys("科学技术局");
        search.submit();
        wait.until(ExpectedConditions.urlContains("q="));
        List<String> names = driver.findElements(By.cssSelector("#organisations tbody td:first-child a")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(names).contains("聊城市科学技术局").allMatch(n -> n.contains("科学技术局"));

        // groups: open the leading group and read Annex 1 in the seed's order
        click(By.cssSelector("nav.menu a[href='/groups']"));
        wait.until(ExpectedConditions.urlContains("/groups"));
        click(By.linkText("聊城产业技术研究院建设工作领导小组"));
        wait.until(ExpectedConditions.textToBe(By.id("group-name"), "聊城产业技术研究院建设工作领导小组"));
        List<String> members = driver.findElements(By.cssSelector("#members td.member-name")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(members).containsExactlyElementsOf(ANNEX_1);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("领导小组办公室", "市科技局", "王越军兼任办公室主任");
        assertThat(driver.findElement(By.cssSelector("html")).getAttribute("lang"))
                .isEqualTo("zh");
        screenshot("leading-group-zh.png");

        // English: the same page, English labels, the seed's names unchanged
        click(By.cssSelector("a.lang"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("html"), "lang", "en"));
        assertThat(driver.findElement(By.cssSelector("nav.menu")).getText()).contains("Organisations", "Groups");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Members");
        assertThat(driver.findElements(By.cssSelector("#members td.member-name")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactlyElementsOf(ANNEX_1);
        screenshot("leading-group-en.png");

        // the language choice sticks: the organisation list is English too
        click(By.cssSelector("nav.menu a[href='/organisations']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations");
    }

    @Test
    void theMenuOpensOnAPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/login"));
        logIn();
        WebElement organisations = driver.findElement(By.cssSelector("nav.menu a[href='/organisations']"));
        // on a narrow screen the menu is folded away until the menu button is pressed
        assertThat(organisations.isDisplayed()).isFalse();
        click(By.cssSelector("label.menu-button"));
        wait.until(ExpectedConditions.visibilityOf(organisations));
        screenshot("phone-menu.png");
        organisations.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        assertThat(driver.getCurrentUrl()).contains("/organisations");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("机构名录");
        // nothing on the page is wider than the phone
        Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
    }

    private void logIn() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Keeps a picture of what the browser showed, for people reading the build's output. */
    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "e2e");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
