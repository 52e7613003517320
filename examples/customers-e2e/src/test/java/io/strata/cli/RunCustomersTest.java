package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata run customers} on the example platform and the embedded default, as the README
 * tells users, with the packaged CLI in its own process: before apply it fails (no raw.customers)
 * and says why; after apply it fills marts.customers from raw.customers and prints the run record.
 */
class RunCustomersTest {

    @TempDir
    Path tmp;

    @Test
    void runsTheArticlesPipelineAgainstTheEmbeddedDatabase() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        installBuiltJar(platform);
        String c = platform.toString();
        try {
            Cli.Result tooEarly = strata("-C", c, "run", "customers");
            assertThat(tooEarly.code()).as(tooEarly.toString()).isEqualTo(1);
            assertThat(tooEarly.out()).as(tooEarly.toString()).contains("customers: failed\n", "  trigger:  manual\n",
                    "  error:    writing marts.customers (replace): reading raw.customers: ERROR: relation \"raw.customers\" does not exist",
                    "nothing was written");

            Cli.Result apply = strata("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();

            Cli.Result run = strata("-C", c, "run", "customers");
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.err()).as(run.toString()).doesNotContain("building pipelines/customers");
            assertThat(run.out()).contains("customers: succeeded\n", "  trigger:  manual\n",
                    "  image:    customers-pipeline.jar@sha256:", "  read:     raw.customers  8 rows\n",
                    "  wrote:    marts.customers  7 rows\n");
            Matcher log = Pattern.compile("  log:\\s+(\\S+)").matcher(run.out());
            assertThat(log.find()).isTrue();
            assertThat(Path.of(log.group(1))).startsWith(platform.resolve(".strata/dev/runs/customers"));
            assertThat(Files.readString(Path.of(log.group(1)))).contains("customers: succeeded in");

            String url = url(strata("-C", c, "embedded", "status").out());
            assertThat(query(url, "SELECT customer_id || ' ' || segment FROM marts.customers ORDER BY customer_id"))
                    .containsExactly("1 enterprise", "2 mid-market", "3 standard", "4 mid-market", "6 standard",
                            "7 enterprise", "8 enterprise");
            assertThat(query(url, "SELECT status || ' ' || triggered_by FROM strata.pipeline_runs ORDER BY started_at"))
                    .containsExactly("failed manual", "succeeded manual");
        } finally {
            strata("-C", c, "embedded", "stop");
        }
    }

    static Cli.Result strata(String... args) {
        return PackagedCli.run(args);
    }

    /**
     * The jar the reactor built from the example's sources (this module depends on the example, so
     * it exists), put in the copy's target/ as a build there would leave it: newer than its sources.
     */
    private static void installBuiltJar(Path platform) throws Exception {
        Path built = ExamplePlatform.source().resolve("pipelines/customers/target/customers-pipeline.jar");
        Path target = platform.resolve("pipelines/customers/target/customers-pipeline.jar");
        Files.createDirectories(target.getParent());
        Files.copy(built, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(1)));
    }

    static String url(String statusOut) {
        Matcher m = Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/").matcher(statusOut);
        assertThat(m.find()).as(statusOut).isTrue();
        return "jdbc:postgresql://127.0.0.1:" + m.group(1) + "/customers";
    }

    static List<String> query(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
