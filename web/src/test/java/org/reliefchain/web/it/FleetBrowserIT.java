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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fleet page in a real headless Chromium: a dispatcher registers a truck, picking its base by name,
 * and finds it listed; then the places page shows ports and the demo landing points.
 */
@ExtendWith(ArquillianExtension.class)
class FleetBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("fleetui");
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
    void close(TestInfo test) throws java.io.IOException {
        Browser.screenshotAndQuit(browser, test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void a_dispatcher_registers_a_truck_at_a_warehouse_picked_by_name_and_sees_it_listed_then_the_places() {
        String plate = "浙C" + UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys("dispatcher");
        browser.findElement(By.id("login:password")).sendKeys("demo123");
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

        click(By.cssSelector("[id$='menu-fleet']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "运力"));
        click(By.id("filter:new"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit:registration"))).sendKeys(plate);
        browser.findElement(By.id("edit:division_input")).sendKeys("永嘉");
        click(By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(.,'(330324)')]"));
        wait.until(d -> d.findElement(By.id("edit:division_input")).getAttribute("value").endsWith("(330324)"));
        browser.findElement(By.id("edit:base_input")).sendKeys("永嘉县县级");
        click(By.xpath("//li[contains(@class,'ui-autocomplete-item') and contains(.,'ZJ-330324')]"));
        wait.until(d -> d.findElement(By.id("edit:base_input")).getAttribute("value").endsWith("(ZJ-330324)"));
        browser.findElement(By.id("edit:capacityKg")).sendKeys("5000");
        browser.findElement(By.id("edit:capacityM3")).sendKeys("20");
        browser.findElement(By.id("edit:heightM")).sendKeys("3.2");
        browser.findElement(By.id("edit:widthM")).sendKeys("2.3");
        browser.findElement(By.id("edit:grossWeightT")).sendKeys("10");
        browser.findElement(By.id("edit:crewName")).sendKeys("陈师傅");
        browser.findElement(By.id("edit:crewPhone")).sendKeys("13905770009");
        click(By.id("edit:save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已登记 " + plate));

        browser.findElement(By.id("filter:text")).sendKeys(plate);
        click(By.id("filter:search"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:vehicles"), plate));
        assertThat(browser.findElement(By.id("list:vehicles")).getText())
                .contains(plate, "货车", "永嘉县县级应急物资储备库", "5000 kg", "可用", "陈师傅");

        // its neighbours on the map: ports with their positions flagged, then the demo landing points
        click(By.cssSelector("[id$='menu-places']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:places"), "PT-"));
        assertThat(browser.findElement(By.id("list:places")).getText()).contains("近似位置")
                .as("the source's mixed names split: Chinese here").contains("北仑港区").doesNotContain("Beilun port area");
        click(By.xpath("//*[@id='filter:kind']//*[normalize-space(text())='临时起降点']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:places"), "临时起降点（演示）"));
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }
}
