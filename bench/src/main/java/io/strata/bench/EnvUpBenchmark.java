package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code strata env up} of the example platform on a PostgreSQL server, whole process: an empty
 * environment (a new database, every layer applied from the files), a {@code --sample 1000} one
 * (a copy of the source, 1,000 rows kept per table, then apply), and {@code env down}. The source
 * is the example applied to a database of its own, with 5,000 more customers so that the sample
 * has something to cut. The example's roles get a suffix of this run's own: roles are
 * server-wide, and tests on the same server use the example's names. Medians of three rounds
 * after one warm-up round.
 *
 * <p>Usage: {@code EnvUpBenchmark LAUNCHER EXAMPLE_DIR [HOST:PORT]}.
 */
public final class EnvUpBenchmark {

    private static final int ROUNDS = 3;

    private EnvUpBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]);
        Path example = Path.of(args[1]);
        String server = args.length > 2 ? args[2] : "127.0.0.1:5432";
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String source = "strata_bench_env_" + token;
        Path dir = Files.createTempDirectory("strata-bench-env-up");
        admin(server, "postgres", "CREATE DATABASE " + source);
        try {
            copy(example, dir, token);
            Files.writeString(dir.resolve("strata.yaml"), Files.readString(dir.resolve("strata.yaml"))
                    + "\n  bench:\n    database:\n      url: jdbc:postgresql://" + server + "/" + source + "?user=postgres\n");
            run(launcher, dir, "--env", "bench", "apply", "--auto-approve");
            admin(server, source, "INSERT INTO raw.customers SELECT g, 'customer ' || g, NULL, 1000, now(), NULL"
                    + " FROM generate_series(1000, 5999) g");
            List<Long> up = new ArrayList<>();
            List<Long> sample = new ArrayList<>();
            List<Long> down = new ArrayList<>();
            for (int round = 0; round <= ROUNDS; round++) {
                long u = run(launcher, dir, "env", "up", "pr-1", "--from", "bench");
                long d = run(launcher, dir, "env", "down", "pr-1");
                long s = run(launcher, dir, "env", "up", "pr-2", "--from", "bench", "--sample", "1000");
                run(launcher, dir, "env", "down", "pr-2");
                if (round > 0) { // the first round warms the OS caches
                    up.add(u);
                    down.add(d);
                    sample.add(s);
                }
                System.out.printf(Locale.ROOT, "round %d: up %d ms, down %d ms, sample up %d ms%n", round, u, d, s);
            }
            System.out.printf(Locale.ROOT, "env-up: up_ms=%d sample_up_ms=%d down_ms=%d%n", median(up), median(sample),
                    median(down));
        } finally {
            admin(server, "postgres", "DROP DATABASE IF EXISTS " + source + " WITH (FORCE)");
            for (String role : List.of("alice", "analyst", "pipeline_writer")) {
                admin(server, "postgres", "DROP ROLE IF EXISTS " + role + "_" + token);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The example without its local state and build output, its roles suffixed. */
    private static void copy(Path example, Path dir, String token) throws IOException {
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = example.relativize(file);
                if (relative.toString().startsWith(".strata") || relative.toString().contains("target")) {
                    continue;
                }
                Path to = dir.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> specs = Files.list(dir.resolve("access"))) {
            for (Path spec : (Iterable<Path>) specs::iterator) {
                Files.writeString(spec, Files.readString(spec)
                        .replaceAll("\\b(analyst|alice|pipeline_writer)\\b", "$1_" + token));
            }
        }
    }

    /** Runs one whole strata process; returns its wall time, failing on a non-zero exit. */
    private static long run(Path launcher, Path dir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        Path log = dir.resolve("strata.log");
        ProcessBuilder p = WholeProcess.strata(launcher, log, all.toArray(String[]::new));
        long t0 = System.nanoTime();
        Process process = p.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("strata " + String.join(" ", args) + " did not finish");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("strata " + String.join(" ", args) + " exited " + process.exitValue() + ": "
                    + Files.readString(log).lines().limit(40).toList());
        }
        return ms;
    }

    private static void admin(String server, String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/" + database + "?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
