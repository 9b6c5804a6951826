package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The warehouse manager's and the dispatcher's pages pass axe-core (the npm package, injected into each page):
 * no serious or critical violation of WCAG 2 A/AA, at a laptop's 1366x768 and a desktop's 1920x1080, with a
 * screenshot of each page at both sizes kept for a person to look at.
 */
@ExtendWith(ArquillianExtension.class)
class AccessibilityBrowserIT {

    private static final List<String> MANAGER_PAGES = List.of("app/index.xhtml", "app/stock.xhtml", "app/alerts.xhtml",
            "app/allocations.xhtml", "app/counts.xhtml", "app/imports.xhtml", "app/warehouses.xhtml");
    private static final List<String> DISPATCHER_PAGES = List.of("app/index.xhtml", "app/incidents.xhtml",
            "app/fleet.xhtml");
    private static final List<String> FINANCE_PAGES = List.of("app/index.xhtml", "app/enterprises.xhtml",
            "app/agreements.xhtml", "app/statements.xhtml", "app/journal.xhtml", "app/write-offs.xhtml");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("a11y");
    }

    @ArquillianResource
    private URL base;

    private ChromeDriver browser;
    private String axe;

    @BeforeEach
    void open() throws IOException {
        browser = Browser.start();
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core on the test class path").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws IOException {
        Browser.screenshotAndQuit(browser, test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void the_managers_dispatchers_and_finance_pages_have_no_serious_accessibility_violation() throws IOException {
        List<String> violations = new ArrayList<>();
        violations.addAll(check("yongjia.manager", MANAGER_PAGES));
        violations.addAll(check("dispatcher", DISPATCHER_PAGES));
        violations.addAll(check("finance", FINANCE_PAGES));
        assertThat(violations).isEmpty();
    }

    private List<String> check(String user, List<String> pages) throws IOException {
        signIn(user);
        List<String> found = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.manage().window().setSize(size);
            for (String page : pages) {
                browser.get(base + page);
                new WebDriverWait(browser, Browser.PATIENCE).until(d -> "complete".equals(
                        ((ChromeDriver) d).executeScript("return document.readyState")));
                Browser.screenshot(browser, "a11y-" + user + "-" + page.replaceAll("\\W+", "-") + "-" + size.width);
                browser.executeScript(axe);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> result = (List<Map<String, Object>>) browser.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                                + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                                + ".catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));");
                for (Map<String, Object> v : result) {
                    found.add(user + " " + page + " " + size.width + ": " + v.get("id") + " (" + v.get("impact") + ") "
                            + v.get("help") + " " + v.get("nodes"));
                }
            }
        }
        return found;
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Browser.PATIENCE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username"))).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys("demo123");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login:submit"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }
}
