package io.strata.cli;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.BOOLEAN;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.pipeline.Column;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Transform;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Environment;
import io.strata.pipeline.run.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pipelines page of {@code observe --html} on the example platform, on the embedded default:
 * before any run the customers pipeline has no runs; after a run made with the pipeline library
 * (as the example's own Main makes it) its timeline holds that succeeded run, with its rows.
 */
class ObservePipelinesTest {

    /** marts.customers after migrations 0003 and 0012. */
    private static final Schema MART = Schema.of(Column.of("customer_id", BIGINT), Column.of("name", TEXT),
            Column.of("email", TEXT), Column.of("annual_revenue", DECIMAL), Column.of("is_new_this_year", BOOLEAN),
            Column.of("created_at", TIMESTAMP), Column.of("segment", TEXT));

    @TempDir
    Path tmp;

    /** The customers pipeline, simplified: the customers not deleted, all in the standard segment. */
    private static int runCustomers(String url) {
        return Pipeline.named("customers").run(run -> {
            Database db = run.database();
            run.write(db.table("raw.customers").through(Transform.to(MART, (c, out) -> {
                if (c.isNull("deleted_at")) {
                    out.accept(MART.row(c.getLong("customer_id"), c.getString("name"), c.getString("email"),
                            c.getDecimal("annual_revenue"), false, c.getTimestamp("created_at"), "standard"));
                }
            })), db.replace("marts.customers"));
        }, Environment.of(Map.of(Environment.DATABASE_URL, url, Environment.DATABASE_USER, "postgres")),
                Clock.systemUTC());
    }

    private static String customersRow(String page) {
        int start = page.indexOf("<tr id=\"pipelines-row-customers\">");
        assertThat(start).as(page).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void aRunOfTheCustomersPipelineShowsInItsTimelineWithItsRows() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            cli.ok("-C", c, "apply", "--auto-approve");
            Path file = tmp.resolve("report.html");

            Cli.Result before = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(before.code()).as(before.toString()).isZero();
            assertThat(customersRow(Files.readString(file))).contains("<td>customers-enrichment</td>",
                    "<td>no runs</td><td>never run</td>", "<li>marts.customers not written yet</li>");

            String url = ExamplePlatform.embeddedUrl(cli.run("-C", c, "observe").out());
            assertThat(runCustomers(url)).isZero();

            Cli.Result after = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(after.code()).as(after.toString()).isZero();
            String page = Files.readString(file);
            String row = customersRow(page);
            String timeline = row.substring(row.indexOf("<ol class=\"timeline\""), row.indexOf("</ol>"));
            // raw.customers holds 8 customers, one of them deleted.
            assertThat(timeline).contains("aria-label=\"Last 1 run(s) of customers, oldest first\"")
                    .containsPattern("<li data-status=\"succeeded\" title=\"succeeded \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,"
                            + " \\d+\\.\\d s, manual, read 8, wrote 7\"");
            assertThat(row).containsPattern("<span class=\"run-status\" data-status=\"succeeded\">succeeded</span> <time>"
                    + "[0-9: -]+</time> \\([^)]*, manual\\)<br>read 8, wrote 7</td>")
                    .containsPattern("<li>marts.customers fresh \\(\\d+ s old\\)</li>");
            assertThat(page).doesNotContain("Pending and drift");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }
}
