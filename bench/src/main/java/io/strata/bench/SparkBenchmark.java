package io.strata.bench;

import io.strata.orchestration.local.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The customers pipeline on Spark against the plain engine and the in-database floor, at each
 * size given (default 5,000,000 and 20,000,000 raw rows): one run of each, whole processes
 * ({@code java -Xmx1g -jar ...}, JVM and Spark start-up and the run record included), the Spark
 * driver in {@code local[2]} with the flags Strata's launcher gives it ({@link Engine#SPARK}). Peak
 * RSS of each pipeline process is GNU time's maximum resident set; the floor's is the server
 * backend's high-water mark ({@code VmHWM}, which counts the shared buffers it touched). The same
 * data, checkpoints and result check as {@link PipelineBenchmark}. Ends with the
 * {@code spark-20m:} line (the largest size).
 *
 * <p>Usage: {@code SparkBenchmark PLAIN_JAR SPARK_JAR MIGRATIONS_DIR [HOST:PORT] [ROWS...]}; see docs/benchmarks.md.
 */
public final class SparkBenchmark {

    private SparkBenchmark() {}

    /** One measured process: its wall time and peak resident set. */
    record Measured(long millis, long peakRssKb) {}

    public static void main(String[] args) throws Exception {
        Path plainJar = Path.of(args[0]).toAbsolutePath();
        Path sparkJar = Path.of(args[1]).toAbsolutePath();
        Path migrations = Path.of(args[2]);
        String server = args.length > 3 ? args[3] : "127.0.0.1:5432";
        List<Long> sizes = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            sizes.add(Long.parseLong(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(5_000_000L, 20_000_000L);
        }
        String url = "jdbc:postgresql://" + server + "/" + PipelineBenchmark.DB;
        String last = null;
        for (long rows : sizes) {
            PipelineBenchmark.admin(server, "DROP DATABASE IF EXISTS " + PipelineBenchmark.DB + " WITH (FORCE)");
            PipelineBenchmark.admin(server, "CREATE DATABASE " + PipelineBenchmark.DB);
            try {
                PipelineBenchmark.prepare(url, migrations, rows);
                Measured floor = floor(url);
                String expected = PipelineBenchmark.single(url, PipelineBenchmark.FINGERPRINT);
                Measured plain = run(url, List.of(), plainJar);
                PipelineBenchmark.check(url, expected);
                List<String> sparkOptions = new ArrayList<>(Engine.SPARK.jvmOptions());
                sparkOptions.add("-Dspark.master=local[2]");
                Measured spark = run(url, sparkOptions, sparkJar);
                PipelineBenchmark.check(url, expected);
                String label = rows % 1_000_000 == 0 ? (rows / 1_000_000) + "m" : String.valueOf(rows);
                System.out.printf(Locale.ROOT, "%,d rows: floor %,d ms (backend peak RSS %,d MB), plain %,d ms (peak RSS"
                        + " %,d MB), spark local[2] %,d ms (peak RSS %,d MB)%n", rows, floor.millis(),
                        floor.peakRssKb() / 1024, plain.millis(), plain.peakRssKb() / 1024, spark.millis(),
                        spark.peakRssKb() / 1024);
                last = String.format(Locale.ROOT, "spark-%s: spark_ms=%d plain_ms=%d floor_ms=%d spark_ratio=%.2f",
                        label, spark.millis(), plain.millis(), floor.millis(), (double) spark.millis() / floor.millis());
                System.out.println(last);
            } finally {
                PipelineBenchmark.admin(server, "DROP DATABASE IF EXISTS " + PipelineBenchmark.DB + " WITH (FORCE)");
            }
        }
    }

    /** The floor as {@link PipelineBenchmark} measures it, with its backend's high-water mark read before it ends. */
    private static Measured floor(String url) throws Exception {
        PipelineBenchmark.checkpoint(url);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
                java.sql.Statement s = c.createStatement()) {
            java.sql.ResultSet pid = s.executeQuery("SELECT pg_backend_pid()");
            pid.next();
            Path status = Path.of("/proc", pid.getString(1), "status");
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            s.execute("TRUNCATE marts.customers");
            s.execute(PipelineBenchmark.FLOOR);
            c.commit();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long rss = Files.isReadable(status) ? Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("VmHWM:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0) : 0;
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE marts.customers");
            return new Measured(ms, rss);
        }
    }

    /** {@code /usr/bin/time -f %M java -Xmx1g OPTIONS -jar JAR}, as a scheduler starts it (environment only). */
    private static Measured run(String url, List<String> options, Path jar) throws Exception {
        PipelineBenchmark.checkpoint(url);
        Path log = Files.createTempFile("spark-bench", ".log");
        Path rss = Files.createTempFile("spark-bench", ".rss");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("STRATA_DATABASE_URL", url);
        pb.environment().put("STRATA_DATABASE_USER", "postgres");
        pb.environment().put("STRATA_PIPELINE_TRIGGER", "manual");
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(jar.getFileName() + " failed:\n" + Files.readString(log));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long kb = Long.parseLong(Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("0"));
        Files.delete(log);
        Files.delete(rss);
        PipelineBenchmark.execute(url, "VACUUM ANALYZE marts.customers");
        return new Measured(ms, kb);
    }
}
