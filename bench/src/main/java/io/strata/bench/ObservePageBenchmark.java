package io.strata.bench;

import io.strata.cli.Platform;
import io.strata.cli.command.ObserveSnapshot;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.RunRecord;
import io.strata.pipeline.run.RunStatus;
import io.strata.pipeline.run.RunStore;
import io.strata.pipeline.run.Trigger;
import io.strata.web.Site;
import io.strata.web.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The observe pages of a platform of 1,000 tables (5 schemas × 200, in 10 migrations), 200 roles
 * with their grants and 50 pipelines (CronJobs in {@code k8s/}, each reading 2 tables and writing
 * 1, with 10 run records each), applied with the real CLI to a fresh database on the machine's
 * PostgreSQL server. Then, in process, after warm-up: the snapshot a served request builds
 * (platform opened, every layer observed, journal, lineage) and, apart, the rendering of the
 * overview and lineage pages from it; and the whole {@code strata observe --html FILE} process.
 *
 * <p>Usage: {@code ObservePageBenchmark LAUNCHER [HOST:PORT]}; see docs/benchmarks.md.
 */
public final class ObservePageBenchmark {

    private static final String DB = "strata_bench_observe";
    private static final String PREFIX = "obs_bench_";
    private static final List<String> SCHEMAS = List.of("raw", "clean", "marts", "ref", "audit");
    private static final int TABLES_PER_SCHEMA = 200;
    private static final int MIGRATIONS = 10;
    private static final int ROLES = 200;
    private static final int PIPELINES = 50;
    private static final int RUNS_PER_PIPELINE = 10;
    private static final int WARMUPS = 10;
    private static final int ROUNDS = 10;

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        String server = args.length > 1 ? args[1] : "127.0.0.1:5432";
        String url = "jdbc:postgresql://" + server + "/" + DB;
        Path dir = Files.createTempDirectory("strata-observe-page");
        try {
            tearDown(server);
            admin(server, "CREATE DATABASE " + DB);
            generate(dir, url);
            apply(launcher, dir);
            recordRuns(url);
            PerPage pages = inProcess(dir);
            long export = wholeExport(launcher, dir);
            System.out.printf(Locale.ROOT, "observe-page: overview_ms=%d lineage_ms=%d export_ms=%d%n",
                    pages.overviewMs(), pages.lineageMs(), export);
        } finally {
            tearDown(server);
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String table(int index) {
        return String.format(Locale.ROOT, "%s.t%03d", SCHEMAS.get(index / TABLES_PER_SCHEMA), index % TABLES_PER_SCHEMA);
    }

    private static String role(int r) {
        return String.format(Locale.ROOT, "%sr%03d", PREFIX, r);
    }

    private static String pipeline(int p) {
        return String.format(Locale.ROOT, "p%02d", p);
    }

    /** Pipeline p reads two tables of raw and clean and writes one of marts, all distinct. */
    private static List<String> reads(int p) {
        return List.of(table(p), table(TABLES_PER_SCHEMA + p));
    }

    private static String writes(int p) {
        return table(2 * TABLES_PER_SCHEMA + p);
    }

    private static void generate(Path dir, String url) throws Exception {
        Files.writeString(dir.resolve("strata.yaml"), "name: bench\nenvironments:\n  bench:\n    database:\n"
                + "      url: " + url + "\n      user: postgres\n");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        int total = SCHEMAS.size() * TABLES_PER_SCHEMA;
        int perMigration = total / MIGRATIONS;
        for (int m = 0; m < MIGRATIONS; m++) {
            StringBuilder sql = new StringBuilder();
            if (m == 0) {
                SCHEMAS.forEach(s -> sql.append("CREATE SCHEMA ").append(s).append(";\n"));
            }
            for (int t = m * perMigration; t < (m + 1) * perMigration; t++) {
                sql.append("CREATE TABLE ").append(table(t)).append(" (id bigint PRIMARY KEY, name text NOT NULL,"
                        + " amount numeric(12, 2), updated_at timestamptz NOT NULL DEFAULT now());\n");
            }
            Files.writeString(migrations.resolve(String.format(Locale.ROOT, "%04d_tables_%d.sql", m + 1, m + 1)),
                    sql.toString());
        }
        // Every role: USAGE on every schema, SELECT on 10 tables; every tenth also SELECT on all of marts.
        StringBuilder access = new StringBuilder("managed_roles: [\"" + PREFIX + "*\"]\nroles:\n");
        for (int r = 0; r < ROLES; r++) {
            access.append("  ").append(role(r)).append(":\n    grants:\n      schemas:\n");
            SCHEMAS.forEach(s -> access.append("        ").append(s).append(": [USAGE]\n"));
            access.append("      tables:\n");
            for (int k = 0; k < 10; k++) {
                access.append("        ").append(table((r * 37 + k * 101) % total)).append(": [SELECT]\n");
            }
            if (r % 10 == 0) {
                access.append("        marts.*: [SELECT]\n");
            }
        }
        Files.createDirectories(dir.resolve("access"));
        Files.writeString(dir.resolve("access/roles.yaml"), access.toString());
        Path k8s = Files.createDirectories(dir.resolve("k8s"));
        for (int p = 0; p < PIPELINES; p++) {
            // A CronJob names its pipeline's Maven module; apply checks that it exists, nothing here builds it.
            Path module = Files.createDirectories(dir.resolve("pipelines").resolve(pipeline(p)));
            Files.writeString(module.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>com.example.bench</groupId>
                      <artifactId>%s</artifactId>
                      <version>1</version>
                    </project>
                    """.formatted(pipeline(p)));
            Files.writeString(k8s.resolve(pipeline(p) + "-cronjob.yaml"), """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata:
                      name: %1$s-nightly
                      annotations:
                        strata.io/pipeline: %1$s
                        strata.io/reads: %2$s, %3$s
                        strata.io/writes: %4$s
                    spec:
                      schedule: "%5$d 2 * * *"
                      jobTemplate:
                        spec:
                          template:
                            spec:
                              restartPolicy: OnFailure
                              containers:
                                - name: %1$s
                                  image: ${image:%1$s}
                    """.formatted(pipeline(p), reads(p).get(0), reads(p).get(1), writes(p), p));
        }
        System.out.println("generated " + total + " tables in " + MIGRATIONS + " migrations, " + ROLES + " roles, "
                + PIPELINES + " CronJobs");
    }

    private static void apply(Path launcher, Path dir) throws Exception {
        Path log = dir.resolve("apply.log");
        long t0 = System.nanoTime();
        Process p = WholeProcess.strata(launcher, log, "-C", dir.toString(), "--env", "bench", "apply", "--auto-approve")
                .start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("strata apply failed:\n" + Files.readString(log));
        }
        System.out.println("applied with `strata apply` in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    /**
     * Ten runs a day apart per pipeline, written with the pipeline library's own {@link RunStore}
     * (a start, then the end with the tables read and written): the latest one failed for every
     * seventh pipeline, so the pages show both.
     */
    private static void recordRuns(String url) {
        RunStore store = RunStore.on(Database.of(url, "postgres", null));
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int p = 0; p < PIPELINES; p++) {
            for (int run = RUNS_PER_PIPELINE; run >= 1; run--) {
                Instant started = today.minus(Duration.ofDays(run)).plus(Duration.ofMinutes(120 + p));
                RunRecord record = RunRecord.started(pipeline(p) + "-run-" + run, pipeline(p), "bench:" + pipeline(p),
                        Trigger.SCHEDULE, "bench-host", 1000 + p, started);
                store.start(record);
                boolean failed = run == 1 && p % 7 == 0;
                store.finish(record.ended(started.plusSeconds(30 + p + run), failed ? RunStatus.FAILED : RunStatus.SUCCEEDED,
                        failed ? "connection reset" : null, Map.of(reads(p).get(0), 10_000L + run, reads(p).get(1), 500L),
                        failed ? Map.of() : Map.of(writes(p), 9_000L + run)));
            }
        }
        System.out.println("recorded " + PIPELINES * RUNS_PER_PIPELINE + " runs");
    }

    /** Per served page: the snapshot's median plus the page's median render, rounded to a millisecond. */
    private record PerPage(long overviewMs, long lineageMs) {}

    private static PerPage inProcess(Path dir) {
        Map<String, String> env = Map.of();
        List<Long> snapshot = new ArrayList<>();
        List<Long> overview = new ArrayList<>();
        List<Long> lineage = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < WARMUPS + ROUNDS; i++) {
            long t0 = System.nanoTime();
            Snapshot s = ObserveSnapshot.observe(dir, () -> Platform.open(dir, "bench", env, "bench@localhost"),
                    Set.of(), 500);
            long t1 = System.nanoTime();
            String overviewPage = Site.page("overview", s).orElseThrow();
            long t2 = System.nanoTime();
            String lineagePage = Site.page("lineage", s).orElseThrow();
            long t3 = System.nanoTime();
            if (i == 0) {
                check(s, overviewPage, lineagePage);
            }
            if (i >= WARMUPS) {
                snapshot.add((t1 - t0) / 1_000_000);
                overview.add((t2 - t1) / 1_000);
                lineage.add((t3 - t2) / 1_000);
                bytes = overviewPage.length() + lineagePage.length();
            }
        }
        System.out.printf(Locale.ROOT, "snapshot (platform opened, every layer observed, journal, lineage): %s ms%n",
                snapshot);
        System.out.printf(Locale.ROOT, "render overview: %s µs%n", overview);
        System.out.printf(Locale.ROOT, "render lineage: %s µs%n", lineage);
        System.out.printf(Locale.ROOT, "pages: %d characters (overview + lineage)%n", bytes);
        System.out.printf(Locale.ROOT, "in process, median after %d warm-ups: snapshot_ms=%d overview_render_ms=%.1f"
                + " lineage_render_ms=%.1f overview_ms=%d lineage_ms=%d (snapshot + render)%n", WARMUPS,
                median(snapshot), median(overview) / 1000.0, median(lineage) / 1000.0,
                median(snapshot) + Math.round(median(overview) / 1000.0),
                median(snapshot) + Math.round(median(lineage) / 1000.0));
        return new PerPage(median(snapshot) + Math.round(median(overview) / 1000.0),
                median(snapshot) + Math.round(median(lineage) / 1000.0));
    }

    /** The pages must show the generated platform, or the times measure something else. */
    private static void check(Snapshot s, String overview, String lineage) {
        if (s.lineage().pipelines().size() != PIPELINES) {
            throw new IllegalStateException("the lineage has " + s.lineage().pipelines().size() + " pipelines");
        }
        if (!lineage.contains(writes(PIPELINES - 1)) || !overview.contains("<section id=\"overview\"")) {
            throw new IllegalStateException("the pages do not show the generated platform");
        }
        if (s.drift()) {
            throw new IllegalStateException("the platform is not in sync after apply:\n"
                    + String.join("\n", s.layers().stream().map(l -> l.status().toString()).toList()));
        }
    }

    /** `strata observe --html FILE`, JVM start included: one warm-up, median of 5. */
    private static long wholeExport(Path launcher, Path dir) throws Exception {
        Path log = dir.resolve("observe.log");
        Path html = dir.resolve("observe.html");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            Process p = WholeProcess.strata(launcher, log, "-C", dir.toString(), "--env", "bench", "observe", "--html",
                    html.toString()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("strata observe --html failed:\n" + Files.readString(log));
            }
            if (i > 0) {
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        System.out.printf(Locale.ROOT, "whole `strata observe --html` (JVM start included): %s ms, %d KiB%n", times,
                Files.size(html) / 1024);
        return median(times);
    }

    private static void tearDown(String server) throws Exception {
        admin(server, "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        List<String> drops = new ArrayList<>();
        for (int r = 0; r < ROLES; r++) {
            drops.add("DROP ROLE IF EXISTS " + role(r));
        }
        admin(server, drops.toArray(String[]::new));
    }

    private static void admin(String server, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres?user=postgres");
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
