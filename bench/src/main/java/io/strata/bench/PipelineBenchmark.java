package io.strata.bench;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.BOOLEAN;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIMESTAMP;

import io.strata.pipeline.Column;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Source;
import io.strata.pipeline.WriteResult;
import io.strata.pipeline.jdbc.Database;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The customers pipeline on 5,000,000 raw rows (5% deleted), PostgreSQL to PostgreSQL, against the
 * physical floor on the same server in the same run: the same transform as one in-database
 * {@code INSERT INTO marts.customers SELECT ...}. The pipeline is measured as a whole process
 * ({@code java -jar customers-pipeline.jar}, JVM start and run record included); the floor as the
 * statement's transaction (TRUNCATE and INSERT ... SELECT, so it too is an atomic replace).
 * Rounds alternate which goes first; each measurement starts after a CHECKPOINT and is followed,
 * unmeasured, by VACUUM ANALYZE of the mart, so that no autovacuum of one side's result runs
 * during the other side's measurement (the floor leaves 4.75M unfrozen rows behind; the pipeline's
 * table is frozen and analysed as part of its run). Medians are reported. Then the
 * source alone (stream every raw row, count) and the sink alone (generated mart rows into the
 * replace sink), in this JVM.
 *
 * <p>Usage: {@code PipelineBenchmark PIPELINE_JAR MIGRATIONS_DIR [HOST:PORT] [ROWS]}; see docs/benchmarks.md.
 */
public final class PipelineBenchmark {

    private static final int ROUNDS = 3;
    static final String DB = "strata_bench_pipeline";
    static final String FLOOR = """
            INSERT INTO marts.customers (customer_id, name, email, annual_revenue, is_new_this_year, created_at, segment)
            SELECT customer_id, name, email, annual_revenue,
                   extract(year FROM created_at) = extract(year FROM now()), created_at,
                   CASE WHEN annual_revenue > 1000000 THEN 'enterprise'
                        WHEN annual_revenue > 100000 THEN 'mid-market' ELSE 'standard' END
            FROM raw.customers WHERE deleted_at IS NULL""";
    /** Equal for the floor's and the pipeline's result, or the two did not do the same work. */
    static final String FINGERPRINT = "SELECT count(*) || ' ' || sum(customer_id) || ' ' || sum(annual_revenue)"
            + " || ' ' || count(*) FILTER (WHERE segment = 'enterprise') || ' ' || count(*) FILTER (WHERE segment ="
            + " 'mid-market') || ' ' || count(*) FILTER (WHERE is_new_this_year) || ' ' || sum(length(name))"
            + " FROM marts.customers";
    private static final Schema MART = Schema.of(Column.of("customer_id", BIGINT), Column.of("name", TEXT),
            Column.of("email", TEXT), Column.of("annual_revenue", DECIMAL), Column.of("is_new_this_year", BOOLEAN),
            Column.of("created_at", TIMESTAMP), Column.of("segment", TEXT));

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path migrations = Path.of(args[1]);
        String server = args.length > 2 ? args[2] : "127.0.0.1:5432";
        long rows = args.length > 3 ? Long.parseLong(args[3]) : 5_000_000L;
        String url = "jdbc:postgresql://" + server + "/" + DB;

