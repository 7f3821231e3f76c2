package org.gongtong.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.gongtong.Api;
import org.gongtong.BrowserTest;
import org.gongtong.identity.Actor;
import org.gongtong.market.Cooperation;
import org.gongtong.market.Market;
import org.gongtong.market.ResultForm;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.Registry;
import org.gongtong.registry.Uscc;
import org.gongtong.search.Visibility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end without an account: the portal's home, a search, the seed policy, a public result, an organisation's
 * registration; then an officer signs in, sees the task in the header and approves it.
 */
class PortalBrowserIT extends BrowserTest {

    @Autowired
    Registry registry;

    @Autowired
    Market market;

    private static String uscc() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        Random r = new Random();
        StringBuilder body = new StringBuilder("B");
        for (int i = 0; i < 7; i++) {
            body.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return Uscc.compose("91", "371502", body.toString());
    }

    @Test
    void aVisitorSearchesReadsAPolicyAndRegistersThenAnOfficerApproves() throws IOException {
        driver.get(url("/portal"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("聊城产业技术研究院");
        assertThat(driver.findElements(By.cssSelector("#industries li"))).hasSize(9);
        screenshot("portal-home.png");

        // search from the home page, open the seed policy
        WebElement q = driver.findElement(By.id("home-q"));
        q.sendKeys("创新创业共同体");
        q.submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
        click(By.linkText(PortalDemoData.SEED_TITLE));
        wait.until(ExpectedConditions.textToBe(By.id("article-title"), PortalDemoData.SEED_TITLE));
        assertThat(driver.findElement(By.id("issuer")).getText()).isEqualTo("聊城市人民政府");
        assertThat(driver.findElement(By.id("article-body")).getText()).contains("“1+N”");
        assertThat(driver.findElement(By.id("applied-by")).getText()).contains("小升高");
        screenshot("portal-policy.png");

        // open a public result from the portal's market list (created like the other tests' records)
        long org = registry.register(
                        OrganisationForm.of(Api.unique("浏览器成果单位"), "UNIVERSITY", null, "371502", null), false)
                .id();
        String title = Api.unique("公开成果");
        market.createResult(
                new ResultForm(
                        title,
                        "一种果蔬减压贮藏保鲜技术，可延长保鲜期",
                        7,
                        null,
                        "现代高效农业",
                        null,
                        List.of(Cooperation.LICENCE),
                        null,
                        null,
                        Visibility.PUBLIC,
                        org),
                Actor.SYSTEM);
        click(By.cssSelector("nav.menu a[href='/portal/market/results']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        WebElement mq = driver.findElement(By.id("q"));
        mq.sendKeys(title);
        mq.submit();
        click(By.linkText(title));
        wait.until(ExpectedConditions.textToBe(By.id("market-title"), title));
        assertThat(driver.findElement(By.id("market-trl")).getText()).isEqualTo("7");
        assertThat(driver.findElement(By.id("market-cooperation")).getText()).contains("许可");
        screenshot("portal-result.png");

        // register an organisation
        click(By.cssSelector("nav.menu a[href='/portal/register']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uscc")));
        String name = "浏览器注册企业-" + System.nanoTime();
        String username = "b" + Long.toString(System.nanoTime(), 36);
        driver.findElement(By.id("uscc")).sendKeys(uscc());
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("kind"))).selectByValue("ENTERPRISE");
        new Select(driver.findElement(By.id("county"))).selectByValue("371502");
        driver.findElement(By.id("contactName")).sendKeys("赵六");
        driver.findElement(By.id("contactPhone")).sendKeys("13900000000");
        driver.findElement(By.id("username")).sendKeys(username);
        click(By.id("register-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registered")));
        assertThat(driver.findElement(By.id("registered")).getText()).contains(name);

        // an officer signs in: the task waits in the header, and the officer approves
        click(By.id("portal-login"));
        logIn();
        assertThat(driver.findElements(By.cssSelector("#nav-notifications .unread-count")))
                .isNotEmpty();
        driver.get(url("/portal/admin/registrations"));
        click(By.linkText(name));
        click(By.id("approve"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-link")));
        assertThat(driver.findElement(By.id("registration-status")).getText()).isEqualTo("已批准");
        assertThat(driver.findElement(By.cssSelector("#password-link a")).getText())
                .startsWith("/portal/reset/");
        screenshot("portal-approved.png");
    }

    @Test
    void thePortalFitsAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/portal"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
        Number scrollWidth =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
        driver.get(url("/portal/policies/" + PortalDemoData.SEED_SLUG));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-body")));
        scrollWidth =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
    }
}
