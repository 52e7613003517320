package io.strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: both named by path, so Selenium
 * Manager never looks for (or downloads) a browser. Missing, they fail the test that needs them:
 * CI installs them ({@code .ci/run}), a test that skips would prove nothing.
 *
 * <p>One browser serves a whole test class; {@link #close} ends it, and every process it started,
 * whatever state the session is in.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Starts Chromium with a fresh profile in {@code dir} (deleted first when a previous run left one). */
    static Browser start(Path dir) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), as .ci/run does");
            }
        }
        Path profile = dir.resolve("profile").toAbsolutePath();
        deleteTree(profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-default-apps", "--window-size=1280,1600",
                "--user-data-dir=" + profile);
        // An alert stays open for the test to find, rather than being dismissed silently.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            killLeftovers(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(profile, service, driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code url} and returns what the console said while it loaded, at SEVERE level: none, on every page. */
    List<String> open(String url) {
        consoleErrors(); // what an earlier page said is that page's business
        driver.get(url);
        return consoleErrors();
    }

    /** The SEVERE console entries since the last call: script errors, failed loads, CSP violations. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** The text of the open alert, if a script opened one. */
    Optional<String> alert() {
        try {
            return Optional.of(driver.switchTo().alert().getText());
        } catch (NoAlertPresentException e) {
            return Optional.empty();
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** An element's text as the DOM holds it, whitespace collapsed: shown or hidden by CSS alike. */
    String textContent(WebElement element) {
        Object text = driver.executeScript("return arguments[0].textContent;", element);
        return String.valueOf(text).replaceAll("\\s+", " ").strip();
    }

    /** No network from now on: every request other than a file:// one fails. */
    void offline() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The network back, as before {@link #offline}. */
    void online() {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The URLs the page fetched after its document (images, styles, scripts, fetch calls), as the page saw them. */
    List<String> resourcesFetched() {
        Object urls = driver.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        return ((List<?>) urls).stream().map(String::valueOf).toList();
    }

    /** Saves the page as a PNG: the window's width, the content's height (a short page leaves no blank below). */
    void screenshot(Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, driver.findElement(By.tagName("html")).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            killLeftovers(profile);
        }
    }

    /**
     * Chromium processes this JVM started that outlive their driver (a session that hung, a quit
     * that failed): found by their profile directory, unique to one browser, so nothing else is hit.
     */
    private static void killLeftovers(Path profile) {
        String flag = "--user-data-dir=" + profile;
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(flag)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
