package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The provincial dispatcher's day in a real headless Chromium, on the demo typhoon (2,719 villages, the
 * demo warehouses and fleet, the province road network): plan for 20 s while the figure moves, see the
 * plan on the map, approve it, open a dispatch order and print its manifest, report a delivery, then
 * add a blocked area and revise the approved plan, approve the revision.
 */
@ExtendWith(ArquillianExtension.class)
class DispatchBrowserIT {

    /** Building the demo problem and its first plan is the slow part; a plan of 20 s ends well before this. */
    private static final Duration PLANNING = Duration.ofMinutes(10);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("dispatchui");
    }

    @ArquillianResource
    private URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Browser.PATIENCE);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void close(TestInfo test) throws java.io.IOException {
        Browser.screenshotAndQuit(browser, test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void the_dispatcher_plans_the_demo_typhoon_approves_prints_reports_a_delivery_and_revises() throws Exception {
        // The demo typhoon replays 2019: its relief deadline has passed, and planning against it says so.
        signIn("dispatcher");
        browser.get(base + "app/incidents.xhtml");
        click(By.linkText("INC-DEMO-0001"));
        click(tab("调度方案"));
        click(By.cssSelector("[id$='plan:start']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "救助时限已过"));
        assertThat(browser.getPageSource()).doesNotContain("Internal error", "Exception");

        // The province sets the next relief deadline, ten hours from now.
        Api api = Api.as(base, "dispatcher", "demo123");
        var demo = api.get("api/incidents?size=500").json().get("items");
        for (var i : demo) {
            if (i.get("number").asText().equals("INC-DEMO-0001")) {
                Api.Reply moved = api.patch("api/incidents/" + i.get("id").asLong(), "{\"deadline\":\""
                        + java.time.Instant.now().plus(Duration.ofHours(10)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        + "\",\"reason\":\"演练：第二阶段救助时限\",\"version\":" + i.get("version").asLong() + "}");
                assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            }
        }
        signIn("dispatcher");
        browser.get(base + "app/incidents.xhtml");
        click(By.linkText("INC-DEMO-0001"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-title"), "利奇马"));
        click(tab("调度方案"));
        var seconds = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='plan:seconds_input']")));
        seconds.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "20");
        click(By.cssSelector("[id$='plan:start']"));

        // The plan page: queued or solving, then the figure moves without reloading the page.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-title"), "调度方案 1"));
        String firstPlan = browser.getCurrentUrl();
        // The page polls every second and redraws the figures: an element may go stale between finding and reading it.
        var planning = new WebDriverWait(browser, PLANNING).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        planning.until(ExpectedConditions.textToBePresentInElementLocated(By.id("p-status"), "求解中"));
        planning.until(d -> {
            String points = d.findElement(By.id("chart-line")).getAttribute("points");
            return points != null && !points.isBlank();
        });
        String firstElapsed = browser.findElement(By.id("p-elapsed")).getText();
        planning.until(d -> !d.findElement(By.id("p-elapsed")).getText().equals(firstElapsed));
        Browser.screenshot(browser, "plan_solving");
        planning.until(ExpectedConditions.textToBePresentInElementLocated(By.id("p-status"), "已完成"));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("个受灾点", "模拟路网");
        int blocksBefore = roadBlocks(browser.findElement(By.id("summary")).getText());
        long inTime = Long.parseLong(browser.findElement(By.id("p-intime")).getText().trim());
        assertThat(inTime).isPositive();
        assertThat(Long.parseLong(browser.findElement(By.id("p-bound")).getText().trim())).isGreaterThanOrEqualTo(inTime);
        long scarcity = Long.parseLong(browser.findElement(By.id("p-scarcity")).getText().trim());
        assertThat(scarcity).isBetween(inTime, Long.parseLong(browser.findElement(By.id("p-fleet")).getText().trim()));
        assertThat(browser.findElement(By.id("p-scarcity-limit")).getText()).containsAnyOf("库存", "车辆运力");
        assertThat(browser.findElement(By.id("headline")).getText()).contains("名受灾群众中", "理论上限", "库存与运力上限");
        // The map shows the routes and points; the tables the trips and the points with reasons.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-map-status"), "已显示要素"));
        assertThat(browser.findElement(By.id("trips")).getText()).containsAnyOf("卡车", "船舶", "直升机");
        assertThat(browser.findElement(By.id("points")).getText()).containsAnyOf("时限内送达", "未送达", "迟到");

        // Approve: dispatch orders appear.
        click(By.id("approve:approveButton"));
        click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "方案已批准"));
        assertThat(browser.findElement(By.id("p-status")).getText()).contains("已批准");
        click(By.cssSelector("#orderTable a"));

        // A dispatch order: print the manifest, load, depart, deliver at the first stop.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trip-title"), "派车单"));
        String manifest = browser.findElement(By.id("manifest")).getAttribute("href");
        assertThat(manifest).contains("/api/reports/dispatch-order.pdf?trip=");
        click(By.id("report:loaded"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-status"), "已装车"));
        click(By.id("report:departed"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-status"), "已出发"));
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("report:stop"))))
                .selectByIndex(1);
        wait.until(ExpectedConditions.textMatches(By.id("report:lines"), java.util.regex.Pattern.compile("\\(\\d+ ")));
        browser.findElement(By.id("report:receiver")).sendKeys("村支书 王某");
        click(By.id("report:delivered"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stops"), "已签收"));
        assertThat(browser.findElement(By.id("stops")).getText()).contains("村支书 王某");
        assertThat(browser.findElement(By.id("events")).getText()).contains("已装车", "已出发", "已签收");

        // Back on the incident: a blocked area, then plan again from the situation now.
        click(By.linkText(browser.findElement(By.cssSelector("#page p a:nth-of-type(2)")).getText()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-title"), "利奇马"));
        click(tab("调度方案"));
        // By county: the counties the approved plan sends relief to (which ones depends on where stock and trucks are).
        wait.until(ExpectedConditions.textMatches(By.id("tabs:reach"),
                java.util.regex.Pattern.compile("永嘉县|乐清市|温岭市|临海市|临安区")));
        // Planned in time counts a point only when its orders carry all it needs, as the plan's figure does:
        // the points a plan serves in part (stock ran short) have stops on time but are not reached.
        long plannedInTime = 0;
        for (var row : browser.findElements(By.cssSelector("[id='tabs:reach_data'] tr"))) {
            var cells = row.findElements(By.tagName("td"));
            plannedInTime += Long.parseLong(cells.get(2).getText().trim());
        }
        assertThat(plannedInTime).as("people planned in time by county, against the approved plan's figure").isEqualTo(inTime);
        click(tab("危险区域"));
        var area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='hazards:geojson']")));
        String current = area.getAttribute("value");
        String blocked = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.38,28.37]},"
                + "\"properties\":{\"hazard\":\"BLOCKED_AREA\",\"cause\":\"FLOODED\",\"name\":\"温岭城区内涝\",\"radius\":4000}}";
        String updated = current.replaceFirst("\"features\"\\s*:\\s*\\[", "\"features\":[" + blocked
                + (current.contains("\"geometry\"") ? "," : ""));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area, updated);
        click(By.cssSelector("[id$='hazards:saveHazards']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存危险区域"));
        // The approved plan is revised from the situation now: the trip on the road keeps its load.
        browser.get(firstPlan);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("p-status"), "已批准"));
        click(By.id("revise:reviseButton"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-title"), "调度方案 2"));
        String revisionPlan = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("revision-note")).getText()).contains("本方案修订", "调度方案 1");
        planning.until(ExpectedConditions.textToBePresentInElementLocated(By.id("p-status"), "已完成"));
        assertThat(roadBlocks(browser.findElement(By.id("summary")).getText())).as("the new blocked area is planned around")
                .isEqualTo(blocksBefore + 1);
        assertThat(browser.findElement(By.id("change-orders")).getText()).contains("取代尚未装车的派车单", "保持不变");
        Browser.screenshot(browser, "plan_revision");
        click(By.id("approve:approveButton"));
        click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "修订方案已批准"));
        browser.get(firstPlan);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("p-status"), "已被修订方案取代"));

        // The same pages in English.
        click(By.id("header:lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("p-status"), "Replaced by its revision"));
        Browser.screenshot(browser, "plan_revised_in_english");
        browser.get(revisionPlan);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("revision-note"), "This plan revises"));
        assertThat(browser.findElement(By.id("p-status")).getText()).contains("Approved");
        Browser.screenshot(browser, "plan_revision_in_english");
        assertThat(browser.getPageSource()).doesNotContain("Internal error", "Exception");
    }

    private static int roadBlocks(String summary) {
        var m = java.util.regex.Pattern.compile("绕行道路封闭 (\\d+) 处").matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username"))).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys("demo123");
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    private By tab(String title) {
        return By.xpath("//a[normalize-space(.)='" + title + "']");
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }
}
