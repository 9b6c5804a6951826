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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A city dispatcher's incident in a real headless Chromium: declare it with the county picked by
 * name, report affected people in a village picked by name and see the headline, demand and shortfall
 * change; save a blocked area; and the demo typhoon is there to open.
 */
@ExtendWith(ArquillianExtension.class)
class IncidentBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("incidentui");
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
    void close(TestInfo test) throws java.io.IOException {
        Browser.screenshotAndQuit(browser, test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void a_city_dispatcher_declares_an_incident_reports_a_village_and_sees_demand_and_shortfall_change() {
        signIn("wenzhou.dispatcher");
        click(By.cssSelector("[id$='menu-incidents']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "灾害事件"));
        click(By.id("filter:declare"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new:name"))).sendKeys("永嘉山洪（界面测试）");
        browser.findElement(By.id("new:affected_input")).sendKeys("永嘉");
        click(By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(.,'330324')]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new\\:affected li.ui-autocomplete-token")));
        click(By.id("new:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-title"), "永嘉山洪（界面测试）"));
        assertThat(browser.findElement(By.id("h-status")).getText()).contains("已宣布");
        assertThat(browser.findElement(By.id("h-people")).getText()).isEqualTo("0");

        // Report a village: the headline and the demand follow.
        click(tab("灾情"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='report:point_input']")))
                .sendKeys("村");
        click(By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(.,'330324')]"));
        type("report:people", "300");
        type("report:relocatedIn", "90");
        type("report:over65", "40");
        click(By.cssSelector("[id$='report:send']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("h-people"), "300"));
        assertThat(browser.findElement(By.id("h-relocated")).getText()).isEqualTo("90");

        click(tab("需求与库存"));
        // 300 people x 0.2273 case of water = 68.19 -> 69 cases; 90 relocated -> 30 tents.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='demand']"), "69"));
        String demand = browser.findElement(By.cssSelector("[id$='demand']")).getText();
        assertThat(demand).contains("二级（重点人群）", "12平方米单帐篷", "30 顶", "69 箱");
        String supply = browser.findElement(By.cssSelector("[id$='supply']")).getText();
        assertThat(supply).contains("瓶装饮用水", "69 箱");

        // A later, larger report for the same village (still picked) raises the need past Wenzhou's stock.
        click(tab("灾情"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='report:point_input']")))
                .getAttribute("value")).contains("330324");
        type("report:people", "900000");
        type("report:relocatedIn", "600000");
        click(By.cssSelector("[id$='report:send']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("h-people"), "900"));
        assertThat(Integer.parseInt(browser.findElement(By.id("h-short")).getText().trim())).isPositive();

        // A blocked area, saved as GeoJSON.
        click(tab("危险区域"));
        var area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='hazards:geojson']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area,
                "{\"type\":\"FeatureCollection\",\"revision\":0,\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[120.69,28.15]},\"properties\":{\"hazard\":\"BLOCKED_AREA\",\"cause\":\"FLOODED\","
                        + "\"name\":\"楠溪江沿岸受淹\",\"radius\":3000}}]}");
        click(By.cssSelector("[id$='hazards:saveHazards']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存危险区域"));
        click(tab("事件记录"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='history']"), "1 hazards saved"));
    }

    @Test
    void the_demo_typhoon_is_listed_and_opens_with_its_demand() throws Exception {
        signIn("dispatcher");
        browser.get(base + "app/incidents.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:incidents"), "利奇马台风（演示）"));
        click(By.linkText("INC-DEMO-0001"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-title"), "利奇马"));
        assertThat(Long.parseLong(browser.findElement(By.id("h-people")).getText().trim())).isGreaterThan(10_000);
        assertThat(browser.findElement(By.id("h-status")).getText()).contains("应急响应中", "Ⅱ级");

        // The same page in English: labels, statuses, tabs and the map legend follow the switch.
        click(By.id("header:lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("headline"), "People affected"));
        assertThat(browser.findElement(By.id("h-status")).getText()).contains("Responding", "Level II");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Demand and stock", "History",
                "Situation and demand report");
        Browser.screenshotAndQuit(browser, "the_demo_typhoon_in_english");
        browser = Browser.start();
        wait = new WebDriverWait(browser, Browser.PATIENCE);

        // Someone outside the incident gets a message, not an error page.
        signIn("hangzhou.manager");
        browser.get(base + "app/incident.xhtml?id=999999");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "未找到该事件"));
        browser.get(base + "app/incident.xhtml?id=abc");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        assertThat(browser.getPageSource()).doesNotContain("Internal error", "Exception");
    }

    @Test
    void a_dispatcher_draws_a_blocked_area_on_the_map_and_it_is_saved_with_the_incident() {
        signIn("dispatcher");
        browser.get(base + "app/incidents.xhtml");
        click(By.linkText("INC-DEMO-0001"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-status"), "需求点"));
        Api api = Api.as(base, "dispatcher", "demo123");
        long id = 0;
        for (var i : api.get("api/incidents?size=500").json().get("items")) {
            if (i.get("number").asText().equals("INC-DEMO-0001")) {
                id = i.get("id").asLong();
            }
        }
        int before = api.get("api/incidents/" + id + "/hazards").json().get("features").size();
        // Draw a rectangle near the middle of the map: press, drag, release.
        click(By.cssSelector(".leaflet-draw-draw-rectangle"));
        var map = browser.findElement(By.id("incident-map"));
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(map, -60, -40).clickAndHold()
                .moveByOffset(60, 30).moveByOffset(60, 30).release().perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hazard-form")));
        browser.findElement(By.id("hazard-name")).sendKeys("地图上画的受淹区");
        click(By.id("hazard-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-status"), "已保存危险区域"));
        var hazards = api.get("api/incidents/" + id + "/hazards").json().get("features");
        assertThat(hazards).hasSize(before + 1);
        var drawn = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        hazards.forEach(h -> {
            if (h.get("properties").get("name").asText().equals("地图上画的受淹区")) {
                drawn.add(h);
            }
        });
        assertThat(drawn).hasSize(1);
        assertThat(drawn.get(0).get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(drawn.get(0).get("properties").get("hazard").asText()).isEqualTo("BLOCKED_AREA");
        browser.navigate().refresh(); // the map saved through the API; the history tab was rendered before
        click(tab("事件记录"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='history']"), "保存危险区域"));
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username"))).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys("demo123");
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    /** A tab of the incident page by its title (a plain text match would also hit the report links). */
    private By tab(String title) {
        return By.xpath("//a[normalize-space(.)='" + title + "']");
    }

    private void type(String idSuffix, String value) {
        var field = browser.findElement(By.cssSelector("[id$='" + idSuffix + "_input']"));
        field.clear();
        field.sendKeys(value);
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }
}
