package io.strata.storage.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh databases on the machine's MariaDB (127.0.0.1:3306, root, no password), dropped on close.
 * A MySQL "schema" is a database, server-wide, so each test gets its own uniquely prefixed set:
 * {@code <prefix>_home} (where connections point and Strata keeps its tables) and the others asked for.
 */
final class MariaDbDatabases implements AutoCloseable {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private final String prefix = "strata_drift_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<String> created = new ArrayList<>();

    MariaDbDatabases(String... schemas) {
        create("home");
        for (String schema : schemas) {
            create(schema);
        }
    }

    /** The real name of a database of this set: {@code raw} → {@code strata_drift_1a2b…_raw}. */
    String name(String schema) {
        return prefix + "_" + schema;
    }

    String[] names() {
        return created.toArray(String[]::new);
    }

    /** A connection to {@code <prefix>_home}. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name("home") + "?user=root");
    }

    /** Runs statements on a home connection; {@code raw.} and {@code marts.} may be written as {@code {raw}.}. */
    void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(expand(sql));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** {@code {raw}} → the real database name. */
    String expand(String text) {
        String result = text;
        for (String db : created) {
            String schema = db.substring(prefix.length() + 1);
            result = result.replace("{" + schema + "}", db);
        }
        return result;
    }

    private void create(String schema) {
        admin("CREATE DATABASE " + name(schema));
        created.add(name(schema));
    }

    @Override
    public void close() {
        for (String db : created) {
            admin("DROP DATABASE IF EXISTS " + db);
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "?user=root"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
