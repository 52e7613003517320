package io.strata.storage.catalog;

import static io.strata.storage.catalog.MySqlCatalogInspector.quoteIfNeeded;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MySQL / MariaDB constraints from four information_schema tables: which constraints exist, their
 * key columns, their foreign-key rules and their check clauses. Rendered as PostgreSQL renders
 * them, e.g. {@code FOREIGN KEY (customer_id) REFERENCES raw.customers (id) ON UPDATE RESTRICT
 * ON DELETE CASCADE}.
 */
final class MySqlConstraints {

    private MySqlConstraints() {}

    static void read(MySqlCatalogInspector.Queries q, CatalogAssembler catalog, boolean mariadb) throws SQLException {
        Map<List<String>, Keys> keys = new HashMap<>();
        try (ResultSet rs = q.run("SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION, COLUMN_NAME,"
                + " REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE WHERE %s", "TABLE_SCHEMA", "TABLE_NAME")) {
            while (rs.next()) {
                Keys k = keys.computeIfAbsent(key(rs), x -> new Keys());
                int position = rs.getInt(4);
                k.columns.put(position, quoteIfNeeded(rs.getString(5)));
                if (rs.getString(7) != null) {
                    k.referenced = quoteIfNeeded(rs.getString(6)) + "." + quoteIfNeeded(rs.getString(7));
                    k.referencedColumns.put(position, quoteIfNeeded(rs.getString(8)));
                }
            }
        }
        Map<List<String>, String> rules = new HashMap<>();
        try (ResultSet rs = q.run("SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE %s", "CONSTRAINT_SCHEMA", "TABLE_NAME")) {
            while (rs.next()) {
                rules.put(key(rs), " ON UPDATE " + rs.getString(4) + " ON DELETE " + rs.getString(5));
            }
        }
        Map<List<String>, String> checks = new HashMap<>();
        // MariaDB names a check per table (a column check is named after its column) and says which
        // table; MySQL 8 names checks per schema and leaves the table to TABLE_CONSTRAINTS.
        String checkSql = mariadb
                ? "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE"
                        + " FROM information_schema.CHECK_CONSTRAINTS WHERE %s"
                : "SELECT cc.CONSTRAINT_SCHEMA, tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
                        + " FROM information_schema.CHECK_CONSTRAINTS cc JOIN information_schema.TABLE_CONSTRAINTS tc"
                        + " ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME"
                        + " AND tc.CONSTRAINT_TYPE = 'CHECK' WHERE %s";
        try (ResultSet rs = q.run(checkSql, mariadb ? "CONSTRAINT_SCHEMA" : "cc.CONSTRAINT_SCHEMA",
                mariadb ? "TABLE_NAME" : "tc.TABLE_NAME")) {
            while (rs.next()) {
                checks.put(key(rs), rs.getString(4));
            }
        }
        try (ResultSet rs = q.run("SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
                + " FROM information_schema.TABLE_CONSTRAINTS WHERE %s", "TABLE_SCHEMA", "TABLE_NAME")) {
            while (rs.next()) {
                List<String> key = key(rs);
                Keys k = keys.getOrDefault(key, new Keys());
                String columns = "(" + String.join(", ", k.columns.values()) + ")";
                Constraint constraint = switch (rs.getString(4)) {
                    case "PRIMARY KEY" -> new Constraint(key.get(2), Constraint.Kind.PRIMARY_KEY, "PRIMARY KEY " + columns);
                    case "UNIQUE" -> new Constraint(key.get(2), Constraint.Kind.UNIQUE, "UNIQUE " + columns);
                    case "FOREIGN KEY" -> new Constraint(key.get(2), Constraint.Kind.FOREIGN_KEY, "FOREIGN KEY "
                            + columns + " REFERENCES " + k.referenced + " ("
                            + String.join(", ", k.referencedColumns.values()) + ")" + rules.getOrDefault(key, ""));
                    case "CHECK" -> new Constraint(key.get(2), Constraint.Kind.CHECK,
                            "CHECK (" + checks.getOrDefault(key, "?") + ")");
                    default -> null;
                };
                if (constraint != null) {
                    catalog.constraint(key.get(0), key.get(1), constraint);
                }
            }
        }
    }

    private static List<String> key(ResultSet rs) throws SQLException {
        return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
    }

    private static final class Keys {
        final Map<Integer, String> columns = new TreeMap<>();
        final Map<Integer, String> referencedColumns = new TreeMap<>();
        String referenced;
    }
}
