package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.pipeline.Column;
import io.strata.pipeline.ColumnType;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Transform;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Environment;
import io.strata.pipeline.run.Pipeline;
import io.strata.web.Html;
import io.strata.web.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The observe site in headless Chromium, served by {@code observe --serve} as its own process and
 * exported by {@code observe --html}, on the example platform (embedded PostgreSQL) after two
 * applies, one run of the customers pipeline and two tables made by hand with hostile names.
 *
 * <p>One platform, one server and one browser for the class: Chromium and the platform take most of
 * the time. The page tests at the end check the DOM contract of docs/observe-html.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObserveBrowserTest {

    /** The six pages, by section id, with their navigation labels. */
    private static final Map<String, String> PAGES = pages();

    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Pattern SERVING = Pattern.compile("Serving observe of dev at (http://127\\.0\\.0\\.1:\\d+)/ ");
    private static final Path OUT = Path.of("target/observe-browser");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Cli cli;
    private Path platform;
    private Path export;
    private Process serve;
    private String site;
    private Browser browser;

    private static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "Overview");
        pages.put("storage", "Storage");
        pages.put("access", "Access");
        pages.put("pipelines", "Pipelines");
        pages.put("lineage", "Lineage");
        pages.put("journal", "Journal");
        return pages;
    }

    @BeforeAll
    void platformServedAndABrowser(@TempDir Path tmp) throws Exception {
        platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        cli = new Cli(Map.of());
        String c = platform.toString();
        // Two journal entries to filter: the platform without its last migration, then with it.
        Path last = platform.resolve("migrations/0013_raw_payments.sql");
        String payments = Files.readString(last);
        Files.delete(last);
        cli.ok("-C", c, "apply", "--auto-approve");
        Files.writeString(last, payments);
        cli.ok("-C", c, "apply", "--auto-approve");

        String url = ExamplePlatform.embeddedUrl(cli.run("-C", c, "observe").out());
        assertThat(runCustomers(url)).isEqualTo(Pipeline.SUCCEEDED);
        try (Connection conn = DriverManager.getConnection(url + "?user=postgres"); Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE marts.\"" + IMG + "\" (id int)");
            s.execute("CREATE TABLE marts.\"" + SCRIPT + "\" (id int)");
        }

        export = OUT.resolve("report.html").toAbsolutePath();
        Cli.Result html = cli.run("-C", c, "observe", "--html", export.toString());
        assertThat(html.code()).as(html.toString()).isEqualTo(ExitCode.DRIFT);

        Path log = tmp.resolve("serve.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-C", c, "observe", "--serve",
                "--port", "0").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().retainAll(Set.of("PATH", "HOME"));
        serve = builder.start();
        site = awaitServing(serve, log);

        browser = Browser.start(OUT);
    }

    /**
     * The customers pipeline as the pipeline library runs it, so the run is recorded as a real one
     * is: raw.customers, the customers not deleted, replace marts.customers.
     */
    private static int runCustomers(String url) {
        Schema mart = Schema.of(Column.of("customer_id", ColumnType.BIGINT), Column.of("name", ColumnType.TEXT),
                Column.of("is_new_this_year", ColumnType.BOOLEAN), Column.of("created_at", ColumnType.TIMESTAMP));
        Transform enrich = Transform.to(mart, (customer, out) -> {
            if (customer.isNull("deleted_at")) {
                out.accept(mart.row(customer.getLong("customer_id"), customer.getString("name"), false,
                        customer.getTimestamp("created_at")));
            }
        });
        Environment environment = Environment.of(Map.of(Environment.DATABASE_URL, url, Environment.DATABASE_USER, "postgres"));
        return Pipeline.named("customers").run(run -> {
            Database db = run.database();
            run.write(db.table("raw.customers").through(enrich), db.replace("marts.customers"));
        }, environment, Clock.systemUTC());
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (serve != null) {
                    serve.destroy();
                    if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                        serve.destroyForcibly();
                    }
                }
            } finally {
                if (cli != null) {
                    cli.run("-C", platform.toString(), "embedded", "stop");
                }
            }
        }
    }

    private String served(String page) {
        return site + (page.equals("overview") ? "/" : "/" + page);
    }

    @Test
    void everyServedPageLoadsWithoutAConsoleErrorOrAFetchAndShowsHostileNamesAsText() {
        for (String page : PAGES.keySet()) {
            assertThat(browser.open(served(page))).as("console errors on " + page).isEmpty();
            assertThat(browser.findAll("section#" + page)).as(page).hasSize(1);
            assertThat(browser.resourcesFetched()).as("fetched by " + page).isEmpty();
            assertNothingInjected(page);
            browser.screenshot(SCREENSHOTS.resolve(page + ".png"));
        }
        browser.open(served("storage"));
        assertThat(browser.textContent(browser.find("section#storage"))).contains("marts." + IMG, "marts." + SCRIPT);
    }

    @Test
    void theNavigationReachesEveryPageAndMarksTheCurrentOne() {
        browser.open(served("overview"));
        browser.find("body").sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Skip to content");
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            browser.driver().findElement(By.linkText(page.getValue())).click();
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(served(page.getKey()));
            assertThat(browser.consoleErrors()).as(page.getKey()).isEmpty();
            assertThat(browser.findAll("section#" + page.getKey())).as(page.getKey()).hasSize(1);
            assertThat(browser.findAll("nav a[aria-current=page]")).extracting(WebElement::getText)
                    .containsExactly(page.getValue());
            assertThat(browser.findAll("nav a")).extracting(WebElement::getText).containsExactlyElementsOf(PAGES.values());
        }
    }

    @Test
    void theExportShowsWhatTheServedPagesShowWithTheNetworkOff() {
        Map<String, String> servedTexts = new LinkedHashMap<>();
        for (String page : PAGES.keySet()) {
            browser.open(served(page));
            servedTexts.put(page, comparable(browser.find("section#" + page)));
        }
        browser.offline();
        try {
            assertThat(browser.open(export.toUri().toString())).as("console errors").isEmpty();
            assertThat(browser.driver().getCurrentUrl()).startsWith("file:");
            assertThat(browser.resourcesFetched()).isEmpty();
            assertNothingInjected("export");
            for (String page : PAGES.keySet()) {
                assertThat(comparable(browser.find("section#" + page))).as(page).isEqualTo(servedTexts.get(page));
            }
            assertThat(browser.textContent(browser.find("section#storage"))).contains("marts." + IMG, "marts." + SCRIPT);
            browser.screenshot(SCREENSHOTS.resolve("export.png"));
        } finally {
            browser.online();
        }
    }

    @Test
    void theConsoleCheckSeesWhatTheSitesPolicyBlocks() throws Exception {
        // Proof that "no console errors" above can fail: under the site's own policy, an inline
        // script and handler of no one's making are refused, and Chromium says so on the console.
        Path page = OUT.resolve("blocked.html").toAbsolutePath();
        Files.writeString(page, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                + Site.contentSecurityPolicy() + "\"><title>blocked</title></head><body>" + IMG
                + "<script>document.title = 'ran';</script></body></html>");
        assertThat(browser.open(page.toUri().toString())).anySatisfy(e -> assertThat(e).contains("Content Security Policy"));
        assertThat(browser.driver().getTitle()).isEqualTo("blocked");
        assertThat(browser.alert()).isEmpty();
    }

    /**
     * A section's text without what depends on the moment of observing: the observation's own time
     * (the header's) and ages such as "fresh (14 s old)". The export was written before the served
     * pages were read; everything else must be the same.
     */
    private String comparable(WebElement section) {
        String observedAt = browser.find("header time").getText();
        return browser.textContent(section).replace(observedAt, "(observed at)")
                .replaceAll("\\b\\d+(\\.\\d+)? ?(ms|s|min|minutes?|h|hours?|d|days?) (old|ago)\\b", "(age)");
    }

    /** No name from the platform became markup: no element, handler or script of its own, no alert. */
    private void assertNothingInjected(String page) {
        assertThat(browser.alert()).as(page).isEmpty();
        assertThat(browser.findAll("img[src='x'], [onerror]")).as(page).isEmpty();
        assertThat(browser.findAll("script")).as(page).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(s -> assertThat(browser.textContent(s)).doesNotContain("alert(1)"));
    }

    // The page tests below check the DOM contract each page keeps (docs/observe-html.md, "Tests").

    @Test
    void storageListsEveryMigrationApplied() {
        assertThat(browser.open(served("storage"))).isEmpty();
        assertThat(browser.findAll("table#migrations thead th")).extracting(WebElement::getText)
                .contains("Version", "Description", "Checksum", "Applied at", "Applied by", "Duration");
        List<WebElement> rows = browser.findAll("table#migrations tbody tr");
        assertThat(rows).hasSize(6).noneSatisfy(row -> assertThat(row.getAttribute("class")).containsAnyOf("pending", "drift"));
        assertThat(rows).anySatisfy(row -> assertThat(row.getText()).contains("raw").contains("payments"));
    }

    @Test
    void accessMatrixGivesTheAnalystSelectOnTheCustomersMart() {
        assertThat(browser.open(served("access"))).isEmpty();
        assertThat(browser.findAll("table#access-matrix th[scope=row]")).extracting(WebElement::getText)
                .contains("analyst", "alice", "pipeline_writer");
        WebElement analyst = browser.find(cell("analyst", "marts.customers"));
        assertThat(analyst.getText()).contains("SELECT").doesNotContain("INSERT");
        assertThat(analyst.getAttribute("class")).doesNotContain("drift");
        assertThat(browser.find(cell("pipeline_writer", "marts.customers")).getText()).contains("SELECT", "INSERT");
        assertThat(browser.find(cell("pipeline_writer", "raw.customers")).getText()).contains("SELECT")
                .doesNotContain("INSERT");
        // marts.* is every table in marts, those made by hand too; their names stay data, in attributes as in text.
        assertThat(browser.find(cell("analyst", "marts." + IMG)).getText()).contains("SELECT");
        assertThat(browser.find(cell("analyst", "marts." + SCRIPT)).getText()).contains("SELECT");
        assertThat(browser.textContent(browser.find("table#access-matrix"))).contains(IMG, SCRIPT);

        WebElement whoCan = browser.find("input#who-can[type=search]");
        assertThat(browser.driver().executeScript("return arguments[0].labels.length;", whoCan)).isNotEqualTo(0L);
        assertThat(browser.find("#who-can-result").getAttribute("aria-live")).isEqualTo("polite");
        whoCan.sendKeys("marts.customers");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-can-result"), "analyst"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String cell(String role, String object) {
        return "table#access-matrix td[data-role='" + role + "'][data-object='" + object + "']";
    }

    @Test
    void pipelinesShowTheRunOnTheTimeline() {
        assertThat(browser.open(served("pipelines"))).isEmpty();
        List<WebElement> rows = browser.findAll("table#pipelines-table tbody tr");
        assertThat(rows).hasSize(1);
        WebElement customers = rows.get(0);
        assertThat(customers.getText()).contains("customers");
        List<WebElement> runs = customers.findElements(By.cssSelector(".timeline [data-status]"));
        assertThat(runs).hasSize(1);
        WebElement run = runs.get(0);
        assertThat(run.getAttribute("data-status")).isEqualTo("succeeded");
        assertThat(run.getText() + " " + run.getAttribute("title")).containsPattern("\\d");
        // Run a moment ago, due nightly: fresh.
        assertThat(customers.findElements(By.cssSelector(".stale"))).isEmpty();
    }

    @Test
    void lineageNodesShowTheirDetailsOnClickAndOnEnter() {
        assertThat(browser.open(served("lineage"))).isEmpty();
        WebElement graph = browser.find("svg#lineage-graph");
        WebElement pipeline = graph.findElement(By.id(Html.id("node-pipeline", "customers")));
        assertThat(pipeline.getAttribute("class")).contains("node", "node-pipeline");
        assertThat(pipeline.getAttribute("data-name")).isEqualTo("customers");
        assertThat(pipeline.getAttribute("tabindex")).isEqualTo("0");
        for (String table : List.of("raw.customers", "marts.customers")) {
            WebElement node = graph.findElement(By.id(Html.id("node-table", table)));
            assertThat(node.getAttribute("class")).as(table).contains("node", "node-table");
            assertThat(node.getAttribute("data-name")).isEqualTo(table);
            assertThat(node.getAttribute("tabindex")).isEqualTo("0");
        }

        pipeline.click();
        WebElement details = visible(Html.id("details-pipeline", "customers"));
        assertThat(details.getText()).contains("Last run", "succeeded");

        graph.findElement(By.id(Html.id("node-table", "marts.customers"))).sendKeys(Keys.ENTER);
        assertThat(visible(Html.id("details-table", "marts.customers")).getText()).contains("analyst");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private WebElement visible(String id) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    @Test
    void journalFilterHidesTheEntriesThatDoNotMatch() {
        assertThat(browser.open(served("journal"))).isEmpty();
        // Two applies, and whatever else the page lists beside them (a pipeline's runs, say).
        List<WebElement> rows = browser.findAll("table#journal-table tbody tr");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        WebElement filter = browser.find("input#journal-filter[type=search]");
        assertThat(browser.driver().executeScript("return arguments[0].labels.length;", filter)).isNotEqualTo(0L);

        filter.sendKeys("0013_raw_payments");
        assertThat(rows).filteredOn(WebElement::isDisplayed).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("0013_raw_payments"));
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "0001_create_schemas");
        assertThat(rows).filteredOn(WebElement::isDisplayed).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("0001_create_schemas"));
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        assertThat(rows).allMatch(WebElement::isDisplayed);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String awaitServing(Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            if (!serve.isAlive()) {
                throw new AssertionError("observe --serve ended, exit " + serve.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("observe --serve did not start in 60 s:\n" + Files.readString(log));
    }
}
