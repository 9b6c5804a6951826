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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A call-up as its users work it, in headless Chromium: finance opens an agreement in force and calls up
 * tents into the county's warehouse picked by name (asking for more than the line holds is a message, not
 * an error page); the county's warehouse manager sees the call-up waiting on the home page and receives it
 * in two deliveries; finance sees the payable on the payables page, equal to the journal. Screenshots of
 * each step are kept in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class CallUpBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("callupui");
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
    void a_call_up_ordered_received_in_two_deliveries_and_owed_on_the_payables_page() throws Exception {
        // the agreement in force, through the API (drafting it through the screens is FinanceBrowserIT's walk)
        Api finance = Api.as(base, "finance", "demo123");
        String name = "浏览器调用测试帐篷厂" + UUID.randomUUID().toString().substring(0, 4);
        String first17 = "91330324MA" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("0000000").substring(0, 7);
        Api.Reply e = finance.post("api/enterprises", "{\"name\":\"" + name + "\",\"creditCode\":\"" + first17
                + FinanceBrowserIT.checkCharacter(first17) + "\",\"division\":\"330324\"}");
        assertThat(e.status()).as(e.text()).isEqualTo(201);
        Api.Reply a = finance.post("api/agreements", "{\"enterprise\":" + e.json().get("id").asLong()
                + ",\"division\":\"330324\",\"kind\":\"ENTERPRISE_STOCK\",\"startsOn\":\"2026-07-01\",\"endsOn\":\"2027-06-30\","
                + "\"priceRule\":\"MARKET_CAPPED\",\"feeBasis\":\"PER_UNIT\",\"managementFee\":\"0\",\"paymentDays\":30,"
                + "\"penaltyPerUnitDay\":\"0\",\"lines\":[{\"material\":\"TENT-COTTON-12\",\"quantity\":\"40\",\"feeRate\":\"10\","
                + "\"unitValue\":\"1200\",\"qualityStandard\":\"GB/T 19000\"}]}");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        long agreement = a.json().get("id").asLong();
        assertThat(finance.post("api/agreements/" + agreement + "/activate", "").status()).isEqualTo(200);

        // finance calls up from the agreement page
        signIn("finance");
        assertThat(browser.findElement(By.className("rc-nav")).getText()).contains("协议调用", "应付款明细");
        browser.get(base + "app/agreement.xhtml?id=" + agreement);
        click(By.id("agreement:callUp"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order:picked")));
        assertThat(browser.findElement(By.id("order:picked")).getText()).contains(a.json().get("number").asText(), name);
        type("order:quantity", "41");
        pick("order:warehouse", "ZJ-330324", "ZJ-330324");
        type("order:priceBasis", "1150");
        click(By.id("order:doOrder"));
        // more than the line holds: a message on the page, in Chinese
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "只剩"));
        Browser.screenshot(browser, "callup-1-more-than-the-line");
        WebElement quantity = browser.findElement(By.id("order:quantity"));
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12");
        click(By.id("order:doOrder"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "已下达"));
        String message = browser.findElement(By.className("ui-messages")).getText();
        assertThat(message).contains("1150.00");
        String number = message.replaceAll("(?s).*(DY\\d{4}-\\d{6}).*", "$1");
        assertThat(number).matches("DY\\d{4}-\\d{6}");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:rows"), number));
        Browser.screenshot(browser, "callup-2-ordered");

        // the county's manager sees it waiting and receives it in two deliveries
        signIn("yongjia.manager");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("待收货的调用单");
        browser.get(base + "app/call-ups.xhtml");
        By receive = By.xpath("//tr[contains(., '" + number + "')]//button[contains(@id, ':receive')]");
        click(receive);
        WebElement delivered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handle:quantity")));
        assertThat(delivered.getAttribute("value")).isEqualTo("12");
        delivered.sendKeys(Keys.chord(Keys.CONTROL, "a"), "5");
        type("handle:lot", "BR-" + UUID.randomUUID().toString().substring(0, 6));
        date("handle:productionDate", "2026-06-01");
        Browser.screenshot(browser, "callup-3-receiving");
        click(By.id("handle:doReceive"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "已收货"));
        assertThat(browser.findElement(By.className("ui-messages")).getText()).contains("¥5,750.00");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:rows"), "部分到货"));
        click(receive);
        wait.until(d -> "7".equals(d.findElement(By.id("handle:quantity")).getAttribute("value")));
        type("handle:lot", "BR-" + UUID.randomUUID().toString().substring(0, 6));
        date("handle:productionDate", "2026-06-02");
        click(By.id("handle:doReceive"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "¥13,800.00"));
        // all of it came: it no longer waits, and shows as received among all call-ups
        click(By.cssSelector("#list\\:toReceive .ui-chkbox-box"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:rows"), "已到货"));
        click(By.xpath("//tr[contains(., '" + number + "')]//*[contains(@class,'ui-row-toggler')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:rows"), "到货记录"));
        Browser.screenshot(browser, "callup-4-received");

        // finance sees what is owed to the enterprise, equal to the journal
        signIn("finance");
        browser.get(base + "app/payables.xhtml");
        By row = By.xpath("//tr[contains(., '" + name + "')]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay:rows")));
        // the enterprises are in name order over several pages: page on until it shows
        Browser.pageUntil(browser, wait, "#pay\\:rows", row);
        String owed = wait.until(ExpectedConditions.visibilityOfElementLocated(row)).getText();
        assertThat(owed).contains("¥13,800.00");
        assertThat(browser.findElements(By.id("agrees"))).hasSize(1);
        assertThat(browser.findElements(By.id("differs"))).isEmpty();
        Browser.screenshot(browser, "callup-5-payables");
    }

    private void type(String id, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).sendKeys(text);
    }

    private void date(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id + "_input")));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        wait.until(d -> text.equals(d.findElement(By.id(id + "_input")).getAttribute("value")));
    }

    private void pick(String id, String typed, String pick) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id + "_input"))).sendKeys(typed);
        click(By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(.,'" + pick + "')]"));
        wait.until(d -> d.findElement(By.id(id + "_input")).getAttribute("value").contains(pick));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id + "_panel")));
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
            WebElement el = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (el == null) {
                return false;
            }
            el.click();
            return true;
        });
    }
}
