package org.reliefchain.web.it;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, through Debian's chromedriver; never a downloaded browser. */
final class Browser {

    /**
     * How long a test waits for a condition on a page: the waits poll, so a fast machine never waits this
     * long; the ceiling only tells a hang from a slow machine (one busy core of two still passes).
     */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private Browser() {
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE.multipliedBy(2));
        return driver;
    }

    /**
     * Pages a lazy PrimeFaces table (its id in CSS form, e.g. {@code #alerts\\:expiring}) until {@code row}
     * shows. Each step waits for the page it left to be replaced: clicking on while the previous page is
     * still loading skips pages on a slow machine, and ends on the disabled last-page button.
     */
    static void pageUntil(ChromeDriver driver, org.openqa.selenium.support.ui.WebDriverWait wait, String table,
            org.openqa.selenium.By row) {
        org.openqa.selenium.By next = org.openqa.selenium.By.cssSelector(table + " .ui-paginator-next");
        while (driver.findElements(row).isEmpty()) {
            org.openqa.selenium.WebElement button = wait.until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(next));
            if (button.getAttribute("class").contains("ui-state-disabled")) {
                throw new AssertionError("no row " + row + " on any page of " + table);
            }
            org.openqa.selenium.WebElement first = driver.findElement(
                    org.openqa.selenium.By.cssSelector(table + " tbody tr"));
            button.click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(first));
        }
    }

    /** Keeps what the browser shows now, for a person to look at (target/screenshots). */
    static void screenshot(ChromeDriver driver, String name) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** Keeps what the browser showed last, for a person to look at (target/screenshots), then closes it. */
    static void screenshotAndQuit(ChromeDriver driver, String testName) throws java.io.IOException {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(testName + ".png"),
                    driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }
}
