package io.strata.bench;

import io.strata.storage.catalog.CatalogDrift;
import io.strata.storage.catalog.CatalogScope;
import io.strata.storage.catalog.CatalogSnapshot;
import io.strata.storage.catalog.SchemaDrift;
import io.strata.storage.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The in-process schema-drift check (one snapshot read, one live inspection, the diff) on a
 * catalog of 1,000 tables × 10 columns, each with a primary key and one more index, on PostgreSQL
 * and on MariaDB. Each database is fresh, snapshotted once, then checked: 5 unmeasured warm-ups,
 * then the median of 5 measured checks on one open connection.
 *
 * Then one column is added by hand and the check measured again (the full inspection and diff),
 * and the whole {@code strata plan} process is timed against each database.
 *
 * <p>Usage: {@code DriftBenchmark CLI_JAR [PG_HOST:PORT] [MYSQL_HOST:PORT]}; see docs/benchmarks.md.
 */
public final class DriftBenchmark {

    private static final int TABLES = 1_000;
    private static final int WARMUPS = 5;
    private static final int ROUNDS = 5;

    /** Median in-process check with nothing changed, with one change, and the whole `strata plan`. */
    private record Result(long inSyncMs, long driftedMs, long planMs) {}

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        String pg = args.length > 1 ? args[1] : "127.0.0.1:5432";
        String mysql = args.length > 2 ? args[2] : "127.0.0.1:3306";
        Result p = postgres(pg, launcher);
        Result m = mysql(mysql, launcher);
        System.out.printf(Locale.ROOT, "in sync (nothing changed): pg_ms=%d mysql_ms=%d%n", p.inSyncMs(), m.inSyncMs());
        System.out.printf(Locale.ROOT, "whole `strata plan`, one column changed by hand: pg_ms=%d mysql_ms=%d%n",
                p.planMs(), m.planMs());
        System.out.printf(Locale.ROOT, "drift-1000: pg_ms=%d mysql_ms=%d%n", p.driftedMs(), m.driftedMs());
    }

    private static Result postgres(String server, Path launcher) throws Exception {
        String db = "strata_bench_drift";
        String admin = "jdbc:postgresql://" + server + "/postgres?user=postgres";
        execute(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "CREATE DATABASE " + db);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/" + db + "?user=postgres")) {
            System.out.println("postgresql: creating " + TABLES + " tables ...");
            c.setAutoCommit(false);
            createTables(c, "", "text", "timestamptz", "now()");
            c.commit();
            c.setAutoCommit(true);
            // Measured on a settled server: creating 1,000 tables leaves the checkpointer and
            // autovacuum busy with pg_class and pg_attribute, on the same two cores.
            execute(c, "VACUUM ANALYZE", "CHECKPOINT");
            return measure("postgresql", c, CatalogDrift.of(Dialect.POSTGRESQL), "t0500",
                    "jdbc:postgresql://" + server + "/" + db + "?user=postgres", launcher);
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static Result mysql(String server, Path launcher) throws Exception {
        String db = "strata_bench_drift";
        String admin = "jdbc:mariadb://" + server + "/?user=root";
        execute(admin, "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + server + "/" + db + "?user=root")) {
            System.out.println("mysql: creating " + TABLES + " tables ...");
            createTables(c, db + ".", "varchar(200)", "timestamp", "CURRENT_TIMESTAMP");
            // The server is shared (a MySQL schema is a database, server-wide): the in-process check
            // reads this one only; the whole `plan` reads the server, as the CLI does.
            return measure("mysql", c, CatalogDrift.of(Dialect.MYSQL).within(CatalogScope.only(db)), db + ".t0500",
                    "jdbc:mariadb://" + server + "/" + db + "?user=root", launcher);
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + db);
        }
    }

    private static Result measure(String name, Connection c, CatalogDrift drift, String probeTable, String url,
            Path launcher) throws Exception {
        long s0 = System.nanoTime();
        CatalogSnapshot snapshot = drift.snapshot(c);
        System.out.printf(Locale.ROOT, "%s: snapshot (inspect + save) %d ms, once, cold%n", name,
                (System.nanoTime() - s0) / 1_000_000);
        if (snapshot.catalog().tableCount() != TABLES) {
            throw new IllegalStateException(name + ": the snapshot has " + snapshot.catalog().tableCount() + " tables");
        }
        long inSync = checks(name + ": drift check, nothing changed,", c, drift, 0);
        execute(c, "ALTER TABLE " + probeTable + " ADD COLUMN drift_probe integer");
        long drifted = checks(name + ": drift check, one column added by hand,", c, drift, 1);
        long plan = wholePlan(name, url, launcher);
        return new Result(inSync, drifted, plan);
    }

    private static long checks(String label, Connection c, CatalogDrift drift, int expectedItems) throws SQLException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < WARMUPS + ROUNDS; i++) {
            long t0 = System.nanoTime();
            SchemaDrift result = drift.drift(c);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (result.items().size() != expectedItems) {
                throw new IllegalStateException(label + " expected " + expectedItems + " drift item(s), got "
                        + result.summary() + "\n" + String.join("\n", result.lines()));
            }
            if (i >= WARMUPS) {
                times.add(ms);
            }
        }
        System.out.printf(Locale.ROOT, "%s at %d tables: %s ms%n", label, TABLES, times);
        return median(times);
    }

    /** `./strata plan` against the database, as a user runs it: JVM start included. */
    private static long wholePlan(String name, String url, Path launcher) throws Exception {
        Path dir = Files.createTempDirectory("strata-drift-plan");
        Files.writeString(dir.resolve("strata.yaml"), "name: bench\nenvironments:\n  bench:\n    database:\n"
                + "      url: " + url + "\n");
        Path log = dir.resolve("plan.log");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS + 1; i++) {
            long t0 = System.nanoTime();
            Process p = WholeProcess.strata(launcher, log, "-C", dir.toString(), "--env", "bench", "plan").start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(name + ": strata plan failed: " + Files.readString(log));
            }
            if (i > 0) {
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        if (!Files.readString(log).contains("drift_probe")) {
            throw new IllegalStateException(name + ": the plan did not report the hand-made column:\n" + Files.readString(log));
        }
        System.out.printf(Locale.ROOT, "%s: whole `strata plan` (JVM start included): %s ms%n", name, times);
        return median(times);
    }

    /** {@code t0001 .. t1000}: 10 columns, a primary key, one more index. */
    private static void createTables(Connection c, String prefix, String text, String timestamp, String now)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = 1; i <= TABLES; i++) {
                String t = String.format(Locale.ROOT, "t%04d", i);
                s.execute("CREATE TABLE " + prefix + t + " (id bigint PRIMARY KEY, name " + text + " NOT NULL,"
                        + " email " + text + ", amount numeric(12, 2) DEFAULT 0, quantity integer NOT NULL DEFAULT 1,"
                        + " status varchar(20) NOT NULL DEFAULT 'new', note " + text + ", flag boolean,"
                        + " created_at " + timestamp + " NOT NULL DEFAULT " + now + ", parent_id bigint)");
                s.execute("CREATE INDEX " + t + "_name ON " + prefix + t + " (name)");
            }
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            execute(c, statements);
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
