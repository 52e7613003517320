package io.strata.storage.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MySQL / MariaDB catalog, from information_schema: nine queries (SCHEMATA, TABLES, COLUMNS,
 * STATISTICS, TABLE_CONSTRAINTS, KEY_COLUMN_USAGE, REFERENTIAL_CONSTRAINTS, CHECK_CONSTRAINTS,
 * VIEWS), joined here rather than in SQL: information_schema tables have no indexes to join on.
 *
 * <p>A "schema" is a database. Out of scope: the system databases, and in the connection's own
 * database Strata's tables ({@code strata_*}). MySQL renders no index or key definition, so this
 * class writes them in PostgreSQL's words ({@code CREATE UNIQUE INDEX email ON shop.customers
 * USING BTREE (email)}, {@code FOREIGN KEY (c) REFERENCES s.t (id) ON UPDATE … ON DELETE …}).
 * Tested on MariaDB; MySQL 8 differs in two places, marked where they are.
 */
final class MySqlCatalogInspector implements CatalogInspector {

    private static final String SYSTEM = "('mysql', 'sys', 'information_schema', 'performance_schema')";

    @Override
    public Catalog inspect(Connection c, CatalogScope scope) throws SQLException {
        boolean mariadb = c.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        Queries q = new Queries(c, scope);
        CatalogAssembler catalog = new CatalogAssembler();
        try (ResultSet rs = q.run("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE %s", "SCHEMA_NAME", null)) {
            while (rs.next()) {
                catalog.schema(rs.getString(1));
            }
        }
        try (ResultSet rs = q.run("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') AND %s", "TABLE_SCHEMA", "TABLE_NAME")) {
            while (rs.next()) {
                catalog.table(rs.getString(1), rs.getString(2));
            }
        }
        try (ResultSet rs = q.run("SELECT TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE,"
                + " IS_NULLABLE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE %s",
                "TABLE_SCHEMA", "TABLE_NAME")) {
            while (rs.next()) {
                catalog.column(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        "YES".equals(rs.getString(6)),
                        defaultOf(rs.getString(7), rs.getString(8), rs.getString(9), mariadb));
            }
        }
        readIndexes(q, catalog, mariadb);
        MySqlConstraints.read(q, catalog, mariadb);
        try (ResultSet rs = q.run("SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS"
                + " WHERE %s", "TABLE_SCHEMA", "TABLE_NAME")) {
            while (rs.next()) {
                catalog.view(rs.getString(1), new View(rs.getString(2), rs.getString(3), false));
            }
        }
        return catalog.build(IndexNaming.PER_TABLE);
    }

    private static void readIndexes(Queries q, CatalogAssembler catalog, boolean mariadb) throws SQLException {
        Map<List<String>, IndexParts> indexes = new HashMap<>();
        // MySQL 8 has functional index parts (EXPRESSION); MariaDB has not.
        try (ResultSet rs = q.run("SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME,"
                + " SUB_PART, COLLATION, INDEX_TYPE, " + (mariadb ? "NULL" : "EXPRESSION")
                + " FROM information_schema.STATISTICS WHERE %s", "TABLE_SCHEMA", "TABLE_NAME")) {
            while (rs.next()) {
                IndexParts parts = indexes.computeIfAbsent(List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                        k -> new IndexParts());
                parts.unique = rs.getInt(4) == 0;
                parts.type = rs.getString(9);
                String column = rs.getString(6) != null ? quoteIfNeeded(rs.getString(6)) : "(" + rs.getString(10) + ")";
                String subPart = rs.getString(7);
                parts.columns.put(rs.getInt(5), column + (subPart == null ? "" : "(" + subPart + ")")
                        + ("D".equals(rs.getString(8)) ? " DESC" : ""));
            }
        }
        indexes.forEach((key, parts) -> {
            String schema = key.get(0);
            String table = key.get(1);
            String name = key.get(2);
            String definition = "CREATE " + (parts.unique ? "UNIQUE " : "") + "INDEX " + quoteIfNeeded(name) + " ON "
                    + quoteIfNeeded(schema) + "." + quoteIfNeeded(table) + " USING " + parts.type + " ("
                    + String.join(", ", parts.columns.values()) + ")";
            catalog.index(schema, table, new Index(name, definition, parts.unique, "PRIMARY".equals(name)));
        });
    }

    /**
     * MariaDB shows a literal default quoted and "no default" on a nullable column as the word NULL;
     * generated columns, auto_increment and ON UPDATE sit in EXTRA. One string holds all of it.
     */
    private static String defaultOf(String columnDefault, String extra, String generation, boolean mariadb) {
        String base = mariadb && "NULL".equals(columnDefault) ? null : columnDefault;
        // MySQL 8 marks an expression default DEFAULT_GENERATED: noise next to the expression itself.
        String rest = extra == null ? "" : extra.replace("DEFAULT_GENERATED", "").trim();
        if (rest.contains("GENERATED") && generation != null) {
            String how = rest.startsWith("VIRTUAL") ? "virtual" : "stored";
            return "generated always as (" + generation + ") " + how;
        }
        if (rest.isEmpty()) {
            return base;
        }
        return base == null ? rest : base + " " + rest;
    }

    /** Backquotes a name only when it needs them, so definitions read like the DDL people write. */
    static String quoteIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_$]*") ? name : "`" + name.replace("`", "``") + "`";
    }

    private static final class IndexParts {
        boolean unique;
        String type;
        final Map<Integer, String> columns = new TreeMap<>();
    }

    /** The scope as a WHERE fragment with its parameters; each query closes with its result set. */
    static final class Queries {
        private final Connection c;
        private final List<String> only;

        Queries(Connection c, CatalogScope scope) {
            this.c = c;
            this.only = scope.schemas();
        }

        /**
         * Runs {@code sql} with {@code %s} replaced by the scope on {@code schemaColumn} and, when
         * the query lists tables, Strata's own tables in the connection's database left out.
         */
        ResultSet run(String sql, String schemaColumn, String tableColumn) throws SQLException {
            String scope = schemaColumn + " NOT IN " + SYSTEM
                    + (tableColumn == null ? ""
                            : " AND NOT (" + tableColumn + " LIKE 'strata\\_%' AND " + schemaColumn + " <=> DATABASE())")
                    + (only.isEmpty() ? ""
                            : " AND " + schemaColumn + " IN (" + String.join(", ", Collections.nCopies(only.size(), "?"))
                                    + ")");
            PreparedStatement ps = c.prepareStatement(sql.replace("%s", scope));
            try {
                for (int i = 0; i < only.size(); i++) {
                    ps.setString(i + 1, only.get(i));
                }
                ps.closeOnCompletion();
                return ps.executeQuery();
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }
    }
}
