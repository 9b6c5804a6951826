package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Rotation as its users work it, in headless Chromium: 椒江区's warehouse manager rotates a near-expiry lot from
 * the alerts page (the form comes filled in), sells it at a loss; the province's manager and 椒江区's finance
 * approve it, finding it on their home pages; the county's manager carries it out and sees the write-off it
 * raised. Screenshots of each step are kept in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class RotationBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("rotationui");
    }

    @ArquillianResource
    private URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Browser.PATIENCE);
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        Browser.screenshotAndQuit(browser, test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void raise_from_the_alerts_approve_twice_execute_and_see_the_write_off() throws Exception {
        // a lot of 1000 tents at 120 yuan expiring in about six weeks
        // (counted from today: a fixed date would be expired, and off the alerts page, once it has passed)
        java.time.LocalDate inSixWeeks = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusWeeks(6);
        String lot = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply received = Api.as(base, "jiaojiang.manager", "demo123").post("api/stock/movements",
                "{\"type\":\"RECEIPT\",\"warehouse\":\"ZJ-331002\",\"material\":\"TENT-COTTON-12\",\"lot\":\"" + lot
                        + "\",\"quantity\":\"1000\",\"productionDate\":\"2024-01-15\",\"expiryDate\":\"" + inSixWeeks + "\","
                        + "\"unitCost\":{\"amount\":\"120.00\",\"currency\":\"CNY\"},\"reason\":\"采购入库\","
                        + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(received.status()).as(received.text()).isEqualTo(201);

        // the county's manager finds it among the near-expiry lots and rotates it from there
        signIn("jiaojiang.manager");
        assertThat(browser.findElement(By.className("rc-nav")).getText()).contains("储备轮换");
        browser.get(base + "app/alerts.xhtml");
        By rotate = By.xpath("//tr[contains(., '" + lot + "')]//a[contains(@id,'rotate')]");
        Browser.pageUntil(browser, wait, "#alerts\\:expiring", rotate);
        click(rotate);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raise:unitPrice")));
        assertThat(browser.findElement(By.id("raise:warehouse_input")).getAttribute("value")).contains("ZJ-331002");
        assertThat(browser.findElement(By.id("raise:lot_input")).getAttribute("value")).contains(lot);
        assertThat(browser.findElement(By.id("raise:quantity")).getAttribute("value")).isEqualTo("1000");
        // a price left out is refused on its field, in Chinese
        click(By.id("raise:doRaise"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "单价"));
        assertThat(browser.findElement(By.id("raise:unitPrice")).getAttribute("class")).contains("ui-state-error");
        type("raise:unitPrice", "55.50");
        type("raise:recipient", "台州市某应急用品经销商");
        Browser.screenshot(browser, "rotation-1-raise-from-alerts");
        click(By.id("raise:doRaise"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "等待审批"));
        By open = By.xpath("//tr[contains(., '" + lot + "')]//a[contains(@id,'open')]");
        String planUrl = wait.until(ExpectedConditions.presenceOfElementLocated(open)).getAttribute("href");
        browser.get(planUrl);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rotation-status"), "待审批"));
        assertThat(browser.findElement(By.id("r-loss")).getText()).contains("64,500.00");
        assertThat(browser.findElement(By.id("r-book")).getText()).contains("120,000.00");
        assertThat(browser.findElements(By.id("rotation:approve"))).as("the raiser does not approve").isEmpty();
        Browser.screenshot(browser, "rotation-2-proposed");

        // the province's manager finds it waiting on the home page and approves
        signIn("province.manager");
        assertThat(browser.findElement(By.id("work")).getText()).contains("待审批的轮换方案");
        browser.get(planUrl);
        click(By.id("rotation:approve"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("r-manager"), "province.manager"));
        // 椒江区's finance approves
        signIn("jiaojiang.finance");
        browser.get(planUrl);
        click(By.id("rotation:approve"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rotation-status"), "已批准"));
        Browser.screenshot(browser, "rotation-3-approved");

        // the county's manager carries it out and sees the write-off it raised
        signIn("jiaojiang.manager");
        browser.get(planUrl);
        click(By.id("rotation:execute"));
        confirm();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rotation-status"), "已执行"));
        String writeOff = browser.findElement(By.id("r-writeoff")).getText();
        assertThat(writeOff).containsPattern("HX\\d{4}-\\d{6}");
        assertThat(browser.findElement(By.id("r-movements")).getText()).contains("出库流水");
        Browser.screenshot(browser, "rotation-4-executed-with-write-off");
        String number = writeOff.replaceAll("(?s).*?(HX\\d{4}-\\d{6}).*", "$1");
        click(By.id("rotation:writeOffLink"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:rows"), number));
        WebElement row = browser.findElement(By.xpath("//tr[contains(., '" + number + "')]"));
        assertThat(row.getText()).contains("轮换损失", "64,500.00");
        Browser.screenshot(browser, "rotation-5-write-off-listed");
    }

    private void type(String id, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).sendKeys(text);
    }

    private void confirm() {
        By dialog = By.cssSelector(".ui-confirm-dialog");
        wait.until(ExpectedConditions.visibilityOfElementLocated(dialog));
        click(By.cssSelector(".ui-confirmdialog-yes"));
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys("demo123");
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    private void click(By by) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }
}
