package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

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
 * Finance as its users work it, in headless Chromium: finance registers an enterprise (a mistyped credit
 * code is a message on the marked field), drafts an agreement picking everything by name and puts it in
 * force; the county's warehouse manager records an inspection with a shortfall; finance accrues the
 * quarter; a second finance user approves the statement; finance records the payment. Screenshots of
 * each step are kept in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class FinanceBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("financeui");
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
    void from_registration_to_payment_through_the_screens() throws Exception {
        signIn("finance");
        assertThat(browser.findElement(By.className("rc-nav")).getText()).contains("储备企业", "协议储备", "补贴结算",
                "财务日记账");
        assertThat(browser.findElement(By.id("welcome")).getText()).isNotBlank();

        // register: a mistyped credit code is refused on its field, in Chinese
        browser.get(base + "app/enterprises.xhtml");
        click(By.cssSelector("#register\\:registerBox .ui-fieldset-legend"));
        type("register:name", "浏览器测试帐篷有限公司");
        String good = "91330324MA2AB3CD4" + checkCharacter("91330324MA2AB3CD4");
        type("register:creditCode", good.substring(0, 17) + (good.charAt(17) == 'X' ? 'Y' : 'X'));
        pick("register:division", "永嘉", "永嘉县");
        click(By.id("register:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "校验码"));
        assertThat(browser.findElement(By.id("register:creditCode")).getAttribute("class")).contains("ui-state-error");
        Browser.screenshot(browser, "finance-1-credit-code-refused");
        browser.findElement(By.id("register:creditCode")).clear();
        type("register:creditCode", good);
        click(By.id("register:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "已登记"));

        // draft an agreement: enterprise, division and material picked by name
        browser.get(base + "app/agreements.xhtml");
        click(By.cssSelector("#draft\\:draftBox .ui-fieldset-legend"));
        pick("draft:enterprise", "浏览器测试", "浏览器测试帐篷有限公司");
        pick("draft:division", "永嘉", "永嘉县");
        date("draft:startsOn", "2026-07-01");
        date("draft:endsOn", "2027-06-30");
        type("draft:managementFee", "3650");
        type("draft:penaltyPerUnitDay", "0.5");
        browser.executeScript("PF('agreementMaterial0').selectValue('TENT-COTTON-12');");
        type("draft:lines:0:quantity", "100");
        type("draft:lines:0:feeRate", "10");
        type("draft:lines:0:unitValue", "1200");
        click(By.id("draft:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agreement-status"), "草稿"));
        String agreementUrl = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("agreement:lines")).getText()).contains("12平方米单帐篷", "100 顶");
        click(By.id("agreement:activate"));
        confirm();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agreement-status"), "生效中"));
        Browser.screenshot(browser, "finance-2-agreement-in-force");

        // the county's manager inspects: 80 of 100 found
        signIn("yongjia.manager");
        browser.get(agreementUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agreement:recordCheck")));
        date("agreement:checkedOn", "2026-09-01");
        WebElement counted = browser.findElement(By.id("agreement:checkLines:0:counted"));
        counted.clear();
        counted.sendKeys("80");
        click(By.id("agreement:recordCheck"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agreement:checks"), "80 / 100"));
        assertThat(browser.findElement(By.id("agreement:lines")).getText()).contains("80 (2026-09-01)");
        Browser.screenshot(browser, "finance-3-inspection-with-shortfall");
        // ... and finds it on the alerts page until an inspection finds the line whole again
        browser.get(base + "app/alerts.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts:findings"), "浏览器测试帐篷有限公司"));
        assertThat(browser.findElement(By.id("alerts:findings")).getText()).contains("短少 20", "2026-09-01");

        // finance accrues the third quarter for Yongjia
        signIn("finance");
        browser.get(base + "app/statements.xhtml");
        browser.executeScript("PF('accruePeriod').selectValue('2026-Q3');");
        pick("accrue:division", "永嘉", "永嘉县");
        click(By.id("accrue:doAccrue"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "2026-Q3"));
        String statementUrl = statementOf("浏览器测试帐篷有限公司");
        browser.get(statementUrl);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("s-total"), "855.62"));
        assertThat(browser.findElement(By.id("statement:lines")).getText()).contains("储存费", "短缺扣减", "管理费",
                "-¥300.00");
        assertThat(browser.findElements(By.id("statement:approve"))).as("the preparer does not approve").isEmpty();
        Browser.screenshot(browser, "finance-4-statement-with-deduction");

        // the enterprise's own statement claims the full quantity: uploaded, one difference with its reason
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("XY\\d{4}-\\d{6}")
                .matcher(browser.findElement(By.id("statement:lines")).getText());
        assertThat(number.find()).as("the statement lines name their agreement").isTrue();
        java.nio.file.Path theirs = java.nio.file.Files.createTempFile("theirs-", ".csv");
        java.nio.file.Files.writeString(theirs, "协议编号,物资编码,类型,数量天数,金额\n"
                + number.group() + ",TENT-COTTON-12,储存费,9200,252.05\n"
                + number.group() + ",TENT-COTTON-12,短缺扣减,600,-300.00\n" + number.group() + ",,管理费,92,920.00\n");
        browser.findElement(By.id("statement:file")).sendKeys(theirs.toAbsolutePath().toString());
        click(By.id("statement:reconcile"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("r-summary"), "¥872.05"));
        assertThat(browser.findElement(By.id("statement:differences")).getText()).contains("252.05", "235.62",
                "基数不同");
        Browser.screenshot(browser, "finance-4b-reconciled-one-difference");

        // a second finance user approves; finance records the payment
        signIn("finance.reviewer");
        browser.get(statementUrl);
        click(By.id("statement:approve"));
        confirm();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("statement-status"), "已审核"));
        signIn("finance");
        browser.get(statementUrl);
        type("statement:reference", "BANK-20261201-0001");
        click(By.id("statement:pay"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("statement-status"), "已支付"));
        assertThat(browser.findElement(By.id("s-paid")).getText()).contains("BANK-20261201-0001");
        Browser.screenshot(browser, "finance-5-paid");

        assertThat(browser.findElement(By.id("statement:pdf")).getAttribute("href")).contains("/api/reports/statements/");

        browser.get(base + "app/journal.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("difference"), "0.00"));
        assertThat(browser.findElement(By.id("entries:rows")).getText()).contains("应付企业款");

        // the year's spending: subsidies by level and the divisions that bore them
        click(By.id("menu-spending"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spending:levels")));
        assertThat(browser.findElement(By.id("spending:levels")).getText()).contains("储备补贴", "县（区、市）");
        assertThat(browser.findElement(By.id("spending:rows")).getText()).contains("浙江省 33");
        assertThat(browser.findElement(By.id("spending-total")).getText()).contains("¥");
        Browser.screenshot(browser, "finance-9-spending");
    }

    @Test
    void enterprises_are_imported_from_a_spreadsheet_after_the_check_lists_the_bad_row() throws Exception {
        signIn("finance");
        browser.get(base + "app/enterprises.xhtml");
        click(By.id("importLink"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "企业批量导入"));
        assertThat(browser.findElement(By.id("templateXlsx")).getAttribute("href")).contains("/api/enterprises/import/template");
        String first = "91330324MA2BR" + String.format("%04d", (int) (Math.random() * 10_000));
        first = first + checkCharacter(first);
        String second = "91331002MA2BR" + String.format("%04d", (int) (Math.random() * 10_000));
        second = second + checkCharacter(second);
        String wrong = second.substring(0, 17) + (second.charAt(17) == '0' ? '1' : '0');
        java.nio.file.Path file = java.nio.file.Files.createTempFile("enterprises-", ".csv");
        java.nio.file.Files.writeString(file, "企业名称,统一社会信用代码,所在区划\n界面导入甲公司," + first + ",永嘉县\n界面导入乙公司,"
                + wrong + ",331002\n");
        browser.findElement(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("upload:check"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome:errors")));
        assertThat(browser.findElement(By.id("outcome:errors")).getText()).contains("3", "统一社会信用代码");
        assertThat(browser.findElements(By.id("outcome:import"))).as("nothing to import while a row is bad").isEmpty();
        Browser.screenshot(browser, "finance-import-1-bad-row");

        java.nio.file.Files.writeString(file, "企业名称,统一社会信用代码,所在区划\n界面导入甲公司," + first + ",永嘉县\n界面导入乙公司,"
                + second + ",331002\n");
        browser.findElement(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("upload:check"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome:import")));
        click(By.id("outcome:import"));
        confirm();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已导入 2 行"));
        browser.get(base + "app/enterprises.xhtml");
        type("list:text", "界面导入");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:rows"), "界面导入乙公司"));
        assertThat(browser.findElement(By.id("list:rows")).getText()).contains("界面导入甲公司", "永嘉县");
        Browser.screenshot(browser, "finance-import-2-registered");
    }

    @Test
    void the_finance_pages_read_in_english() throws Exception {
        signIn("finance");
        click(By.id("header:lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("rc-nav"), "Subsidy statements"));
        java.util.regex.Pattern chinese = java.util.regex.Pattern.compile("\\p{IsHan}");
        assertThat(chinese.matcher(browser.findElement(By.className("rc-nav")).getText()).find())
                .as("the menu is English").isFalse();
        String[][] pages = {{"enterprises", "Enterprises"}, {"agreements", "Reserve agreements"},
                {"statements", "Subsidy statements"}, {"journal", "journal"}, {"spending", "spending"},
                {"write-offs", "Write-off"}};
        for (String[] page : pages) {
            browser.get(base + "app/" + page[0] + ".xhtml");
            WebElement heading = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h2")));
            assertThat(heading.getText()).containsIgnoringCase(page[1]);
            assertThat(chinese.matcher(heading.getText()).find()).as(page[0] + " heading").isFalse();
            Browser.screenshot(browser, "finance-en-" + page[0]);
        }
        click(By.id("header:lang-zh"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("rc-nav"), "补贴结算"));
    }

    @Test
    void the_finance_home_shows_statements_waiting_and_an_auditor_reads_but_does_not_act() throws Exception {
        signIn("finance.reviewer");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("待审核的补贴结算单");
        signIn("auditor");
        browser.get(base + "app/statements.xhtml");
        assertThat(browser.findElements(By.id("accrue:doAccrue"))).isEmpty();
        click(By.cssSelector(".rc-statement"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-status")));
        assertThat(browser.findElements(By.id("statement:approve"))).isEmpty();
        assertThat(browser.findElements(By.id("statement:pay"))).isEmpty();
        // in English: headings, items, units and statuses follow the switch
        click(By.id("header:lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("statement-title"), "Subsidy statement"));
        String english = browser.findElement(By.id("statement:lines")).getText();
        assertThat(english).contains("Storage fee", "Amount");
        assertThat(browser.findElement(By.id("statement-status")).getText()).isIn("Draft", "Approved", "Paid");
        Browser.screenshot(browser, "finance-7-statement-in-english");
        browser.get(base + "app/agreements.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Reserve agreements"));
        assertThat(browser.findElement(By.id("list:rows")).getText()).contains("In force");
        Browser.screenshot(browser, "finance-8-agreements-in-english");
        click(By.id("header:lang-zh"));
        // a warehouse manager reads agreements but has no statements
        signIn("yongjia.manager");
        assertThat(browser.findElement(By.className("rc-nav")).getText()).contains("协议储备").doesNotContain("补贴结算");
    }

    @Test
    void a_write_off_is_raised_signed_at_two_levels_on_screen_and_the_chain_shown_intact() throws Exception {
        signIn("province.manager");
        browser.get(base + "app/write-offs.xhtml");
        click(By.cssSelector("#raise\\:raiseBox .ui-fieldset-legend"));
        pick("raise:warehouse", "ZJ-331002", "ZJ-331002");
        type("raise:description", "轮换出售棉被低于账面价值");
        type("raise:amount", "80000");
        click(By.id("raise:doRaise"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "等待签核"));
        for (String signer : new String[] {"jiaojiang.finance", "taizhou.finance"}) {
            signIn(signer);
            browser.get(base + "app/write-offs.xhtml");
            click(By.id("list:rows:0:sign"));
            confirm();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("ui-messages"), "已签核"));
        }
        assertThat(browser.findElement(By.id("list:rows")).getText()).contains("县级 jiaojiang.finance",
                "市级 taizhou.finance", "已签核");
        browser.get(base + "app/write-offs.xhtml");
        assertThat(browser.findElement(By.id("chainOk")).getText()).contains("完整");
        Browser.screenshot(browser, "finance-6-write-off-signed");
    }

    private String statementOf(String enterprise) {
        By link = By.xpath("//tr[contains(., '" + enterprise + "')]//a[contains(@class,'rc-statement')]");
        return wait.until(ExpectedConditions.presenceOfElementLocated(link)).getAttribute("href");
    }

    static char checkCharacter(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        return alphabet.charAt(c == 31 ? 0 : c);
    }

    private void type(String id, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).sendKeys(text);
    }

    /** Types a date into a date picker's box (its calendar opens from the icon only) and moves on. */
    private void date(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id + "_input")));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        wait.until(d -> text.equals(d.findElement(By.id(id + "_input")).getAttribute("value")));
    }

    private void confirm() {
        By dialog = By.cssSelector(".ui-confirm-dialog");
        wait.until(ExpectedConditions.visibilityOfElementLocated(dialog));
        click(By.cssSelector(".ui-confirmdialog-yes"));
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
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }
}
