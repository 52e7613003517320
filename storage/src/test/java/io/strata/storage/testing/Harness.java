package io.strata.storage.testing;

import io.strata.core.journal.PlatformStore;
import io.strata.core.layer.Database;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.loop.ApplyOptions;
import io.strata.core.loop.ApplyResult;
import io.strata.core.loop.Loop;
import io.strata.core.plan.Plan;
import io.strata.storage.StorageDialect;
import io.strata.storage.StorageLayer;
import io.strata.storage.mysql.MySqlDialect;
import io.strata.storage.mysql.MySqlPlatformStore;
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
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** A platform folder plus a database, and the loop over the storage layer between them. */
public final class Harness {

    /** The dialects a harness drives: how Strata is wired for each, and the SQL of the harness's own checks. */
    public enum Kind {
        POSTGRESQL(PostgresDialect::new, PostgresPlatformStore::new, "strata.migrations",
                "SELECT to_regclass('strata.migrations') IS NOT NULL",
                "SELECT version || ':' || file || ':' || success FROM strata.migrations ORDER BY version",
                "SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                        + " AND n.nspname NOT LIKE 'pg_toast%'"
                        + " UNION ALL SELECT 'schema ' || nspname FROM pg_namespace ORDER BY 1"),
        /** MySQL/MariaDB; the catalog is the current database's, because the server is shared. */
        MYSQL(MySqlDialect::new, MySqlPlatformStore::new, "strata_migrations",
                "SELECT COUNT(*) > 0 FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'strata_migrations'",
                "SELECT CONCAT(version, ':', file, ':', IF(success, 'true', 'false')) FROM strata_migrations"
                        + " ORDER BY version",
                "SELECT CONCAT(TABLE_NAME, ':', TABLE_TYPE) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE()"
                        + " UNION ALL SELECT DISTINCT CONCAT(TABLE_NAME, '.', INDEX_NAME, ':index')"
                        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " UNION ALL SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ':', COLUMN_TYPE)"
                        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                        + " UNION ALL SELECT CONCAT('routine ', ROUTINE_NAME, ':', ROUTINE_TYPE)"
                        + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
                        + " UNION ALL SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS"
                        + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1");

        private final Supplier<StorageDialect> dialect;
        private final BiFunction<Database, String, PlatformStore> store;
        private final String historyTable;
        private final String historyExists;
        private final String history;
        private final String catalog;

        Kind(Supplier<StorageDialect> dialect, BiFunction<Database, String, PlatformStore> store, String historyTable,
                String historyExists, String history, String catalog) {
            this.dialect = dialect;
            this.store = store;
            this.historyTable = historyTable;
            this.historyExists = historyExists;
            this.history = history;
            this.catalog = catalog;
        }

        public StorageDialect dialect() {
            return dialect.get();
        }

        public PlatformStore store(Database database, String holder) {
            return store.apply(database, holder);
        }
    }

    private final Path root;
    private final TestDatabase db;
    private final Database database;
    private final Kind kind;

    public Harness(Path root, TestDatabase db) {
        this(root, db, db.database(), Kind.POSTGRESQL);
    }

    public Harness(Path root, MariaDbTestDatabase db) {
        this(root, null, db.database(), Kind.MYSQL);
    }

    /** Any database of the given kind, e.g. one reached through a platform's own URL. */
    public Harness(Path root, Database database, Kind kind) {
        this(root, null, database, kind);
    }

    private Harness(Path root, TestDatabase db, Database database, Kind kind) {
        this.root = root;
        this.db = db;
        this.database = database;
        this.kind = kind;
    }

    public Path root() {
        return root;
    }

    /** The PostgreSQL test database this harness was made with. */
    public TestDatabase db() {
        if (db == null) {
            throw new IllegalStateException("this harness runs on " + database.displayUrl() + ", not a TestDatabase");
        }
        return db;
    }

    public Database database() {
        return database;
    }

    public Kind kind() {
        return kind;
    }

    public Path migration(String fileName, String sql) {
        try {
            Path dir = Files.createDirectories(root.resolve("migrations"));
            return Files.writeString(dir.resolve(fileName), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StorageLayer storage() {
        return new StorageLayer(kind.dialect());
    }

    public Target target() {
        return new Target("dev", database);
    }

    public Loop loop() {
        return new Loop(List.of(storage()), new Workspace(root, "test-commit"), target(), kind.store(database, "test"),
                "test", Clock.systemUTC());
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
        return rows(kind.history);
    }

    /** Every object of the database with its kind: compares catalogs before/after. */
    public List<String> catalog() {
        return rows(kind.catalog);
    }

    public List<String> rows(String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery(kind.historyExists)) {
                exists.next();
                if (!exists.getBoolean(1) && sql.contains(kind.historyTable)) {
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
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
