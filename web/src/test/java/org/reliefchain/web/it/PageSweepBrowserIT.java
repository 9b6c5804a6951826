package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * No page answers with a server error, for any role, with or without parameters a user can produce
 * (ids that do not exist or are not numbers, codes of warehouses outside the user's jurisdiction).
 * Each demo account signs in through the browser; its session then fetches every page directly, so
 * that the HTTP status itself is checked, not only what the page shows.
 */
@ExtendWith(ArquillianExtension.class)
class PageSweepBrowserIT {

    private static final List<String> ACCOUNTS = List.of("admin", "province.manager", "hangzhou.manager",
            "yongjia.manager", "dispatcher", "wenzhou.dispatcher", "finance", "auditor");

    /** Every page of the application, and the parameters a user can put into its address. */
    private static final List<String> PAGES = List.of(
            "app/index.xhtml", "app/divisions.xhtml", "app/stock.xhtml", "app/stock.xhtml?warehouse=ZJ-330302",
            "app/stock.xhtml?warehouse=NOPE&material=quilt", "app/alerts.xhtml", "app/allocations.xhtml",
            "app/plans.xhtml", "app/warehouses.xhtml", "app/counts.xhtml", "app/incidents.xhtml", "app/fleet.xhtml",
            "app/places.xhtml", "app/users.xhtml", "app/audit.xhtml",
            "app/incident.xhtml", "app/incident.xhtml?id=987654321", "app/incident.xhtml?id=abc",
            "app/plan.xhtml", "app/plan.xhtml?id=987654321", "app/plan.xhtml?id=abc",
            "app/trip.xhtml", "app/trip.xhtml?id=987654321", "app/trip.xhtml?id=abc",
            "app/lot.xhtml", "app/lot.xhtml?warehouse=ZJ-330302&material=QUILT-COTTON&lot=NOPE",
            "app/lot.xhtml?warehouse=NOPE&material=NOPE&lot=NOPE");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("sweep");
    }

    @ArquillianResource
    private URL base;

    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        Browser.screenshotAndQuit(browser, test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void no_page_answers_with_a_server_error_for_any_role() throws Exception {
        long incident = Api.as(base, "dispatcher", "demo123").get("api/incidents?size=500").json().get("items")
                .findValues("id").get(0).asLong();
        List<String> pages = new ArrayList<>(PAGES);
        pages.add("app/incident.xhtml?id=" + incident);
        List<String> failures = new ArrayList<>();
        for (String account : ACCOUNTS) {
            String session = signIn(account);
            for (String page : pages) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + page))
                        .header("Cookie", "JSESSIONID=" + session).timeout(Duration.ofSeconds(120)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = r.body();
                if (r.statusCode() >= 500 || body.contains("Internal error") || body.contains("Exception")
                        || body.contains("Error report") || body.contains("\tat ")) {
                    failures.add(account + " " + page + ": " + r.statusCode() + " "
                            + body.replaceAll("\\s+", " ").substring(0, Math.min(200, body.length())));
                }
                if (r.uri().getPath().endsWith("login.xhtml")) {
                    failures.add(account + " " + page + ": sent back to the login page");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Signs in through the login form and returns the session. */
    private String signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Browser.PATIENCE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username"))).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys("demo123");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login:submit"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        return browser.manage().getCookieNamed("JSESSIONID").getValue();
    }
}
