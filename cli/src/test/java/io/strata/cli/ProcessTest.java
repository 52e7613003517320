package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as separate operating-system processes: concurrent applies, and a kill -9 mid-apply. */
class ProcessTest {

    @TempDir
    Path tmp;

    @AfterEach
    void dropExampleRoles() {
        ExamplePlatform.dropServerRoles();
    }

    private static ProcessBuilder strata(Path platform, TestDatabase db, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "-C", platform.toString(), "--env", "staging"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("STAGING_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db.name());
        env.put("STAGING_DATABASE_USER", "postgres");
        env.put("STAGING_DATABASE_PASSWORD", "x");
        return pb;
    }

    @Test
    void tenConcurrentProcessesApplyEveryMigrationExactlyOnce() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("p"));
        try (TestDatabase db = TestDatabase.onServer()) {
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                processes.add(strata(platform, db, tmp.resolve("apply-" + i + ".log"), "apply", "--auto-approve").start());
            }
            int applied = 0;
            for (int i = 0; i < processes.size(); i++) {
                assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
                String log = Files.readString(tmp.resolve("apply-" + i + ".log"));
                assertThat(processes.get(i).exitValue()).as(log).isZero();
                if (log.contains("Apply complete: 21 change(s)")) {
                    applied++;
                } else {
                    assertThat(log).contains("Nothing to apply.");
                }
            }
            assertThat(applied).isEqualTo(1);
            assertThat(query(db, "SELECT count(*) FROM strata.migrations WHERE success")).isEqualTo(6);
            assertThat(query(db, "SELECT count(*) FROM raw.customers")).isEqualTo(8);
            assertThat(query(db, "SELECT count(*) FROM strata.journal WHERE outcome = 'succeeded'")).isEqualTo(1);
        }
    }

    @Test
    void killedDuringApplyTheNextApplyProceeds() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("p"));
        Path slow = platform.resolve("migrations/0014_slow.sql");
        Files.writeString(slow, "CREATE TABLE marts.slow (id int);\nSELECT pg_sleep(600);\n");
        try (TestDatabase db = TestDatabase.onServer()) {
            Process process = strata(platform, db, tmp.resolve("killed.log"), "apply", "--auto-approve").start();
            waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND query LIKE 'SELECT pg_sleep(600)%'");
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

            Files.writeString(slow, "CREATE TABLE marts.slow (id int);\n");
            Cli cli = new Cli(Map.of("STAGING_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db.name(),
                    "STAGING_DATABASE_USER", "postgres", "STAGING_DATABASE_PASSWORD", "x"));
            Cli.Result r = cli.run("-C", platform.toString(), "--env", "staging", "apply", "--auto-approve",
                    "--lock-timeout", "30");
            assertThat(r.code()).as(r.toString()).isZero();
            // The access and orchestration layers had not run yet when the apply was killed: their 14 + 1
            // changes come now.
            assertThat(r.out()).contains("+ migrations/0014_slow.sql").contains("Apply complete: 16 change(s)");
            assertThat(query(db, "SELECT count(*) FROM strata.migrations WHERE success")).isEqualTo(7);
            assertThat(query(db, "SELECT count(*) FROM strata.migrations WHERE NOT success")).isZero();
        }
    }

    private static int query(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void waitFor(TestDatabase db, String countQuery) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (query(db, countQuery) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never saw: " + countQuery);
    }
}
