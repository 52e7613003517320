package io.strata.bench;

import io.strata.access.AccessLayer;
import io.strata.access.diff.GrantDiffer;
import io.strata.access.model.AccessCatalog;
import io.strata.access.postgres.PostgresAccessDialect;
import io.strata.access.spec.AccessSpec;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Database;
import io.strata.core.layer.JdbcDatabase;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.LayerPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The access layer at scale: 20 schemas × 50 tables, 200 roles, each with USAGE on every schema and
 * SELECT on 100 tables (20,000 table grants). Measures the whole-process `strata plan --layer
 * access` with no difference and with 2,000 (1,000 grants revoked by hand, 1,000 undeclared grants
 * added by hand), the in-process apply of those 2,000 changes, and the in-process diff.
 *
 * <p>Usage: {@code Access20kBenchmark CLI_JAR [HOST:PORT]}; see docs/benchmarks.md.
 */
public final class Access20kBenchmark {

    private static final int SCHEMAS = 20;
    private static final int TABLES = 50;
    private static final int ROLES = 200;
    private static final int GRANTS_PER_ROLE = 100;
    private static final int ROUNDS = 5;
    private static final String DB = "strata_bench_access";
    private static final String PREFIX = "bench20k_";

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        String server = args.length > 1 ? args[1] : "127.0.0.1:5432";
        Path dir = Files.createTempDirectory("strata-bench-access");
        String url = "jdbc:postgresql://" + server + "/" + DB + "?user=postgres";
        try {
            setUp(server, dir);
            Database database = new JdbcDatabase(url, url, null, null);
            Target target = new Target("bench", database);
            AccessLayer layer = new AccessLayer(new PostgresAccessDialect());
            AccessSpec spec = layer.declare(new Workspace(dir, "bench"));
            LayerPlan initial = layer.plan(spec, layer.observe(target));
            if (initial.hasChanges()) {
                throw new IllegalStateException("the generated database does not match the spec: "
                        + initial.changes().size() + " change(s), e.g. " + initial.changes().get(0).object());
            }
            AccessCatalog live = layer.observe(target);
            System.out.println("catalog: " + live.grants().size() + " privileges held, " + spec.grants().size()
                    + " grant rules declared");

            List<Long> diff = new ArrayList<>();
            for (int i = 0; i < ROUNDS + 3; i++) {
                long t0 = System.nanoTime();
                int changes = GrantDiffer.diff(spec, live).changes().size();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (changes != 0) {
                    throw new IllegalStateException("diff found " + changes + " changes");
                }
                if (i >= 3) {
                    diff.add(ms);
                }
            }
            System.out.println("in-process diff, no differences: " + diff + " ms");

            List<Long> plan = wholeProcessPlan(launcher, dir, 0);
            System.out.println("no-difference plan --layer access, whole process: " + plan + " ms");

            List<Long> plan2000 = new ArrayList<>();
            List<Long> apply2000 = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                drift(server, round);
                plan2000.addAll(wholeProcessPlan(launcher, dir, 2000).subList(0, 1));
                LayerPlan drifted = layer.plan(spec, layer.observe(target));
                if (drifted.changes().size() != 2000) {
                    throw new IllegalStateException("expected 2,000 changes, planned " + drifted.changes().size());
                }
                long t0 = System.nanoTime();
                layer.apply(drifted, target, new ApplyContext("bench", "bench", line -> {}));
                apply2000.add((System.nanoTime() - t0) / 1_000_000);
                if (layer.plan(spec, layer.observe(target)).hasChanges()) {
                    throw new IllegalStateException("the apply of 2,000 changes did not converge");
                }
            }
            System.out.println("plan --layer access with 2,000 differences, whole process: " + plan2000 + " ms");
            System.out.println("apply of 2,000 changes (1,000 grants, 1,000 revokes), in process: " + apply2000 + " ms");
            System.out.printf(Locale.ROOT, "access-20k: plan_ms=%d plan_2000_ms=%d apply_2000_ms=%d diff_ms=%d%n",
                    median(plan), median(plan2000), median(apply2000), median(diff));
        } finally {
            tearDown(server);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** One table per (role, k): role r reads tables (r * 37 + k * 10) mod 1,000 for k < 100. */
    private static int table(int role, int k) {
        return (role * 37 + k * 10) % (SCHEMAS * TABLES);
    }

    private static String tableName(int index) {
        return String.format(Locale.ROOT, "s%02d.t%02d", index / TABLES, index % TABLES);
    }

    private static String role(int r) {
        return String.format(Locale.ROOT, "%sr%03d", PREFIX, r);
    }

    private static void setUp(String server, Path dir) throws Exception {
        tearDown(server);
        admin(server, "postgres", "CREATE DATABASE " + DB);
        List<String> sql = new ArrayList<>();
        for (int s = 0; s < SCHEMAS; s++) {
            sql.add(String.format(Locale.ROOT, "CREATE SCHEMA s%02d", s));
            for (int t = 0; t < TABLES; t++) {
                sql.add("CREATE TABLE " + tableName(s * TABLES + t) + " (id bigint PRIMARY KEY, name text)");
            }
        }
        StringBuilder yaml = new StringBuilder("managed_roles: [\"" + PREFIX + "*\"]\nroles:\n");
        String schemas = String.join(", ", java.util.stream.IntStream.range(0, SCHEMAS)
                .mapToObj(s -> String.format(Locale.ROOT, "s%02d", s)).toList());
        for (int r = 0; r < ROLES; r++) {
            sql.add("CREATE ROLE " + role(r));
            sql.add("GRANT USAGE ON SCHEMA " + schemas + " TO " + role(r));
            List<String> tables = new ArrayList<>();
            yaml.append("  ").append(role(r)).append(":\n    grants:\n      schemas:\n");
            for (int s = 0; s < SCHEMAS; s++) {
                yaml.append(String.format(Locale.ROOT, "        s%02d: [USAGE]%n", s));
            }
            yaml.append("      tables:\n");
            for (int k = 0; k < GRANTS_PER_ROLE; k++) {
                tables.add(tableName(table(r, k)));
                yaml.append("        ").append(tableName(table(r, k))).append(": [SELECT]\n");
            }
            sql.add("GRANT SELECT ON " + String.join(", ", tables) + " TO " + role(r));
        }
        admin(server, DB, sql.toArray(String[]::new));
        Files.createDirectories(dir.resolve("access"));
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("access/roles.yaml"), yaml.toString());
        Files.writeString(dir.resolve("strata.yaml"), "name: bench\nenvironments:\n  bench:\n    database:\n"
                + "      url: jdbc:postgresql://" + server + "/" + DB + "\n      user: postgres\n");
        System.out.println("generated " + SCHEMAS * TABLES + " tables, " + ROLES + " roles, "
                + ROLES * GRANTS_PER_ROLE + " table grants; spec: " + Files.size(dir.resolve("access/roles.yaml")) / 1024
                + " KiB");
    }

    /** By hand: revoke 1,000 declared grants and add 1,000 undeclared ones (different in each round). */
    private static void drift(String server, int round) throws Exception {
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int r = (i * 7 + round) % ROLES;
            int k = (i / ROLES * 13 + round * 3) % GRANTS_PER_ROLE;
            sql.add("REVOKE SELECT ON " + tableName(table(r, k)) + " FROM " + role(r));
            int extra = (table(r, k) + 5 + round) % (SCHEMAS * TABLES);
            sql.add("GRANT INSERT ON " + tableName(extra) + " TO " + role((r + 1) % ROLES));
        }
        admin(server, DB, sql.toArray(String[]::new));
    }

    private static List<Long> wholeProcessPlan(Path launcher, Path dir, int expected) throws Exception {
        List<Long> times = new ArrayList<>();
        int runs = expected == 0 ? ROUNDS + 1 : 1;
        for (int i = 0; i < runs; i++) {
            ProcessBuilder p = WholeProcess.strata(launcher, dir.resolve("plan.log"),
                    "-C", dir.toString(), "--env", "bench", "plan", "--layer", "access", "--detailed-exitcode");
            long t0 = System.nanoTime();
            Process process = p.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("strata plan did not finish");
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int wanted = expected == 0 ? 0 : 2;
            if (process.exitValue() != wanted) {
                throw new IllegalStateException("strata plan exited " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("plan.log")).lines().limit(40).toList());
            }
            if (expected == 0 && i == 0) {
                continue; // warm-up: the OS caches the jars
            }
            times.add(ms);
        }
        if (expected > 0 && !Files.readString(dir.resolve("plan.log")).contains("access: " + expected + " change(s)")) {
            throw new IllegalStateException("the plan does not have " + expected + " changes");
        }
        return times;
    }

    private static void tearDown(String server) throws Exception {
        admin(server, "postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        List<String> drops = new ArrayList<>();
        for (int r = 0; r < ROLES; r++) {
            drops.add("DROP ROLE IF EXISTS " + role(r));
        }
        admin(server, "postgres", drops.toArray(String[]::new));
    }

    private static void admin(String server, String db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/" + db + "?user=postgres");
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.addBatch(statement);
            }
            s.executeBatch();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
