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
            "app/lot.xhtml?warehouse=NOPE&material=NOPE&lot=NOPE",
            "app/imports.xhtml", "app/allocation.xhtml", "app/allocation.xhtml?id=987654321",
            "app/allocation.xhtml?id=abc", "app/allocations.xhtml?to=ZJ-330302&material=NOPE&quantity=abc",
            "app/allocations.xhtml?to=ZJ-330324&material=BLANKET&quantity=3");

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
        int visited = 0;
        for (String account : ACCOUNTS) {
            String session = signIn(account);
            // Every listed page, then every link on them (app pages and documents) once per kind of link:
            // the same page with other ids behaves alike, and a sweep that visits them all would take an hour.
            java.util.Deque<String> queue = new java.util.ArrayDeque<>(pages);
            java.util.Set<String> seen = new java.util.HashSet<>();
            pages.forEach(p -> seen.add(p));
            while (!queue.isEmpty()) {
                String page = queue.poll();
                visited++;
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + page))
                        .header("Cookie", session).timeout(Duration.ofSeconds(120)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = r.body();
                boolean document = page.startsWith("api/");
                if (r.statusCode() >= 500 || !document && (body.contains("Internal error") || body.contains("Exception")
                        || body.contains("Error report") || body.contains("\tat "))) {
                    failures.add(account + " " + page + ": " + r.statusCode() + " "
                            + body.replaceAll("\\s+", " ").substring(0, Math.min(200, body.length())));
                }
                if (r.uri().getPath().endsWith("login.xhtml")) {
                    failures.add(account + " " + page + ": sent back to the login page");
                }
                if (!document) {
                    for (String link : links(body)) {
                        if (seen.add(kind(link)) && seen.add(link)) {
                            queue.add(link);
                        }
                    }
                }
            }
        }
        assertThat(visited).as("pages and links visited").isGreaterThan(ACCOUNTS.size() * pages.size());
        assertThat(failures).isEmpty();
    }

    /** The app pages and documents a page links to, relative to the application, without fragments. */
    private List<String> links(String html) {
        String context = URI.create(base.toString()).getPath();
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"#]+)\"").matcher(html);
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            if (href.startsWith(context)) {
                href = href.substring(context.length());
            }
            if ((href.startsWith("app/") && href.contains(".xhtml") || href.startsWith("api/reports/"))
                    && !href.contains("logout")) {
                out.add(href.replace(";jsessionid=", "?jsessionid=").replaceAll("\\?jsessionid=[^?&]*", ""));
            }
        }
        return out;
    }

    /** A link's path and the names of its parameters: one of each kind is visited. */
    private static String kind(String link) {
        int q = link.indexOf('?');
        if (q < 0) {
            return "kind:" + link;
        }
        return "kind:" + link.substring(0, q) + java.util.Arrays.stream(link.substring(q + 1).split("&"))
                .map(p -> p.split("=")[0]).sorted().toList();
    }

    /** Signs in through the login form and returns the cookies the browser then sends, as one Cookie header. */
    private String signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Browser.PATIENCE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username"))).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys("demo123");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login:submit"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
