package io.strata.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.pipeline.jdbc.StagedLoad;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a Spark driver in the middle of a replace: some partitions committed into the
 * staging table, one still COPYing. The target keeps its old rows, no new row is visible in it,
 * and the next load of the table clears what the killed one left.
 */
class KilledSparkWriteTest {

    @Test
    void aKilledDriverLeavesTheTargetUntouched() throws Exception {
        try (PostgresDatabase db = new PostgresDatabase()) {
            db.execute("CREATE SCHEMA raw", "CREATE SCHEMA marts",
                    "CREATE TABLE raw.items (id bigint, name text)",
                    "INSERT INTO raw.items SELECT i, 'new ' || i FROM generate_series(1, 1000) i",
                    "CREATE TABLE marts.items (id bigint PRIMARY KEY, name text)",
                    "INSERT INTO marts.items VALUES (1, 'old one'), (2, 'old two')");
            Path log = Files.createTempFile("strata-spark-driver", ".log");
            Process driver = start(db.url(), log);
            try {
                waitFor(() -> Files.readString(log).contains("stalling at 900")
                        && !db.column("SELECT count(*) FROM marts.items__strata_parts").get(0).equals("0"), driver, log);
                assertThat(Integer.parseInt(db.column("SELECT count(*) FROM marts.items__strata_parts").get(0)))
                        .as("the committed parts, in the staging table only").isGreaterThanOrEqualTo(500);
            } finally {
                driver.destroyForcibly();
                driver.waitFor();
            }
            assertThat(db.column("SELECT id || ' ' || name FROM marts.items ORDER BY id"))
                    .containsExactly("1 old one", "2 old two");

            // The driver's connections are gone: the lock with them. The next load drops the leftover.
            try (StagedLoad next = db.database().replace("marts.items").staged(SparkEngineTest.OUT_ITEMS)) {
                assertThat(db.column("SELECT count(*) FROM marts.items__strata_parts")).containsExactly("0");
            }
            assertThat(db.column("SELECT relname FROM pg_class WHERE relname LIKE '%strata%'")).isEmpty();
            assertThat(db.column("SELECT count(*) FROM marts.items")).containsExactly("2");
        }
    }

    private static Process start(String url, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // This JVM's own flags: the opens Spark needs, as surefire's argLine gives them.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Xmx"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StalledWriteMain.class.getName(), url));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, Process driver, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // The staging table does not exist yet.
            }
            if (!driver.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the driver did not reach the stall (alive: " + driver.isAlive() + "):\n"
                        + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }
}
