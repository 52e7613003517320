package io.strata.bench;

import io.strata.storage.catalog.CatalogDrift;
import io.strata.storage.catalog.CatalogScope;
import io.strata.storage.catalog.CatalogSnapshot;
import io.strata.storage.catalog.SchemaDrift;
import io.strata.storage.sql.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The in-process schema-drift check (one snapshot read, one live inspection, the diff) on a
 * catalog of 1,000 tables × 10 columns, each with a primary key and one more index, on PostgreSQL
 * and on MariaDB. Each database is fresh, snapshotted once, then checked: 5 unmeasured warm-ups,
 * then the median of 5 measured checks on one open connection.
 *
 * <p>Usage: {@code DriftBenchmark [PG_HOST:PORT] [MYSQL_HOST:PORT]}; see docs/benchmarks.md.
 */
public final class DriftBenchmark {

    private static final int TABLES = 1_000;
    private static final int WARMUPS = 5;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        String pg = args.length > 0 ? args[0] : "127.0.0.1:5432";
        String mysql = args.length > 1 ? args[1] : "127.0.0.1:3306";
        long pgMs = postgres(pg);
        long mysqlMs = mysql(mysql);
        System.out.printf(Locale.ROOT, "drift-1000: pg_ms=%d mysql_ms=%d%n", pgMs, mysqlMs);
    }

    private static long postgres(String server) throws Exception {
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
            return measure("postgresql", c, CatalogDrift.of(Dialect.POSTGRESQL));
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static long mysql(String server) throws Exception {
        String db = "strata_bench_drift";
        String admin = "jdbc:mariadb://" + server + "/?user=root";
        execute(admin, "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + server + "/" + db + "?user=root")) {
            System.out.println("mysql: creating " + TABLES + " tables ...");
            createTables(c, db + ".", "varchar(200)", "timestamp", "CURRENT_TIMESTAMP");
            // The server is shared (a MySQL schema is a database, server-wide): check this one only.
            return measure("mysql", c, CatalogDrift.of(Dialect.MYSQL).within(CatalogScope.only(db)));
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + db);
        }
    }

    private static long measure(String name, Connection c, CatalogDrift drift) throws SQLException {
        long s0 = System.nanoTime();
        CatalogSnapshot snapshot = drift.snapshot(c);
        System.out.printf(Locale.ROOT, "%s: snapshot (inspect + save) %d ms, once, cold%n", name,
                (System.nanoTime() - s0) / 1_000_000);
        if (snapshot.catalog().tableCount() != TABLES) {
            throw new IllegalStateException(name + ": the snapshot has " + snapshot.catalog().tableCount() + " tables");
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < WARMUPS + ROUNDS; i++) {
            long t0 = System.nanoTime();
            SchemaDrift result = drift.drift(c);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!(result instanceof SchemaDrift.InSync)) {
                throw new IllegalStateException(name + ": expected no drift, got " + result.summary() + "\n"
                        + String.join("\n", result.lines()));
            }
            if (i >= WARMUPS) {
                times.add(ms);
            }
        }
        System.out.printf(Locale.ROOT, "%s: drift check at %d tables: %s ms%n", name, TABLES, times);
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
