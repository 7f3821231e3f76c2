package org.gongtong.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.gongtong.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * End to end: staff record a result for the university, an enterprise need is posted in its own
 * words, and the need's page lists the result as a match with the shared terms that explain it.
 */
class MarketBrowserIT extends BrowserTest {

    @Test
    void postsANeedAndSeesExplainedMatches() throws IOException {
        driver.get(url("/login"));
        logIn();

        // the university's id, from the registry list
        driver.get(url("/organisations?q=聊城大学"));
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='organisations']//a[text()='聊城大学']")));
        String href = link.getAttribute("href");
        String university = href.substring(href.lastIndexOf('/') + 1);
        driver.get(url("/organisations?q=聊城产业技术研究院有限公司"));
        String companyHref = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//table[@id='organisations']//a[text()='聊城产业技术研究院有限公司']")))
                .getAttribute("href");
        String company = companyHref.substring(companyHref.lastIndexOf('/') + 1);

        String result = "果蔬减压贮藏保鲜工艺 " + System.nanoTime();
        driver.get(url("/market/results"));
        driver.findElement(By.id("title")).sendKeys(result);
        driver.findElement(By.id("summary")).sendKeys("低压环境降低果蔬呼吸强度并排除乙烯，延长冷库中苹果和梨的贮藏保鲜期。");
        driver.findElement(By.id("trl")).sendKeys("7");
        driver.findElement(By.cssSelector("input[name='cooperation'][value='TRANSFER']"))
                .click();
        driver.findElement(By.id("organisationId")).sendKeys(university);
        // the filter form has the same action (GET); the new-result form's button has its own id
        driver.findElement(By.id("result-submit")).click();
        wait.until(ExpectedConditions.urlMatches(".*/market/results/\\d+$"));

        driver.get(url("/market/needs"));
        driver.findElement(By.id("title")).sendKeys("冷库苹果三个月后烂得多 " + System.nanoTime());
        driver.findElement(By.id("description")).sendKeys("我们冷库里的苹果和梨放三个月就烂，想找能延长保鲜期的贮藏技术，可以买断技术。");
        driver.findElement(By.id("coop-TRANSFER")).click();
        driver.findElement(By.id("organisationId")).sendKeys(company);
        driver.findElement(By.id("description")).submit();
        wait.until(ExpectedConditions.urlMatches(".*/market/needs/\\d+$"));

        List<WebElement> matches =
                wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#matches li.match")));
        WebElement ours = matches.stream()
                .filter(m -> m.getText().contains(result))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no match for the result in " + matches.size() + " matches"));
        assertThat(ours.findElement(By.cssSelector(".why")).getText())
                .contains("共同词语")
                .contains("贮藏");
        screenshot("market-need-matches.png");
    }
}
