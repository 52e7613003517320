package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata scheduler} in real time: CronJob manifests with {@code @every 2s} in k8s/, stand-in
 * pipelines as real child JVMs recording themselves in a real database; the scheduler as its own
 * process, stopped with SIGTERM; and {@code --once}.
 */
class SchedulerCommandTest {

    @TempDir
    Path platform;

    private StandInPlatform standIns;

    @BeforeEach
    void platform() throws Exception {
        standIns = new StandInPlatform(platform);
        Files.createDirectories(platform.resolve("k8s"));
    }

    @AfterEach
    void dropDatabase() {
        standIns.close();
    }

    @Test
    void runsDueCronJobsInRealTimeAndStopsGracefullyOnSigterm() throws Exception {
        standIns.standIn("fast", "pipeline:ok");
        standIns.standIn("stuck", "pipeline:hang");
        cronJob("fast", "@every 2s", "Allow");
        cronJob("stuck", "@every 2s", "Forbid");
        apply();
        Path log = platform.resolve("scheduler.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-C", platform.toString(),
                "--env", "staging", "scheduler", "--grace", "2s").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(standIns.variables());
        Process scheduler = builder.start();
        try {
            awaitRows("SELECT count(*) FROM strata.scheduler_decisions WHERE cronjob = 'fast'"
                    + " AND decision = 'succeeded'", 2, log);
            awaitRows("SELECT count(*) FROM strata.scheduler_decisions WHERE cronjob = 'stuck'"
                    + " AND decision = 'skip'", 1, log);
        } finally {
            scheduler.destroy(); // SIGTERM
        }
        assertThat(scheduler.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        String output = Files.readString(log);
        assertThat(scheduler.exitValue()).as(output).isZero();
        assertThat(output).contains(" fast run ", " fast succeeded ", " stuck skip ", "stopping: ", "stopped")
                .doesNotContain("not-a-real-secret");
        // Never two at once: later times are skipped while the first run hangs (as already started
        // within the same minute, which names a Job on a cluster; then as forbidden).
        assertThat(output.split(" stuck run ", -1)).hasSize(2);

        assertThat(rows("SELECT decision FROM strata.scheduler_decisions WHERE cronjob = 'stuck' ORDER BY id"))
                .startsWith("run", "skip").endsWith("stop");
        assertThat(rows("SELECT message FROM strata.scheduler_decisions WHERE cronjob = 'stuck' ORDER BY id DESC LIMIT 1"))
                .singleElement().asString().startsWith("killed: the scheduler stopped");
        assertThat(rows("SELECT message FROM strata.scheduler_decisions WHERE cronjob = '*' ORDER BY id"))
                .containsExactly("stopping: 1 run(s) running get up to 2 s to finish, then are killed", "stopped");
        Matcher pid = Pattern.compile(" stuck run \\S+ run \\S+: attempt 1 \\(schedule\\); pid (\\d+)").matcher(output);
        assertThat(pid.find()).as(output).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive))
                .isIn(Optional.empty(), Optional.of(false));
        assertThat(rows("SELECT DISTINCT triggered_by || ' ' || status FROM strata.pipeline_runs ORDER BY 1"))
                .containsExactly("schedule running", "schedule succeeded");
        assertThat(rows("SELECT active FROM strata.scheduler_state ORDER BY cronjob")).containsExactly("", "");
    }

    @Test
    void onceRunsWhatIsDueNowWaitsForItAndExits() throws Exception {
        standIns.standIn("fast", "pipeline:ok");
        cronJob("fast", "@every 5s", "Allow");
        Cli cli = new Cli(standIns.variables());
        String[] once = {"-C", platform.toString(), "--env", "staging", "scheduler", "--once"};

        Cli.Result before = cli.run(once);
        assertThat(before.code()).as(before.toString()).isZero();
        assertThat(before.out()).contains("0 CronJob(s) applied", "nothing is scheduled: `strata apply`");

        apply();
        Cli.Result first = cli.run(once);
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("1 CronJob(s) applied", "  fast: pipelines/fast, \"@every 5s\", Allow")
                .doesNotContain(" fast run ");
        Thread.sleep(5_200); // the CronJob was created by the apply above: its first time is 5 s later

        Cli.Result second = cli.run(once);
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains(" fast run ", " fast succeeded ");
        assertThat(rows("SELECT triggered_by || ' ' || status FROM strata.pipeline_runs"))
                .containsExactly("schedule succeeded");
    }

    /** What the scheduler runs is what was applied: the registry, not the files. */
    private void apply() {
        Cli.Result applied = new Cli(standIns.variables()).run("-C", platform.toString(), "--env", "staging", "apply",
                "--auto-approve");
        assertThat(applied.code()).as(applied.toString()).isZero();
    }

    private void cronJob(String name, String schedule, String concurrency) throws Exception {
        Files.writeString(platform.resolve("k8s").resolve(name + ".yaml"), """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %1$s
                  annotations:
                    strata.io/pipeline: %1$s
                spec:
                  schedule: "%2$s"
                  concurrencyPolicy: %3$s
                  jobTemplate:
                    spec:
                      backoffLimit: 0
                      template:
                        spec:
                          restartPolicy: Never
                          containers:
                            - name: %1$s
                              image: ${image:%1$s}
                """.formatted(name, schedule, concurrency));
    }

    private void awaitRows(String countQuery, int atLeast, Path log) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Integer.parseInt(rows(countQuery).get(0)) >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never saw " + atLeast + " rows of " + countQuery + "\n" + Files.readString(log));
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = standIns.db().connect(); Statement s = c.createStatement()) {
            if (!exists(s)) {
                rows.add("0");
                return rows;
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static boolean exists(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('strata.scheduler_decisions') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
