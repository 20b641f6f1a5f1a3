package io.picaco.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A real headless browser (Debian's chromium through chromedriver; .ci/run installs both) starts a run from the
 * form and watches its page update itself to DONE. It runs in the integration-test phase (its own JVM), so the
 * browser driver's threads cannot outlive the test in the JVM that runs the unit tests.
 */
@QuarkusTest
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081")
    int port;

    /** The elements wider than the window that no scrolling container clips, as "TAG.class#id", comma-separated. */
    static final String STICKING_OUT = "var w = document.documentElement.clientWidth, out = [];"
            + "function clipped(e) { for (var p = e.parentElement; p; p = p.parentElement) {"
            + " var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'hidden' || o === 'scroll') return true; } return false; }"
            + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
            + " if (r.right > w + 1 && !clipped(e)) { out.push(e.tagName + '.' + e.className + '#' + e.id); } });"
            + "return out.slice(0, 10).join(', ');";

    WebDriver driver;
    Path profile;

    @BeforeEach
    void open() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        }
        assertTrue(present, "CI must have /usr/bin/chromium and /usr/bin/chromedriver (see .ci/run)");
        // Never let Selenium Manager look for (or download) a driver or a browser.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("picaco-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void startAQuickRunFromTheFormAndWatchItFinish() throws Exception {
        String base = "http://localhost:" + port;
        driver.get(base + "/");
        driver.findElement(By.linkText("New run")).click();
        wait(10).until(d -> d.getCurrentUrl().endsWith("/runs/new"));

        // a first try with custom values and a missing definition comes back with the error next to the field
        driver.findElement(By.id("f-source-custom")).click();
        assertFalse(driver.findElement(By.id("f-composition")).isDisplayed(), "built-in choice hidden");
        driver.findElement(By.id("f-values-0-name")).sendKeys("Thrift");
        driver.findElement(By.id("f-values-0-definition")).sendKeys("Spending little and avoiding waste.");
        driver.findElement(By.id("f-values-1-name")).sendKeys("Generosity");
        driver.findElement(By.id("start-button")).click();
        wait(10).until(d -> !d.findElements(By.id("e-values-1-definition")).isEmpty());
        assertEquals("must not be empty", driver.findElement(By.id("e-values-1-definition")).getText());
        assertEquals("Thrift", driver.findElement(By.id("f-values-0-name")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("error-summary")).getText().contains("Value 2 definition"));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        shoot(dir.resolve("new-run-errors.png"));

        driver.findElement(By.id("f-source-builtin")).click();
        new Select(driver.findElement(By.id("f-composition"))).selectByValue("hh-balance-8");
        assertTrue(driver.findElement(By.id("f-source-builtin")).isSelected());
        driver.findElement(By.id("f-preset-quick")).click();
        WebElement seed = driver.findElement(By.id("f-seed"));
        seed.clear();
        seed.sendKeys("2024");
        assertTrue(driver.findElement(By.cssSelector("details[data-composition='hh-balance-8']")).isDisplayed(),
                "the chosen composition's values are shown");
        assertFalse(driver.findElement(By.cssSelector("details[data-composition='schwartz-10']")).isDisplayed());
        // the script refreshes the estimate for the new settings
        wait(10).until(d -> text(d, "estimate").contains("on 12 training and 4 held-out queries"));
        String calls = driver.findElement(By.id("estimate-calls")).getText();
        assertTrue(calls.matches("[0-9,]+"), calls);

        driver.findElement(By.id("start-button")).click();
        wait(15).until(d -> d.getCurrentUrl().matches(".*/runs/[0-9a-f-]{36}$"));
        String runUrl = driver.getCurrentUrl();
        ((JavascriptExecutor) driver).executeScript("window.picacoMarker = 'same page';");

        List<String> seen = new ArrayList<>();
        wait(180).until(d -> {
            String status = text(d, "run-status");
            if (!status.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status))) {
                seen.add(status);
            }
            return status.equals("DONE") || status.equals("FAILED") || status.equals("CANCELLED");
        });
        assertEquals("DONE", seen.get(seen.size() - 1), "statuses seen: " + seen);
        assertEquals(runUrl, driver.getCurrentUrl());
        assertEquals("same page", ((JavascriptExecutor) driver).executeScript("return window.picacoMarker;"),
                "the page updated itself without reloading");

        // the results section is fetched once the run has finished
        wait(15).until(d -> !d.findElements(By.cssSelector("#results svg#chart-comparison")).isEmpty());
        assertTrue(driver.findElement(By.id("comparison-table")).getText().contains("Optimized instruction"));
        assertFalse(driver.findElement(By.id("best-instruction")).getText().isBlank());
        assertFalse(driver.findElements(By.cssSelector("#chart-jhat circle")).isEmpty(), "Ĵ chart has points");
        assertFalse(driver.findElements(By.cssSelector("#pool-browser li.pool-entry")).isEmpty(), "pool browser");
        assertTrue(driver.findElement(By.id("pool-count")).getText().contains("aligned pool"));

        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shoot(dir.resolve("run-page.png"));
        long height = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 6000)));
        shoot(dir.resolve("run-page-full.png"));
        driver.manage().window().setSize(new Dimension(390, 1600));
        shoot(dir.resolve("run-page-phone.png"));
        String wide = (String) ((JavascriptExecutor) driver).executeScript(STICKING_OUT);
        assertEquals("", wide, "nothing sticks out of a phone-width page");
        driver.manage().window().setSize(new Dimension(1280, 1800));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('cmp-h').scrollIntoView()");
        shoot(dir.resolve("run-page-results.png"));
        driver.get(base + "/");
        driver.manage().window().setSize(new Dimension(1280, 900));
        shoot(dir.resolve("runs-list.png"));
        driver.get(base + "/runs/new");
        shoot(dir.resolve("new-run.png"));

        List<String> cspErrors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertTrue(cspErrors.isEmpty(), "no CSP violations: " + cspErrors);
    }

    @Test
    void startASmallExperimentFromTheFormAndWatchItFinish() throws Exception {
        String base = "http://localhost:" + port;
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        driver.get(base + "/");
        driver.findElement(By.linkText("Experiments")).click();
        wait(10).until(d -> d.getCurrentUrl().endsWith("/experiments"));
        driver.findElement(By.id("new-experiment")).click();
        wait(10).until(d -> d.getCurrentUrl().endsWith("/experiments/new"));

        // one composition, q+if and picaco: untick the other defaults
        for (WebElement box : driver.findElements(By.cssSelector("input[name='compositions']:checked"))) {
            box.click();
        }
        box("compositions", "harmlessness-4").click();
        for (String m : List.of("urial", "opro")) {
            box("methods", m).click();
        }
        assertTrue(box("methods", "q+if").isSelected());
        assertTrue(box("methods", "picaco").isSelected());
        driver.findElement(By.id("f-preset-quick")).click();
        type("f-iterations", "1");
        type("f-seed", "2026");
        // a first try with 11 repeats comes back with the error next to the field, the rest kept
        type("f-repeats", "11");
        driver.findElement(By.id("start-button")).click();
        wait(10).until(d -> !d.findElements(By.id("e-repeats")).isEmpty());
        assertEquals("must be between 1 and 10", driver.findElement(By.id("e-repeats")).getText());
        assertEquals("11", driver.findElement(By.id("f-repeats")).getAttribute("value"));
        assertTrue(box("compositions", "harmlessness-4").isSelected());
        assertFalse(box("methods", "opro").isSelected());
        assertTrue(driver.findElement(By.id("error-summary")).getText().contains("Repeats"));
        shoot(dir.resolve("new-experiment-errors.png"));

        type("f-repeats", "1");
        // the script refreshes the estimate: one run (q+if is rated on picaco's run)
        wait(10).until(d -> text(d, "estimate-runs").equals("1"));
        assertTrue(driver.findElement(By.id("estimate-calls")).getText().matches("[0-9,]+"));
        shoot(dir.resolve("new-experiment.png"));

        driver.findElement(By.id("start-button")).click();
        wait(15).until(d -> d.getCurrentUrl().matches(".*/experiments/[0-9a-f-]{36}$"));
        String url = driver.getCurrentUrl();
        ((JavascriptExecutor) driver).executeScript("window.picacoMarker = 'same page';");
        List<String> seen = new ArrayList<>();
        wait(150).until(d -> {
            String status = text(d, "status");
            if (!status.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status))) {
                seen.add(status);
            }
            return status.equals("DONE") || status.equals("FAILED") || status.equals("CANCELLED")
                    || status.equals("BUDGET_EXHAUSTED");
        });
        assertEquals("DONE", seen.get(seen.size() - 1), "statuses seen: " + seen);
        assertEquals(url, driver.getCurrentUrl());
        assertEquals("same page", ((JavascriptExecutor) driver).executeScript("return window.picacoMarker;"),
                "the page updated itself without reloading");
        wait(10).until(d -> d.findElements(By.id("cancel-button")).isEmpty());

        // the paper's table: the methods as columns, the cell as a row, a mean with its interval, the best in bold
        WebElement table = driver.findElement(By.id("paper-table"));
        List<String> columns = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText)
                .toList();
        assertEquals(List.of("Cell", "q+if", "picaco"), columns);
        WebElement row = table.findElement(By.cssSelector("tbody tr"));
        assertEquals("harmlessness-4 × target", row.findElement(By.tagName("th")).getText());
        for (WebElement td : row.findElements(By.tagName("td"))) {
            assertTrue(td.getText().matches("\\d\\.\\d\\d \\[\\d\\.\\d\\d, \\d\\.\\d\\d]"), td.getText());
        }
        assertEquals(1, row.findElements(By.cssSelector("td strong")).size(), "the best in bold");
        assertFalse(driver.findElements(By.cssSelector("svg#chart-cell-0 path.whisker")).isEmpty(), "CI whiskers");
        assertTrue(text(driver, "experiment-live").contains("Friedman: χ²_F"));
        assertEquals(1, driver.findElements(By.cssSelector("#experiment-runs a")).size(), "a link to the run");

        long height = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 6000)));
        shoot(dir.resolve("experiment-page.png"));
        driver.manage().window().setSize(new Dimension(390, 1600));
        shoot(dir.resolve("experiment-page-phone.png"));
        assertEquals("", (String) ((JavascriptExecutor) driver).executeScript(STICKING_OUT),
                "nothing sticks out of a phone-width experiment page");
        driver.manage().window().setSize(new Dimension(1280, 1800));
        driver.get(base + "/experiments");
        shoot(dir.resolve("experiments-list.png"));

        List<String> cspErrors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertTrue(cspErrors.isEmpty(), "no CSP violations: " + cspErrors);
    }

    private WebElement box(String group, String value) {
        return driver.findElement(By.cssSelector("input[name='" + group + "'][value='" + value + "']"));
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void shoot(Path to) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait wait(int seconds) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(250));
        w.ignoring(StaleElementReferenceException.class);
        w.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return w;
    }

    private static String text(WebDriver d, String id) {
        List<WebElement> found = d.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }
}
