package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The UI in a real headless Chromium: sign-in, menus by role, the language switch, and walking the
 * division tree down to a village. The browser asks for English (--lang=en-US) on purpose: the UI must
 * still start in Chinese.
 */
@ExtendWith(ArquillianExtension.class)
class UiBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("ui");
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

    /** Keeps what the browser showed last, for a person to look at (target/screenshots). */
    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        Browser.screenshotAndQuit(browser, test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void an_administrator_sees_user_administration_and_the_audit_trail() {
        signIn("admin");
        assertThat(menu()).contains("首页", "行政区划", "用户管理", "审计日志");
        assertThat(browser.findElement(By.id("my-role")).getText()).isEqualTo("系统管理员");
    }

    @Test
    void an_auditor_sees_the_audit_trail_but_not_user_administration() {
        signIn("auditor");
        assertThat(menu()).contains("行政区划", "审计日志").doesNotContain("用户管理");
        click(By.cssSelector("[id$='menu-audit']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "审计日志"));
        assertThat(browser.findElement(By.id("audit:events")).getText()).contains("USER_CREATED");
    }

    @Test
    void a_county_warehouse_manager_sees_neither_and_works_in_their_county() {
        signIn("yongjia.manager");
        assertThat(menu()).contains("首页", "行政区划").doesNotContain("用户管理", "审计日志");
        assertThat(browser.findElement(By.id("my-jurisdiction")).getText()).isEqualTo("永嘉县 (330324)");
    }

    @Test
    void an_api_change_riding_on_the_session_cookie_alone_is_refused_and_the_cookie_stays_on_this_site() {
        String name = "csrf." + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api admin = Api.as(base, "admin", "demo123");
        assertThat(admin.post("api/users", "{\"username\":\"" + name + "\",\"displayName\":\"跨站测试\","
                + "\"password\":\"secret-123\",\"role\":\"AUDITOR\",\"jurisdiction\":\"330324\"}").status()).isEqualTo(201);
        signIn("admin");
        assertThat(browser.manage().getCookieNamed("JSESSIONID").getSameSite()).isEqualTo("Lax");
        // what a forged form or script would send: the session cookie and nothing else
        String disable = "var done = arguments[arguments.length - 1]; fetch('" + base + "api/users/" + name
                + "/disable', {method: 'POST', credentials: 'same-origin', headers: HEADERS})"
                + ".then(function (r) { done(r.status); }, function () { done(-1); });";
        assertThat(browser.executeAsyncScript(disable.replace("HEADERS", "{}"))).isEqualTo(403L);
        assertThat(admin.get("api/users/" + name).json().get("enabled").asBoolean()).isTrue();
        // the application's own scripts send X-Requested-With, which another site cannot add
        assertThat(browser.executeAsyncScript(disable.replace("HEADERS", "{'X-Requested-With': 'XMLHttpRequest'}")))
                .isEqualTo(200L);
        assertThat(admin.get("api/users/" + name).json().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void after_too_many_wrong_passwords_the_login_page_says_how_long_to_wait() {
        String name = "pause." + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(Api.as(base, "admin", "demo123").post("api/users", "{\"username\":\"" + name + "\",\"displayName\":"
                + "\"暂停测试\",\"password\":\"secret-123\",\"role\":\"AUDITOR\",\"jurisdiction\":\"330324\"}").status())
                .isEqualTo(201);
        for (int i = 1; i <= 6; i++) {
            browser.get(base + "login.xhtml");
            browser.findElement(By.id("login:username")).sendKeys(name);
            browser.findElement(By.id("login:password")).sendKeys("wrong-" + i);
            click(By.id("login:submit"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "用户名或密码错误"));
        }
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(name);
        browser.findElement(By.id("login:password")).sendKeys("secret-123");
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "分钟后再试"));
        assertThat(browser.findElements(By.id("welcome"))).isEmpty();
    }

    @Test
    void wrong_credentials_get_a_message_on_the_login_page() {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys("admin");
        browser.findElement(By.id("login:password")).sendKeys("not-the-password");
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "用户名或密码错误"));
    }

    @Test
    void the_language_switches_between_chinese_and_english() {
        signIn("dispatcher");
        assertThat(menu()).contains("行政区划");
        click(By.id("header:lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("rc-nav"), "Divisions"));
        assertThat(menu()).contains("Home", "Divisions").doesNotContain("行政区划");
        assertThat(browser.findElement(By.id("my-role")).getText()).isEqualTo("Dispatcher");
        click(By.id("header:lang-zh"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("rc-nav"), "行政区划"));
    }

    @Test
    void the_division_tree_opens_down_to_a_village() {
        JsonNode township = Api.as(base, "dispatcher", "demo123").get("api/divisions/330324/children?size=1").json()
                .get("items").get(0);
        JsonNode village = Api.as(base, "dispatcher", "demo123")
                .get("api/divisions/" + township.get("code").asText() + "/children?size=1").json().get("items").get(0);

        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-divisions']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("divisions:tree")));
        expand("温州市");
        expand("永嘉县");
        expand(township.get("nameZh").asText());
        WebElement villageRow = row(village.get("nameZh").asText());
        assertThat(villageRow.getText()).contains(village.get("code").asText());

        villageRow.findElement(By.className("rc-node")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-code"), village.get("code").asText()));
        assertThat(browser.findElement(By.id("d-position")).getText()).contains("合成位置");
    }

    @Test
    void the_division_search_finds_a_county_by_name() {
        signIn("dispatcher");
        click(By.cssSelector("[id$='menu-divisions']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("divisions:query"))).sendKeys("淳安");
        click(By.id("divisions:search"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("divisions:hits"), "330127"));
        assertThat(browser.findElement(By.id("divisions:hits")).getText()).contains("淳安县", "浙江省 › 杭州市");
    }

    @Test
    void an_administrator_creates_a_user_in_the_form_and_disables_them() {
        String name = "ui." + java.util.UUID.randomUUID().toString().substring(0, 8);
        signIn("admin");
        click(By.cssSelector("[id$='menu-users']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users:username"))).sendKeys(name);
        browser.findElement(By.id("users:displayName")).sendKeys("界面测试");
        pick("users:jurisdiction", "yjx", "(330324)"); // pinyin initials of 永嘉县, typed without an input method
        browser.findElement(By.id("users:password")).sendKeys("secret-123");
        click(By.id("users:create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已创建用户 " + name));

        By row = By.xpath("//tbody//tr[td[normalize-space(text())='" + name + "']]");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(row)).getText())
                .contains("永嘉县 (330324)", "启用");
        browser.findElement(row).findElement(By.xpath(".//button[normalize-space(.)='停用']")).click();
        confirm(true);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//tbody//tr[td[normalize-space(text())='"
                + name + "']]//span[contains(@class,'rc-off')]")));
        assertThat(Api.as(base, name, "secret-123").get("api/me").status()).isEqualTo(401);
    }

    @Test
    void a_jurisdiction_that_does_not_exist_is_a_form_message_not_an_error_page() {
        signIn("admin");
        click(By.cssSelector("[id$='menu-users']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users:username"))).sendKeys("ui.nowhere");
        browser.findElement(By.id("users:displayName")).sendKeys("无处");
        browser.findElement(By.id("users:jurisdiction_input")).sendKeys("339999");
        // The picker finds nothing; its answer (which re-renders the messages) must come before the form's.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("users:jurisdiction_panel")));
        browser.findElement(By.id("users:jurisdiction_input")).sendKeys(org.openqa.selenium.Keys.TAB);
        browser.findElement(By.id("users:password")).sendKeys("secret-123");
        click(By.id("users:create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "339999 does not exist"));
    }

    @Test
    void a_county_manager_receives_stock_and_an_issue_beyond_stock_gets_a_clear_message() {
        String lot = "UI-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-stock']"));
        pick("movement:warehouse", "yjxxj", "ZJ-330324"); // 永嘉县县级..., by its pinyin initials
        browser.findElement(By.id("movement:lot")).sendKeys(lot);
        browser.findElement(By.id("movement:quantity")).sendKeys("1.5");
        // the material menu's filter takes pinyin initials as well as names and codes: "mt" is 毛毯 (BLANKET)
        browser.executeScript("PF('movementMaterial').show();");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("movement:material_filter"))).sendKeys("mt");
        wait.until(d -> shownOptions("movement:material").contains("毛毯 (BLANKET)")
                && shownOptions("movement:material").stream().noneMatch(o -> o.contains("TENT")));
        browser.executeScript("PF('movementMaterial').hide();");
        choose("movementMaterial", "BLANKET", "movement:material", "BLANKET");
        click(By.id("movement:submit"));
        // Blankets are counted whole: the field is named in Chinese and marked.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "数量须为整数：毛毯按整条计"));
        assertThat(browser.findElement(By.id("movement:quantity")).getAttribute("class")).contains("ui-state-error");
        WebElement quantity = browser.findElement(By.id("movement:quantity"));
        quantity.clear();
        quantity.sendKeys("12");
        click(By.id("movement:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "入库已登记：12 条毛毯（批次 " + lot
                + "），该批次在本仓库结存 12 条"));

        // The form keeps warehouse, material and lot when the type changes.
        choose("movementType", "ISSUE", "movement:type", "出库");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("movement:reasonKind")));
        assertThat(browser.findElement(By.id("movement:lot")).getAttribute("value")).isEqualTo(lot);
        quantity = browser.findElement(By.id("movement:quantity"));
        quantity.clear();
        quantity.sendKeys("13");
        click(By.id("movement:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "请选择事由"));
        choose("movementReason", "RELIEF", "movement:reasonKind", "救灾发放");
        click(By.id("movement:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "（ZJ-330324）的毛毯库存不足（批次 " + lot + "）：需要 13 条，可用 12 条"));
        assertThat(browser.findElement(By.id("messages")).getText()).as("no English in the Chinese UI")
                .doesNotContain("not enough");

        // Totals per material first; a click on one drills down to its lots.
        pick("stock:fWarehouse", "ZJ-330324", "ZJ-330324");
        click(By.id("stock:filter"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock:totals"), "毛毯"));
        click(By.xpath("//*[@id='stock:totals']//a[contains(@class,'rc-drill') and normalize-space(.)='毛毯']"));
        // The drill sets the material filter and reloads the lots: wait for that, not for the lot (it may
        // already be on the unfiltered first page).
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> "BLANKET".equals(
                d.findElement(By.id("stock:fMaterial")).getAttribute("value"))
                && !d.findElement(By.id("stock:balances")).getText().contains("棉被"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock:balances"), lot));
        assertThat(browser.findElement(By.id("stock:balances")).getText()).doesNotContain("棉被");
        // The filter finds the material by its Chinese name too.
        browser.findElement(By.id("stock:fMaterial")).clear();
        browser.findElement(By.id("stock:fMaterial")).sendKeys("毛毯");
        click(By.id("stock:filter"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock:balances"), lot));

        click(By.linkText(lot));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lot-quantity"), "12"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("入库", "yongjia.manager");
    }

    @Test
    void an_allocation_goes_from_request_to_receipt_through_the_screens_of_two_managers() {
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-allocations']"));
        // Warehouses are picked by name: the county's own reserve as destination, the city's as source.
        pick("request:to", "永嘉县县级", "ZJ-330324");
        pick("request:from", "ZJ-3303", "(ZJ-3303)");
        choose("allocationMaterial0", "QUILT-COTTON", "request:lines:0:material", "QUILT-COTTON");
        browser.findElement(By.id("request:lines:0:quantity")).sendKeys("5");
        click(By.id("request:addLine"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request:lines:1:quantity")));
        choose("allocationMaterial1", "BLANKET", "request:lines:1:material", "BLANKET");
        browser.findElement(By.id("request:lines:1:quantity")).sendKeys("3");
        browser.findElement(By.id("request:purpose")).sendKeys("台风前预置");
        click(By.id("request:create"));
        // The draft opens on its own page, where the requester submits it and it gets its number.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "草稿"));
        assertThat(browser.findElement(By.id("order:lines")).getText()).contains("棉被", "5", "床");
        assertThat(browser.findElement(By.id("o-from")).getText()).contains("ZJ-3303");
        assertThat(browser.findElements(By.id("order:approve"))).as("the requester cannot approve").isEmpty();
        click(By.id("order:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "已提交"));
        String number = browser.findElement(By.id("order-title")).getText().replaceAll("(?s).*(DB\\d{4}-\\d{6}).*", "$1");
        assertThat(number).matches("DB\\d{4}-\\d{6}");

        click(By.id("header:logout"));
        signIn("province.manager");
        // The work finds the approver: the home page counts the order and leads to it.
        By toApprove = By.xpath("//*[@id='work']//a[contains(.,'调拨单待审批')]");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(toApprove)).getAttribute("class"))
                .contains("rc-card-urgent");
        click(toApprove);
        openFromInbox(number, "待审批");
        click(By.id("order:approve"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "已批准"));
        // The city has fewer blankets to spare than asked: it ships 2 of 3 and closes the rest short.
        WebElement blankets = browser.findElement(By.id("order:ship:1:qty"));
        blankets.clear();
        blankets.sendKeys("2");
        click(By.id("order:shipBtn"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "原因"));
        browser.findElement(By.id("order:reason")).sendKeys("毛毯另有调用");
        click(By.id("order:shipBtn"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "在途"));
        assertThat(browser.findElement(By.id("order:timeline")).getText()).contains("部分发货", "毛毯另有调用");

        click(By.id("header:logout"));
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-allocations']"));
        openFromInbox(number, "待收货");
        // Of the 5 quilts, 3 arrived intact, 1 damaged, 1 is missing; the blankets all arrived.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order:receipt:0:received"))).sendKeys("3");
        browser.findElement(By.id("order:receipt:0:damaged")).sendKeys("1");
        click(By.id("order:receiveBtn"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "已完成"));
        String lines = browser.findElement(By.id("order:lines")).getText();
        assertThat(lines).contains("棉被", "毛毯");
        assertThat(browser.findElement(By.id("order:timeline")).getText())
                .contains("提交", "批准", "部分发货", "收货", "province.manager", "yongjia.manager");
    }

    @Test
    void a_shortfall_on_the_alerts_page_becomes_a_prefilled_allocation_request() {
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-alerts']"));
        By first = By.xpath("//*[@id='alerts:shortfalls']//tbody/tr[1]");
        String row = wait.until(ExpectedConditions.visibilityOfElementLocated(first)).getText();
        String warehouse = row.replaceAll("(?s).*?\\b([A-Z]{2}-[0-9A-Z-]+)\\b.*", "$1");
        assertThat(browser.findElement(By.id("alerts:expiring")).getText()).as("expired first").isNotBlank();
        click(By.xpath("//*[@id='alerts:shortfalls']//tbody/tr[1]//a[contains(@class,'rc-request')]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request:to_input")));
        assertThat(browser.findElement(By.id("request:to_input")).getAttribute("value")).endsWith("(" + warehouse + ")");
        assertThat(browser.findElement(By.id("request:from_input")).getAttribute("value")).as("the reserve above")
                .matches(".+\\(ZJ-[0-9]+\\)");
        assertThat(browser.findElement(By.id("request:lines:0:quantity")).getAttribute("value")).matches("[1-9][0-9]*");
        assertThat(browser.findElement(By.id("request:lines:0:material_label")).getText()).isNotBlank().isNotEqualTo("-");
        click(By.id("request:create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "草稿"));
        assertThat(browser.findElement(By.id("o-to")).getText()).contains(warehouse);
    }

    @Test
    void a_bulk_receipt_is_checked_row_by_row_before_anything_is_written() throws Exception {
        String lot = "IMP-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("receipts", ".csv");
        java.nio.file.Files.writeString(bad, "仓库,物资,批次号,数量,事由\n"
                + "ZJ-330324,BLANKET," + lot + "-A,10,采购\n"
                + "ZJ-330324,TENT-COTTON-12," + lot + "-B,1.5,采购\n");
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-imports']"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("templateXlsx"))).getAttribute("href"))
                .contains("api/stock/imports/template");
        browser.findElement(By.id("upload:file")).sendKeys(bad.toString());
        click(By.id("upload:check"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "共 2 行，1 行有问题"));
        assertThat(browser.findElement(By.id("outcome:errors")).getText()).contains("3", "数量");
        assertThat(browser.findElements(By.id("outcome:import"))).as("nothing to import while a row is bad").isEmpty();

        java.nio.file.Path good = java.nio.file.Files.createTempFile("receipts", ".csv");
        java.nio.file.Files.writeString(good, "仓库,物资,批次号,数量,事由\n"
                + "ZJ-330324,BLANKET," + lot + "-A,10,采购\n"
                + "ZJ-330324,TENT-COTTON-12," + lot + "-B,2,采购\n");
        browser.findElement(By.id("upload:file")).sendKeys(good.toString());
        click(By.id("upload:check"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "2 行全部无误"));
        click(By.id("outcome:import"));
        confirm(true);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已导入 2 行"));
        assertThat(Api.as(base, "yongjia.manager", "demo123").get("api/stock/balances?warehouse=ZJ-330324&lot="
                + lot + "-B").json().get("items").get(0).get("quantity").asText()).isEqualTo("2");
    }

    @Test
    void a_draft_is_deleted_and_an_order_cancelled_only_after_confirmation() {
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-allocations']"));
        pick("request:to", "ZJ-330324", "ZJ-330324");
        pick("request:from", "ZJ-3303", "(ZJ-3303)");
        choose("allocationMaterial0", "BLANKET", "request:lines:0:material", "BLANKET");
        browser.findElement(By.id("request:lines:0:quantity")).sendKeys("1");
        browser.findElement(By.id("request:purpose")).sendKeys("试填");
        click(By.id("request:create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "草稿"));
        click(By.id("order:delete"));
        confirm(false);
        assertThat(browser.findElement(By.id("order-title")).getText()).as("declined: still there").contains("草稿");
        click(By.id("order:delete"));
        confirm(true);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "草稿已删除"));

        pick("request:to", "ZJ-330324", "ZJ-330324");
        pick("request:from", "ZJ-3303", "(ZJ-3303)");
        choose("allocationMaterial0", "BLANKET", "request:lines:0:material", "BLANKET");
        browser.findElement(By.id("request:lines:0:quantity")).sendKeys("1");
        browser.findElement(By.id("request:purpose")).sendKeys("预置");
        click(By.id("request:create"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order:submit")));
        click(By.id("order:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "已提交"));
        click(By.id("order:cancelOrder"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "原因"));
        assertThat(browser.findElement(By.id("messages")).getText()).as("no field paths, no English")
                .doesNotContain("reason:", "required");
        browser.findElement(By.id("order:reason")).sendKeys("需求已由乡镇库满足");
        click(By.id("order:cancelOrder"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "已取消"));
        assertThat(browser.findElement(By.id("order:timeline")).getText()).contains("需求已由乡镇库满足");
        assertThat(browser.findElements(By.id("order:cancelOrder"))).isEmpty();
    }

    @Test
    void a_county_manager_edits_a_plan_target_and_the_edit_is_marked_and_kept() {
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-plans']"));
        pick("plans:warehouse", "永嘉县县级", "ZJ-330324");
        choose("planMaterial", "TENT-COTTON-12", "plans:material", "TENT-COTTON-12");
        WebElement unfiltered = browser.findElement(By.id("plans:lines"));
        click(By.id("plans:search"));
        wait.until(ExpectedConditions.stalenessOf(unfiltered));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plans:lines"), "TENT-COTTON-12"));
        WebElement target = browser.findElement(By.id("plans:lines:0:target"));
        target.sendKeys("777");
        click(By.id("plans:lines:0:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "777"));
        assertThat(browser.findElement(By.id("plans:lines")).getText()).contains("现为 777", "手工修改");

        click(By.id("plans:recompute"));
        confirm(true);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已按标准计算"));
        assertThat(browser.findElement(By.id("plans:lines")).getText()).contains("现为 777", "手工修改");
    }

    @Test
    void a_county_manager_registers_a_warehouse_in_the_county_and_not_outside_it() {
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-warehouses']"));
        click(By.id("filter:new"));
        fillWarehouse("YJ-SHELTER-7", "永嘉县临时安置点七号", "330324");
        click(By.id("edit:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已新建储备库 YJ-SHELTER-7"));

        click(By.id("filter:new"));
        fillWarehouse("LC-SHELTER-1", "鹿城区安置点", "330302");
        click(By.id("edit:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "330302"));
        assertThat(browser.findElement(By.id("edit")).getText()).contains("新建储备库");

        browser.findElement(By.id("filter:text")).sendKeys("SHELTER");
        click(By.id("filter:search"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:warehouses"), "YJ-SHELTER-7"));
        assertThat(browser.findElement(By.id("list:warehouses")).getText()).doesNotContain("LC-SHELTER-1");

        // The page lists the county's own warehouses; deactivating one asks first.
        browser.findElement(By.id("filter:text")).clear();
        browser.findElement(By.id("filter:text")).sendKeys("ZJ-33");
        click(By.id("filter:search"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:warehouses"), "ZJ-330324"));
        assertThat(browser.findElement(By.id("list:warehouses")).getText()).doesNotContain("温州市市级", "ZJ-330302");
        browser.findElement(By.id("filter:text")).clear();
        browser.findElement(By.id("filter:text")).sendKeys("YJ-SHELTER-7");
        click(By.id("filter:search"));
        By deactivate = By.xpath("//*[@id='list:warehouses']//tr[td[normalize-space(text())='YJ-SHELTER-7']]"
                + "//button[contains(@id,'deactivate')]");
        click(deactivate);
        confirm(false);
        assertThat(browser.findElement(By.id("list:warehouses")).getText()).contains("在用");
        click(deactivate);
        confirm(true);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "YJ-SHELTER-7"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:warehouses"), "停用"));
    }

    private void fillWarehouse(String code, String name, String division) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit:code"))).sendKeys(code);
        browser.findElement(By.id("edit:nameZh")).sendKeys(name);
        browser.findElement(By.id("edit:division_input")).sendKeys(division);
        browser.findElement(By.id("edit:address")).sendKeys("学校操场");
        browser.findElement(By.id("edit:lon")).sendKeys("120.69");
        browser.findElement(By.id("edit:lat")).sendKeys("28.15");
        browser.findElement(By.id("edit:area")).sendKeys("300");
        browser.findElement(By.id("edit:volume")).sendKeys("900");
        browser.findElement(By.id("edit:contactName")).sendKeys("王明");
        browser.findElement(By.id("edit:contactPhone")).sendKeys("0577-67221234");
    }

    @Test
    void the_alerts_page_shows_expiring_lots_shortfalls_and_plan_completion_of_the_county() {
        signIn("yongjia.manager");
        click(By.cssSelector("[id$='menu-alerts']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("completion")));
        assertThat(browser.findElement(By.id("completion")).getText()).contains("县（区、市）", "乡镇（街道）", "%")
                .doesNotContain("省\n");
        assertThat(browser.findElement(By.id("alerts:expiring")).getText()).contains("ZJ-330324");
        // Most urgent first: the county's demo stock has expired lots, and they lead the list.
        assertThat(browser.findElement(By.xpath("//*[@id='alerts:expiring']//tbody/tr[1]")).getText()).contains("已过期");
        assertThat(browser.findElement(By.id("alerts:shortfalls")).getText()).doesNotContain("ZJ-3303 ");
    }

    @Test
    void a_count_with_a_variance_is_entered_by_one_manager_and_approved_by_another() {
        String village = Api.as(base, "dispatcher", "demo123")
                .get("api/warehouses?level=VILLAGE&division=331081&size=1").json().get("items").get(0).get("code").asText();
        signIn("province.manager");
        click(By.cssSelector("[id$='menu-counts']"));
        pick("count:warehouse", village, "(" + village + ")");
        click(By.id("count:open"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count-number"), "盘点中"));
        String number = browser.findElement(By.id("count-number")).getText().replaceAll("(?s)^(PD\\d{4}-\\d{6}).*", "$1");
        assertThat(browser.findElement(By.id("count:inProgress")).getText()).as("listed while in progress").contains(number);
        List<WebElement> fields = browser.findElements(By.cssSelector("input[id$=':counted']"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#count-lines tr"));
        assertThat(fields).isNotEmpty();
        for (int i = 0; i < fields.size(); i++) {
            // "12 条": the books' figure with its unit
            String expected = rows.get(i + 1).findElements(By.tagName("td")).get(2).getText().split(" ")[0];
            fields.get(i).sendKeys(i == 0 ? new java.math.BigDecimal(expected).add(java.math.BigDecimal.ONE)
                    .toPlainString() : expected);
        }
        click(By.id("count:save"));
        // the sheet is re-rendered by the save: look the variance cell up afresh until it shows
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> "1".equals(
                d.findElements(By.cssSelector("#count-lines tr")).get(1).findElements(By.tagName("td")).get(4).getText()));
        click(By.id("count:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count-number"), "待审核"));
        assertThat(browser.findElements(By.id("count:approve"))).as("not offered to who submitted").isEmpty();
        assertThat(browser.findElement(By.id("count:approveHint")).getText()).contains("另一名管理员");

        click(By.id("header:logout"));
        signIn("yongjia.manager"); // outside 温岭: may not even open it
        click(By.cssSelector("[id$='menu-counts']"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count:inProgress"))).getText())
                .doesNotContain(number);
        browser.findElement(By.id("count:number")).sendKeys(number);
        click(By.id("count:load"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "不在您的管辖范围"));

        String second = "taizhou." + java.util.UUID.randomUUID().toString().substring(0, 6);
        Api.as(base, "admin", "demo123").post("api/users", "{\"username\":\"" + second + "\",\"displayName\":\"台州市仓库管理员\","
                + "\"role\":\"WAREHOUSE_MANAGER\",\"jurisdiction\":\"3310\",\"password\":\"secret-123\"}");
        click(By.id("header:logout"));
        signIn(second, "secret-123");
        // The home page says a count waits for approval and leads to it.
        click(By.xpath("//*[@id='work']//a[contains(.,'盘点待审批')]"));
        click(By.xpath("//*[@id='count:inProgress']//a[normalize-space(.)='" + number + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count-number"), number));
        assertThat(browser.findElement(By.id("count-lines")).getText()).as("names, not codes").doesNotContain("null");
        click(By.id("count:approve"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count-number"), "已审核"));
        assertThat(browser.findElement(By.id("count:recent")).getText()).contains(number);
    }

    /** Opens an order from the "waiting for me" list, which says what it waits for. */
    private void openFromInbox(String number, String waitingFor) {
        By row = By.xpath("//*[@id='orders:boxes:inbox']//tr[.//a[normalize-space(text())='" + number + "']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, waitingFor));
        click(By.xpath("//*[@id='orders:boxes:inbox']//a[normalize-space(text())='" + number + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), number));
    }

    /** Answers the confirmation dialog once it is fully shown, and waits until it has gone. */
    private void confirm(boolean yes) {
        By dialog = By.cssSelector(".ui-confirm-dialog");
        wait.until(ExpectedConditions.visibilityOfElementLocated(dialog));
        click(By.cssSelector(yes ? ".ui-confirmdialog-yes" : ".ui-confirmdialog-no"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(dialog));
    }

    /** Types into a PrimeFaces autoComplete and picks the suggestion containing {@code pick}. */
    private void pick(String id, String typed, String pick) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id + "_input"))).sendKeys(typed);
        click(By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(.,'" + pick + "')]"));
        wait.until(d -> d.findElement(By.id(id + "_input")).getAttribute("value").contains(pick));
    }

    /** The options of a PrimeFaces selectOneMenu that its filter leaves visible. */
    private List<String> shownOptions(String menuId) {
        return browser.findElements(By.cssSelector("[id='" + menuId + "_items'] li.ui-selectonemenu-item")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    /** Picks an option of a PrimeFaces selectOneMenu through its widget, as a click on the option would. */
    private void choose(String widgetVar, String value, String menuId, String label) {
        browser.executeScript("PF(arguments[0]).selectValue(arguments[1]);", widgetVar, value);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
    }

    private void signIn(String user) {
        signIn(user, "demo123");
    }

    private void signIn(String user, String password) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(password);
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    private String menu() {
        return browser.findElement(By.className("rc-nav")).getText();
    }

    /** Clicks once the element is clickable; a table re-rendered by Ajax meanwhile is found again. */
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

    private WebElement row(String name) {
        By xpath = By.xpath("//table//tr[.//span[contains(@class,'rc-node') and normalize-space(text())='" + name + "']]");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(xpath));
    }

    private void expand(String name) {
        WebElement row = row(name);
        List<WebElement> togglers = row.findElements(By.cssSelector(".ui-treetable-toggler"));
        assertThat(togglers).as("toggler of " + name).isNotEmpty();
        String before = browser.findElement(By.id("divisions:tree")).getText();
        togglers.get(0).click();
        wait.until(d -> !d.findElement(By.id("divisions:tree")).getText().equals(before));
    }
}
