package io.strata.storage.environment;

import io.strata.core.layer.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * MySQL and MariaDB: a database is copied table by table, server-side: each table's own
 * {@code SHOW CREATE TABLE} run in the new database (keys, foreign keys and counters included),
 * then {@code INSERT … SELECT}; views are created again from their definitions. Routines,
 * triggers and events are not copied, and the copy says so. Privileges are kept by database name
 * in {@code mysql.db} and {@code mysql.tables_priv} and outlive a dropped database, so
 * {@link #drop} revokes them too.
 */
final class MySqlServerDatabases implements ServerDatabases {

    private final Function<String, Database> on;

    MySqlServerDatabases(Function<String, Database> on) {
        this.on = on;
    }

    @Override
    public boolean exists(String database) {
        return ServerDatabases.on(admin(), "look for database " + database, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                s.setString(1, database);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public void create(String database) {
        ServerDatabases.on(admin(), "create database " + database, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + ident(database));
            }
            return null;
        });
    }

    @Override
    public void copy(String source, String database, Integer keepRows, Consumer<String> progress) {
        ServerDatabases.on(admin(), "copy database " + source, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + ident(database) + characterSet(c, source));
                s.execute("USE " + ident(database));
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                List<String[]> tables = rows(c, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_TYPE, TABLE_NAME", source);
                int copied = 0;
                for (String[] table : tables) {
                    if (!table[1].equals("VIEW")) {
                        s.execute(showCreate(c, "TABLE", source, table[0]));
                        // Strata's own tables are copied whole: they say what was applied.
                        boolean strata = table[0].startsWith("strata_");
                        s.execute("INSERT INTO " + ident(table[0]) + " SELECT * FROM " + ident(source) + "."
                                + ident(table[0]) + (keepRows == null || strata ? "" : " LIMIT " + keepRows));
                        copied++;
                    }
                }
                for (String[] table : tables) {
                    if (table[1].equals("VIEW")) {
                        // The server stores view text with the source's name in it.
                        s.execute(showCreate(c, "VIEW", source, table[0])
                                .replace(ident(source) + ".", ident(database) + "."));
                    }
                }
                progress.accept("copied " + copied + " table(s)" + (keepRows == null ? "" : ", at most " + keepRows
                        + " rows each (Strata's own tables whole)") + " and " + (tables.size() - copied) + " view(s)");
                List<String[]> notCopied = rows(c, "SELECT 'routine', ROUTINE_NAME FROM information_schema.ROUTINES"
                        + " WHERE ROUTINE_SCHEMA = ? UNION ALL SELECT 'trigger', TRIGGER_NAME FROM"
                        + " information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", source, source);
                if (!notCopied.isEmpty()) {
                    progress.accept("not copied: " + notCopied.stream().map(r -> r[0] + " " + r[1]).toList());
                }
            }
            return null;
        });
    }

    @Override
    public void drop(String database) {
        ServerDatabases.on(admin(), "drop database " + database, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + ident(database));
                // `_` is a wildcard in a grant's database name, so it may be stored escaped.
                String escaped = database.replace("_", "\\_");
                for (String[] grant : rows(c, "SELECT User, Host, Db FROM mysql.db WHERE Db IN (?, ?)", database, escaped)) {
                    s.execute("REVOKE ALL PRIVILEGES ON " + ident(grant[2]) + ".* FROM " + account(grant[0], grant[1]));
                }
                for (String[] grant : rows(c, "SELECT User, Host, Db, Table_name FROM mysql.tables_priv WHERE Db IN (?, ?)",
                        database, escaped)) {
                    s.execute("REVOKE ALL PRIVILEGES ON " + ident(grant[2]) + "." + ident(grant[3]) + " FROM "
                            + account(grant[0], grant[1]));
                }
            }
            return null;
        });
    }

    @Override
    public Map<String, String> dropRoles(List<String> roles) {
        if (roles.isEmpty()) {
            return Map.of();
        }
        return ServerDatabases.on(admin(), "drop accounts " + roles, c -> {
            Map<String, String> kept = new LinkedHashMap<>();
            for (String role : roles) {
                String[] account = account(role);
                // Privileges are kept by database name: any left belong to another database.
                List<String[]> elsewhere = rows(c, "SELECT Db FROM mysql.db WHERE User = ? AND Host = ? UNION"
                        + " SELECT Db FROM mysql.tables_priv WHERE User = ? AND Host = ?",
                        account[0], account[1], account[0], account[1]);
                if (!elsewhere.isEmpty()) {
                    kept.put(role, "is granted something in " + elsewhere.stream().map(r -> r[0]).toList());
                }
            }
            // Role grants (MariaDB's mysql.roles_mapping) are not kept by database name, so they are still there.
            KeptRoles.addLinked(roles, kept, rows(c, "SELECT CASE WHEN Host = '' THEN User ELSE CONCAT(User, '@', Host)"
                    + " END, Role FROM mysql.roles_mapping"));
            try (Statement s = c.createStatement()) {
                for (String role : roles) {
                    if (!kept.containsKey(role)) {
                        String[] account = account(role);
                        s.execute(role.indexOf('@') > 0 ? "DROP USER IF EXISTS " + account(account[0], account[1])
                                : "DROP ROLE IF EXISTS " + quote(role));
                    }
                }
            }
            return kept;
        });
    }

    private static String characterSet(Connection c, String source) throws SQLException {
        List<String[]> rows = rows(c, "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM"
                + " information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", source);
        return rows.isEmpty() ? "" : " CHARACTER SET " + rows.get(0)[0] + " COLLATE " + rows.get(0)[1];
    }

    private static String showCreate(Connection c, String kind, String database, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW CREATE " + kind + " " + ident(database) + "." + ident(name))) {
            rs.next();
            return rs.getString(2);
        }
    }

    private static List<String[]> rows(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private Database admin() {
        return on.apply(null);
    }

    /** {@code user@host} as user and host; a role's host is empty. */
    private static String[] account(String role) {
        int at = role.indexOf('@');
        return at > 0 ? new String[] {role.substring(0, at), role.substring(at + 1)} : new String[] {role, ""};
    }

    private static String account(String user, String host) {
        return host.isEmpty() ? quote(user) : quote(user) + "@" + quote(host);
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    static String ident(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
