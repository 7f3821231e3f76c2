package org.gongtong.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.gongtong.Api;
import org.gongtong.BrowserTest;
import org.gongtong.TestClock;
import org.gongtong.identity.Accounts;
import org.gongtong.identity.Actor;
import org.gongtong.identity.Role;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationForm;
import org.gongtong.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** End to end: a lab manager books an instrument in the browser, checks in and records its use. */
class InstrumentBrowserIT extends BrowserTest {

    @Autowired
    Registry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    InstrumentService instruments;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void booksAnInstrumentAndRecordsItsUse() throws IOException {
        Organisation lab =
                registry.register(OrganisationForm.of(Api.unique("浏览器实验室"), "UNIVERSITY", null, "371502", null), false);
        String username = Api.unique("lab").toLowerCase();
        accounts.create(new Accounts.UserForm(username, "实验室管理员", Role.ACADEMIC_USER, lab.id(), null), Api.PASSWORD);
        Instrument i = instruments.create(
                new InstrumentService.InstrumentForm(
                        Api.unique("扫描电镜"),
                        lab.id(),
                        "实验楼 101",
                        "电子显微镜",
                        new BigDecimal("1200000"),
                        30,
                        0,
                        8,
                        false,
                        8,
                        new BigDecimal("200"),
                        new BigDecimal("300"),
                        new BigDecimal("400"),
                        false,
                        null),
                Actor.SYSTEM);
        LocalDate day = LocalDate.now(clock.withZone(InstrumentService.ZONE)).plusDays(1);

        driver.get(url("/instruments/" + i.id()));
        logIn(username, Api.PASSWORD);
        driver.get(url("/instruments/" + i.id()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("book-form")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(i.name(), "须共享");
        set(By.id("date"), day.toString());
        set(By.id("from"), "09:00");
        set(By.id("to"), "10:30");
        driver.findElement(By.id("purpose")).sendKeys("样品形貌观察");
        click(By.id("book-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        WebElement row = driver.findElement(By.cssSelector("#bookings tbody tr"));
        assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo("已确认");
        screenshot("instrument-booked.png");

        // the session begins: check in, then record the use
        ZonedDateTime start = day.atTime(9, 5).atZone(InstrumentService.ZONE);
        clock.advance(Duration.between(clock.instant(), start.toInstant()));
        driver.get(url("/instruments/" + i.id()));
        click(By.cssSelector("#bookings button.check-in"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#bookings td.status"), "使用中"));
        clock.advance(Duration.ofMinutes(90));
        driver.get(url("/instruments/" + i.id()));
        set(By.cssSelector("#bookings input.actual-from"), "09:05");
        set(By.cssSelector("#bookings input.actual-to"), "10:05");
        driver.findElement(By.cssSelector("#bookings input.samples")).sendKeys("6");
        driver.findElement(By.cssSelector("#bookings input.outcome")).sendKeys("完成");
        click(By.cssSelector("#bookings button.record-usage"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#bookings td.status"), "已完成"));
        // 60 minutes (09:05–10:05) at the internal price of 200 yuan an hour
        assertThat(driver.findElement(By.cssSelector("#bookings td.charge")).getText())
                .isEqualTo("200.00");
        screenshot("instrument-used.png");
    }

    private void set(By by, String value) {
        WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", e, value);
    }
}