        admin(server, "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        admin(server, "CREATE DATABASE " + DB);
        try {
            prepare(url, migrations, rows);
            System.out.println("warming up (one unmeasured round each) ...");
            floor(url);
            String expected = single(url, FINGERPRINT);
            pipeline(url, jar);
            check(url, expected);

            List<Long> floor = new ArrayList<>();
            List<Long> strata = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                if (round % 2 == 0) {
                    floor.add(floor(url));
                    strata.add(pipeline(url, jar));
                } else {
                    strata.add(pipeline(url, jar));
                    floor.add(floor(url));
                }
                check(url, expected);
                System.out.printf(Locale.ROOT, "round %d: floor %d ms, pipeline %d ms%n", round + 1, floor.get(round),
                        strata.get(round));
            }

            Database db = Database.of(url, "postgres", null);
            List<Long> source = new ArrayList<>();
            List<Long> sink = new ArrayList<>();
            long written = 0;
            for (int i = 0; i <= ROUNDS; i++) {
                checkpoint(url);
                long t0 = System.nanoTime();
                long read = 0;
                try (Rows r = db.table("raw.customers").open()) {
                    while (r.hasNext()) {
                        r.next();
                        read++;
                    }
                }
                long sourceMs = (System.nanoTime() - t0) / 1_000_000;
                checkpoint(url);
                WriteResult result = db.replace("marts.customers").write(generated(rows * 95 / 100));
                written = result.rows();
                if (read != rows || single(url, "SELECT count(*) FROM marts.customers").equals("0")) {
                    throw new IllegalStateException("the source read " + read + " rows, the sink wrote " + written);
                }
                if (i > 0) {
                    source.add(sourceMs);
                    sink.add(result.duration().toMillis());
                }
            }
            long sourceMs = median(source);
            long sinkMs = median(sink);
            System.out.printf(Locale.ROOT, "source alone: %s ms for %,d rows: %,d rows/s%n", source, rows,
                    rows * 1000 / sourceMs);
            System.out.printf(Locale.ROOT, "sink alone (replace, binary COPY): %s ms for %,d rows: %,d rows/s%n", sink,
                    written, written * 1000 / sinkMs);
            long s = median(strata);
            long f = median(floor);
            System.out.printf(Locale.ROOT, "pipeline-5m: strata_ms=%d floor_ms=%d ratio=%.2f sink_rows_per_s=%d%n", s, f,
                    (double) s / f, written * 1000 / sinkMs);
        } finally {
            admin(server, "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    /** The example's migrations (without its sample rows), then generated raw customers. */
    static void prepare(String url, Path migrations, long rows) throws Exception {
        for (String file : List.of("0001_create_schemas.sql", "0002_raw_customers.sql", "0003_marts_customers.sql",
                "0012_add_customer_segment.sql")) {
            execute(url, Files.readString(migrations.resolve(file)));
        }
        System.out.printf(Locale.ROOT, "generating %,d raw customers (5%% deleted, 2%% without revenue) ...%n", rows);
        execute(url, "INSERT INTO raw.customers SELECT n, 'Customer ' || n, 'customer' || n || '@example.com',"
                + " CASE WHEN n % 50 = 0 THEN NULL ELSE ((n * 7919) % 300000000) / 100.0 END,"
                + " timestamp '2020-01-01' + (n % 2500) * interval '1 day' + (n % 86400) * interval '1 second',"
                + " CASE WHEN n % 20 = 0 THEN timestamp '2026-03-01' END FROM generate_series(1::bigint, " + rows + ") n");
        execute(url, "VACUUM ANALYZE raw.customers");
    }

    /** The floor: one transaction, as atomic as the pipeline's replace. */
    static long floor(String url) throws Exception {
        checkpoint(url);
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            s.execute("TRUNCATE marts.customers");
            s.execute(FLOOR);
            c.commit();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE marts.customers");
            return ms;
        }
    }

    /** The whole process, as a scheduler starts it: java -jar and environment variables. */
    private static long pipeline(String url, Path jar) throws Exception {
        checkpoint(url);
        Path log = Files.createTempFile("pipeline-5m", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("STRATA_DATABASE_URL", url);
        pb.environment().put("STRATA_DATABASE_USER", "postgres");
        pb.environment().put("STRATA_PIPELINE_TRIGGER", "manual");
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the pipeline failed:\n" + Files.readString(log));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Files.delete(log);
        execute(url, "VACUUM ANALYZE marts.customers");
        return ms;
    }

    static void check(String url, String expected) throws Exception {
        String actual = single(url, FINGERPRINT);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("marts.customers differs from the floor's: " + actual + " vs " + expected);
        }
    }

    /** Mart rows made on the fly, so the sink's rate is measured without a source's. */
    private static Source generated(long count) {
        LocalDateTime base = LocalDateTime.of(2020, 1, 1, 0, 0);
        String[] segments = {"standard", "mid-market", "enterprise"};
        return () -> Rows.of(MART, new Iterator<>() {
            long next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public Row next() {
                long id = next++;
                return MART.row(id, "Customer " + id, "customer" + id + "@example.com",
                        BigDecimal.valueOf(id * 7919 % 300_000_000, 2), id % 7 == 0, base.plusSeconds(id * 37),
                        segments[(int) (id % 3)]);
            }
        }, () -> { });
    }

    static void checkpoint(String url) throws Exception {
        execute(url, "CHECKPOINT");
    }

    static String single(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void admin(String server, String sql) throws Exception {
        execute("jdbc:postgresql://" + server + "/postgres", sql);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
