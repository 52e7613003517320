package io.strata.bench;

import io.strata.core.layer.Database;
import io.strata.core.layer.JdbcDatabase;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.loop.ApplyOptions;
import io.strata.core.loop.ApplyResult;
import io.strata.core.loop.Loop;
import io.strata.storage.StorageLayer;
import io.strata.storage.postgres.PostgresDialect;
import io.strata.storage.postgres.PostgresPlatformStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * Strata against Flyway on the same PostgreSQL server, in one run: applying 500 generated
 * migrations to a fresh database (alternating which goes first, median of 5), the no-op check with
 * 500 applied, and a whole-process `strata plan` with 5,000 applied. Durability settings are the
 * server's own: nothing here touches fsync or synchronous_commit.
 *
 * <p>Usage: {@code MigrationsBenchmark CLI_JAR [HOST:PORT]}; see docs/benchmarks.md.
 */
public final class MigrationsBenchmark {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        String server = args.length > 1 ? args[1] : "127.0.0.1:5432";
        Path work = Files.createTempDirectory("strata-bench");
        Path strataDir = work.resolve("strata");
        Path flywayDir = work.resolve("flyway");
        generate(strataDir.resolve("migrations"), 500, "%04d_table_%d.sql");
        generate(flywayDir, 500, "V%d__table_%d.sql");

        // Databases are dropped only at the end: dropping 1,500 relations makes the disk busy for a
        // while, and an apply measured right after a drop is measured on a slower disk.
        List<String> databases = new ArrayList<>();
        System.out.println("warming up (one unmeasured round each) ...");
        applyStrata(server, strataDir, track(databases, "strata_bench_warm_s"));
        applyFlyway(server, flywayDir, track(databases, "strata_bench_warm_f"));

