package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": {@code strata run customers --engine spark}, with the packaged CLI, fills
 * marts.customers with exactly the rows {@code strata run customers} (the plain engine) does, and
 * is recorded like any other run of the customers pipeline.
 */
class RunCustomersOnSparkTest {

    @TempDir
    Path tmp;

    @Test
    void sparkFillsTheMartWithExactlyThePlainEnginesRows() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        installBuiltJars(platform);
        String c = platform.toString();
        try {
            assertThat(RunCustomersTest.strata("-C", c, "apply", "--auto-approve").code()).isZero();
            Cli.Result plain = RunCustomersTest.strata("-C", c, "run", "customers");
            assertThat(plain.code()).as(plain.toString()).isZero();
            String url = RunCustomersTest.url(RunCustomersTest.strata("-C", c, "embedded", "status").out());
            String rows = "SELECT t::text FROM marts.customers t ORDER BY customer_id";
            List<String> byPlain = RunCustomersTest.query(url, rows);
            assertThat(byPlain).hasSize(7);
            execute(url, "DELETE FROM marts.customers");

            Cli.Result spark = RunCustomersTest.strata("-C", c, "run", "customers", "--engine", "spark");
            assertThat(spark.code()).as(spark.toString()).isZero();
            assertThat(spark.err()).as(spark.toString()).contains("strata: engine spark (pipelines/customers/spark)")
                    .doesNotContain("building");
            assertThat(spark.out()).as(spark.toString()).contains("customers: succeeded\n",
                    "  image:    customers-pipeline-spark.jar@sha256:", "  read:     raw.customers  8 rows\n",
                    "  wrote:    marts.customers  7 rows\n");
            Matcher log = Pattern.compile("  log:\\s+(\\S+)").matcher(spark.out());
            assertThat(log.find()).isTrue();
            assertThat(Files.readString(Path.of(log.group(1)))).contains("engine spark 4.2.0 (master local[*]",
                    "on spark, 3 partitions");

            assertThat(RunCustomersTest.query(url, rows)).isEqualTo(byPlain);
            assertThat(RunCustomersTest.query(url, "SELECT status || ' ' || split_part(image, '@', 1)"
                    + " FROM strata.pipeline_runs ORDER BY started_at"))
                    .containsExactly("succeeded customers-pipeline.jar", "succeeded customers-pipeline-spark.jar");
            assertThat(RunCustomersTest.query(url, "SELECT count(*) FROM pg_class WHERE relname LIKE '%strata_parts%'"))
                    .containsExactly("0");
        } finally {
            RunCustomersTest.strata("-C", c, "embedded", "stop");
        }
    }

    /**
     * Both jars the reactor built, put in the copy as builds there would leave them (newer than
     * their sources); the Spark variant's 280 MB of dependencies linked, not copied.
     */
    private static void installBuiltJars(Path platform) throws Exception {
        Path example = ExamplePlatform.source().resolve("pipelines/customers");
        Path copy = platform.resolve("pipelines/customers");
        copyNewer(example.resolve("target/customers-pipeline.jar"), copy.resolve("target/customers-pipeline.jar"));
        copyNewer(example.resolve("spark/target/customers-pipeline-spark.jar"),
                copy.resolve("spark/target/customers-pipeline-spark.jar"));
        Files.createSymbolicLink(copy.resolve("spark/target/lib"), example.resolve("spark/target/lib").toAbsolutePath());
    }

    private static void copyNewer(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(to, FileTime.from(Instant.now().plusSeconds(1)));
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
