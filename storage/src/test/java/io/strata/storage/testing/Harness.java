package io.strata.storage.testing;

import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.loop.ApplyOptions;
import io.strata.core.loop.ApplyResult;
import io.strata.core.loop.Loop;
import io.strata.core.plan.Plan;
import io.strata.storage.StorageLayer;
import io.strata.storage.postgres.PostgresDialect;
import io.strata.storage.postgres.PostgresPlatformStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A platform folder plus a database, and the loop over the storage layer between them. */
public final class Harness {

    private final Path root;
    private final TestDatabase db;

    public Harness(Path root, TestDatabase db) {
        this.root = root;
        this.db = db;
    }

    public Path root() {
        return root;
    }

    public TestDatabase db() {
        return db;
    }

    public Path migration(String fileName, String sql) {
        try {
            Path dir = Files.createDirectories(root.resolve("migrations"));
            return Files.writeString(dir.resolve(fileName), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Loop loop() {
        return new Loop(List.of(new StorageLayer(new PostgresDialect())), new Workspace(root, "test-commit"),
                new Target("dev", db.database()), new PostgresPlatformStore(db.database(), "test"), "test",
                Clock.systemUTC());
    }

    public Plan plan() {
        return loop().plan(Set.of());
    }

    public ApplyResult apply() {
        return apply(false, null, Duration.ofSeconds(60));
    }

    public ApplyResult apply(boolean allowUnsafe, Plan reviewed, Duration lockTimeout) {
        return loop().apply(new ApplyOptions(reviewed, allowUnsafe, lockTimeout, "tester@test", p -> {}, p -> true,
                line -> {}));
    }

    /** version:file:success rows of the history table, in order; empty when it does not exist. */
    public List<String> history() {
        return rows("SELECT version || ':' || file || ':' || success FROM strata.migrations ORDER BY version");
    }

    /** Every relation outside the system schemas with its kind: compares catalogs before/after. */
    public List<String> catalog() {
        return rows("SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
                + " UNION ALL SELECT 'schema ' || nspname FROM pg_namespace ORDER BY 1");
    }

    public List<String> rows(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('strata.migrations') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1) && sql.contains("strata.migrations")) {
                    return List.of();
                }
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void execute(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
