package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.pipeline.Rows;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Environment;
import io.strata.pipeline.run.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lineage page of {@code strata observe --html} on the example platform: its CronJob declared
 * in k8s/, its roles applied on the embedded PostgreSQL, then a real run of the customers pipeline
 * (made with the pipeline library) that reads a table its CronJob does not declare.
 */
class ObserveLineageHtmlTest {

    @TempDir
    Path tmp;

    @Test
    void drawsTheExamplePipelineWithItsCronJobReadersAndRuns() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            cli.ok("-C", c, "apply", "--auto-approve");

            Path file = tmp.resolve("report.html");
            Cli.Result observe = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(observe.code()).as(observe.toString()).isZero();
            String page = lineage(Files.readString(file));
            assertThat(page).contains("<svg id=\"lineage-graph\"")
                    .contains("<g class=\"node node-pipeline\" id=\"node-pipeline-customers\" data-name=\"customers\""
                            + " tabindex=\"0\"")
                    .contains("<g class=\"node node-table\" id=\"node-table-raw_2e_customers\" data-name=\"raw.customers\"")
                    .contains("<g class=\"node node-table\" id=\"node-table-marts_2e_customers\"")
                    .contains("<g class=\"edge edge-read unobserved\" data-source=\"node-table-raw_2e_customers\""
                            + " data-target=\"node-pipeline-customers\">")
                    .contains("Every pipeline that ran read and wrote the tables its CronJobs declare.");
            assertThat(details(page, "details-pipeline-customers")).contains("<dt>State</dt><dd>never ran</dd>")
                    .contains("<code>customers-enrichment</code>, schedule <code>0 3 * * *</code>, image"
                            + " <code>${image:customers} (the image Strata builds for customers)</code>")
                    .contains("<dt>Last run</dt><dd>never run</dd>");
            // analyst holds SELECT on marts.* (its tables now), alice is its member; pipeline_writer writes them.
            assertThat(details(page, "details-table-marts_2e_customers"))
                    .contains("<li><code>analyst</code></li>", "<li><code>alice</code> (through <code>analyst</code>)</li>",
                            "<li><code>pipeline_writer</code></li>");
            assertThat(details(page, "details-table-raw_2e_customers")).contains("<li><code>pipeline_writer</code></li>")
                    .doesNotContain("analyst");

            String url = ExamplePlatform.embeddedUrl(cli.run("-C", c, "observe").out());
            Environment env = Environment.of(Map.of(Environment.DATABASE_URL, url, Environment.DATABASE_USER, "postgres"));
            int exit = Pipeline.named("customers").run(run -> {
                Database db = run.database();
                for (String table : List.of("raw.customers", "raw.payments")) {
                    try (Rows rows = db.table(table).open()) {
                        rows.forEachRemaining(row -> { });
                    }
                }
            }, env, Clock.systemUTC());
            assertThat(exit).isZero();

            cli.run("-C", c, "observe", "--html", file.toString());
            String after = lineage(Files.readString(file));
            assertThat(after).contains("<strong>2 mismatch(es)</strong>")
                    .contains("<g class=\"node node-pipeline mismatch\" id=\"node-pipeline-customers\"")
                    .contains("<g class=\"node node-table mismatch\" id=\"node-table-raw_2e_payments\"")
                    .contains("<title>customers reads raw.payments: observed, not declared</title>")
                    .contains("<title>customers writes marts.customers: declared, not observed</title>");
            assertThat(details(after, "details-pipeline-customers")).contains("<dt>State</dt><dd>mismatch</dd>")
                    .containsPattern("<dt>Last run</dt><dd><span class=\"run-status\" data-status=\"succeeded\">"
                            + "succeeded</span>, started <time>[0-9T:.Z-]+</time>, took [0-9.]+ (ms|s), read [0-9]+ row\\(s\\),"
                            + " wrote 0 row\\(s\\)");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }

    private static String lineage(String file) {
        return file.substring(file.indexOf("<section id=\"lineage\""), file.indexOf("</section>", file.indexOf("<section id=\"lineage\"")));
    }

    private static String details(String page, String id) {
        int start = page.indexOf(" id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return page.substring(start, page.indexOf("</article>", start));
    }
}
