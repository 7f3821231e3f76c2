package org.gongtong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * End to end: a person logs in, searches the registry, opens the leading group and reads Annex 1's
 * members, then switches the pages to English; and the menu works on a phone.
 */
class BrowserIT extends BrowserTest {

    /** Annex 1 of the seed, in its order: leader, deputy leader, then the 17 members. */
    private static final List<String> ANNEX_1 = List.of(
            "郭建民", "洪玉振", "马保杰", "张连臣", "侯德功", "商 华", "孙玉臣", "王越军", "崔 岩", "刘东昌", "程继峰", "金同元", "孙 军", "魏天山", "刘 胜",
            "王海涛", "颜 善", "秦生春", "郭志刚");

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

    @Test
    void menuGroupsOpenWithTheKeyboardAndAreAllOpenOnAPhone() throws IOException {
        driver.get(url("/login"));
        logIn();
        WebElement funds = driver.findElement(By.cssSelector("nav.menu .menu-panel a[href='/funds']"));
        WebElement grants = driver.findElement(By.cssSelector("nav.menu .menu-panel a[href='/grants']"));
        // folded away until its group is opened
        assertThat(funds.isDisplayed()).isFalse();
        WebElement label = funds.findElement(By.xpath("ancestor::div[contains(@class,'menu-group')]/button"));
        assertThat(label.getText()).contains("资金");
        // keyboard: focus on the group's label opens it, Tab walks into its links and it stays open
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus()", label);
        wait.until(ExpectedConditions.visibilityOf(funds));
        new org.openqa.selenium.interactions.Actions(driver)
                .sendKeys(org.openqa.selenium.Keys.TAB)
                .perform();
        assertThat(driver.switchTo().activeElement().getAttribute("href")).endsWith("/funds");
        assertThat(grants.isDisplayed()).isTrue();
        screenshot("menu-group-open.png");
        new org.openqa.selenium.interactions.Actions(driver)
                .sendKeys(org.openqa.selenium.Keys.ENTER)
                .perform();
        wait.until(ExpectedConditions.urlContains("/funds"));
        // the current section marks its group
        assertThat(driver.findElement(By.cssSelector("nav.menu .menu-group.active > button"))
                        .getText())
                .contains("资金");
        // administrators see the administration links; a phone shows every group open once unfolded
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/organisations"));
        click(By.cssSelector("label.menu-button"));
        WebElement users = driver.findElement(By.cssSelector("nav.menu a[href='/admin/users']"));
        wait.until(ExpectedConditions.visibilityOf(users));
        assertThat(driver.findElement(By.cssSelector("nav.menu a[href='/market/results']"))
                        .isDisplayed())
                .isTrue();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }
}