        List<Long> strata = new ArrayList<>();
        List<Long> flyway = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String s = track(databases, "strata_bench_s" + round);
            String f = track(databases, "strata_bench_f" + round);
            if (round % 2 == 0) {
                strata.add(applyStrata(server, strataDir, s));
                flyway.add(applyFlyway(server, flywayDir, f));
            } else {
                flyway.add(applyFlyway(server, flywayDir, f));
                strata.add(applyStrata(server, strataDir, s));
            }
            System.out.printf(Locale.ROOT, "round %d: apply 500: strata %d ms, flyway %d ms%n", round + 1,
                    strata.get(round), flyway.get(round));
        }

        List<Long> noopStrata = new ArrayList<>();
        List<Long> noopFlyway = new ArrayList<>();
        Loop loop = loop(server, strataDir, "strata_bench_s0");
        Flyway fw = flyway(server, flywayDir, "strata_bench_f0");
        for (int i = 0; i < ROUNDS + 1; i++) {
            long t0 = System.nanoTime();
            if (loop.plan(Set.of()).hasChanges()) {
                throw new IllegalStateException("strata found changes on a converged database");
            }
            long t1 = System.nanoTime();
            if (fw.migrate().migrationsExecuted != 0) {
                throw new IllegalStateException("flyway applied something on a migrated database");
            }
            long t2 = System.nanoTime();
            if (i > 0) {
                noopStrata.add((t1 - t0) / 1_000_000);
                noopFlyway.add((t2 - t1) / 1_000_000);
            }
        }
        for (String db : databases) {
            drop(server, db);
        }
        System.out.printf(Locale.ROOT, "no-op with 500 applied: strata plan %s ms, flyway migrate %s ms%n", noopStrata,
                noopFlyway);

        long noop5000 = noop5000(server, work.resolve("five-thousand"), launcher);

        long s = median(strata);
        long f = median(flyway);
        System.out.printf(Locale.ROOT, "migrations-500: strata_ms=%d flyway_ms=%d ratio=%.2f noop_strata_ms=%d"
                        + " noop_flyway_ms=%d noop_5000_ms=%d%n", s, f, (double) s / f, median(noopStrata),
                median(noopFlyway), noop5000);
    }

    /** Whole process: `./strata plan` against a database with 5,000 applied migrations. */
    private static long noop5000(String server, Path dir, Path launcher) throws Exception {
        generate(dir.resolve("migrations"), 5000, "%05d_table_%d.sql");
        String db = "strata_bench_5000";
        recreate(server, db);
        System.out.println("applying 5,000 migrations once (not measured) ...");
        ApplyResult result = loop(server, dir, db).apply(options());
        if (result.status() != ApplyResult.Status.APPLIED) {
            throw new IllegalStateException("5,000 migrations were not applied: " + result.status());
        }
        Files.writeString(dir.resolve("strata.yaml"), "name: bench\nenvironments:\n  bench:\n    database:\n"
                + "      url: jdbc:postgresql://" + server + "/" + db + "\n      user: postgres\n");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS + 1; i++) {
            ProcessBuilder p = WholeProcess.strata(launcher, dir.resolve("plan.log"),
                    "-C", dir.toString(), "--env", "bench", "plan", "--detailed-exitcode");
            long t0 = System.nanoTime();
            Process process = p.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("strata plan failed: " + Files.readString(dir.resolve("plan.log")));
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (i > 0) {
                times.add(ms);
            }
        }
        drop(server, db);
        System.out.println("no-op plan with 5,000 applied, whole process: " + times + " ms");
        return median(times);
    }

    private static String track(List<String> databases, String db) {
        databases.add(db);
        return db;
    }

    private static long applyStrata(String server, Path dir, String db) throws Exception {
        recreate(server, db);
        Loop loop = loop(server, dir, db);
        long t0 = System.nanoTime();
        ApplyResult result = loop.apply(options());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (result.plan().changes().size() != 500) {
            throw new IllegalStateException("strata applied " + result.plan().changes().size() + " migrations");
        }
        return ms;
    }

    private static long applyFlyway(String server, Path dir, String db) throws Exception {
        recreate(server, db);
        Flyway flyway = flyway(server, dir, db);
        long t0 = System.nanoTime();
        int applied = flyway.migrate().migrationsExecuted;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (applied != 500) {
            throw new IllegalStateException("flyway applied " + applied + " migrations");
        }
        return ms;
    }

    private static Loop loop(String server, Path dir, String db) {
        String url = "jdbc:postgresql://" + server + "/" + db + "?user=postgres";
        Database database = new JdbcDatabase(url, url, null, null);
        return new Loop(List.of(new StorageLayer(new PostgresDialect())), new Workspace(dir, "bench"),
                new Target("bench", database), new PostgresPlatformStore(database, "bench"), "bench",
                Clock.systemUTC());
    }

    private static ApplyOptions options() {
        return new ApplyOptions(null, false, Duration.ofSeconds(60), "bench", plan -> {}, plan -> true, line -> {});
    }

    private static Flyway flyway(String server, Path dir, String db) {
        return Flyway.configure()
                .dataSource("jdbc:postgresql://" + server + "/" + db, "postgres", "")
                .locations("filesystem:" + dir)
                .load();
    }

    private static void generate(Path dir, int count, String nameFormat) throws Exception {
        Files.createDirectories(dir);
        for (int i = 1; i <= count; i++) {
            String sql = "CREATE TABLE table_" + i + " (\n    id bigint PRIMARY KEY,\n    name text NOT NULL,\n"
                    + "    amount numeric(12, 2),\n    created_at timestamptz NOT NULL DEFAULT now(),\n"
                    + "    flag boolean\n);\nCREATE INDEX table_" + i + "_name ON table_" + i + " (name);\n";
            Files.writeString(dir.resolve(String.format(Locale.ROOT, nameFormat, i, i)), sql);
        }
    }

    private static void recreate(String server, String db) throws Exception {
        drop(server, db);
        admin(server, "CREATE DATABASE " + db);
        // Every measured apply starts right after a checkpoint, so neither tool pays for the
        // other's full-page writes.
        admin(server, "CHECKPOINT");
    }

    private static void drop(String server, String db) throws Exception {
        admin(server, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }

    private static void admin(String server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
