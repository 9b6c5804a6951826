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
