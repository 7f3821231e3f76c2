package org.gongtong.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gongtong.Api;
import org.gongtong.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A community walks from proposal through its preparation period to a registered legal entity, in Chromium. */
class CommunityBrowserIT extends BrowserTest {

    @Test
    void aCommunityGoesFromProposalToRegistered() throws IOException {
        driver.get(url("/communities"));
        logIn();
        driver.get(url("/communities"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("community-form")));
        String name = Api.unique("浏览器共同体");
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("new-county"))).selectByValue("371526");
        new Select(driver.findElement(By.id("new-industry"))).selectByValue("NEW_MATERIALS");
        driver.findElement(By.id("form")).sendKeys("公司制");
        click(By.id("community-submit"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("已提出");

        // approve the preparation period with a deadline 90 days ahead
        WebElement deadline = driver.findElement(By.id("deadline-PREPARING"));
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString();
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", deadline, day);
        click(By.id("submit-PREPARING"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "筹建中"));
        assertThat(driver.findElement(By.id("deadline")).getText()).isEqualTo(day);

        // a wrong USCC is refused on the page, a valid one registers the legal entity
        driver.findElement(By.id("uscc-REGISTERED")).sendKeys("91371526ABC");
        click(By.id("submit-REGISTERED"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("18");
        String uscc = Api.uscc();
        WebElement field = driver.findElement(By.id("uscc-REGISTERED"));
        field.clear();
        field.sendKeys(uscc);
        click(By.id("submit-REGISTERED"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "已登记"));
        assertThat(driver.findElement(By.id("uscc")).getText()).isEqualTo(uscc);
        assertThat(driver.findElements(By.cssSelector("#timeline li"))).hasSize(3);
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("已提出", "筹建中", "已登记", "admin", uscc);
        screenshot("community-registered.png");

        // the chain map draws with ECharts
        driver.get(url("/chains?industry=NEW_MATERIALS"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chain-map canvas")));
        screenshot("chain-map.png");
    }
}
