package io.strata.storage.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL catalog, read from {@code pg_catalog} directly (the information_schema views are
 * many times slower and hide what the current role does not own). Five queries: schemas, tables
 * with their columns, indexes, constraints, views.
 *
 * <p>The server renders every definition itself ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_indexdef}, {@code pg_get_constraintdef}, {@code pg_get_viewdef}), so how a
 * migration happened to be formatted is no drift. Those functions qualify names by the
 * {@code search_path}, which therefore is pinned to {@code pg_catalog} for the inspection: every
 * user object comes out schema-qualified, whatever the session's path was.
 */
final class PostgresCatalogInspector implements CatalogInspector {

    /** System schemas, the per-session temporary ones and Strata's own. */
    private static final String SCOPE = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'strata')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
            + " AND (cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))";

    private static final String SCHEMAS = "SELECT n.nspname FROM pg_namespace n WHERE " + SCOPE;

    /**
     * A table without columns is legal: the LEFT JOIN keeps it as one row with null column fields.
     * A plain default cannot reference a column, so it is rendered without its relation (relid 0),
     * which at 1,000 tables halves this query's time; a generated column's expression needs it.
     */
    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attnum, a.attname,"
            + " format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END),"
            + " a.attidentity, a.attgenerated"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE c.relkind IN ('r', 'p') AND " + SCOPE;

    private static final String INDEXES = "SELECT n.nspname, t.relname, i.relname, pg_get_indexdef(x.indexrelid),"
            + " x.indisunique, x.indisprimary"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE t.relkind IN ('r', 'p') AND " + SCOPE;

    private static final String CONSTRAINTS = "SELECT n.nspname, t.relname, k.conname, k.contype,"
            + " pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND t.relkind IN ('r', 'p') AND " + SCOPE;

    private static final String VIEWS = "SELECT n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND " + SCOPE;

    @Override
    public Optional<String> fingerprint(Connection c, CatalogScope scope) throws SQLException {
        return Optional.of(PostgresCatalogFingerprint.of(c, scope));
    }

    @Override
    public Catalog inspect(Connection c, CatalogScope scope) throws SQLException {
        boolean ownTransaction = c.getAutoCommit();
        Savepoint savepoint = null;
        if (ownTransaction) {
            c.setAutoCommit(false);
        } else {
            // Inside the caller's transaction: the savepoint undoes our SET LOCAL, nothing else.
            savepoint = c.setSavepoint();
        }
        try {
            try (Statement s = c.createStatement()) {
                // One snapshot for all five queries (when the transaction is ours), and a pinned path.
                s.execute((ownTransaction ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; " : "")
                        + "SET LOCAL search_path = pg_catalog");
            }
            return read(c, c.createArrayOf("text", scope.schemas().toArray()));
        } finally {
            if (ownTransaction) {
                c.rollback();
                c.setAutoCommit(true);
            } else {
                c.rollback(savepoint);
            }
        }
    }

    private static Catalog read(Connection c, Array only) throws SQLException {
        CatalogAssembler catalog = new CatalogAssembler();
        try (ResultSet rs = query(c, SCHEMAS, only)) {
            while (rs.next()) {
                catalog.schema(rs.getString(1));
            }
        }
        try (ResultSet rs = query(c, COLUMNS, only)) {
            while (rs.next()) {
                String schema = rs.getString(1);
                String table = rs.getString(2);
                catalog.table(schema, table);
                if (rs.getString(4) != null) {
                    catalog.column(schema, table, rs.getInt(3), rs.getString(4), rs.getString(5), !rs.getBoolean(6),
                            defaultOf(rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        try (ResultSet rs = query(c, INDEXES, only)) {
            while (rs.next()) {
                catalog.index(rs.getString(1), rs.getString(2),
                        new Index(rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)));
            }
        }
        try (ResultSet rs = query(c, CONSTRAINTS, only)) {
            while (rs.next()) {
                catalog.constraint(rs.getString(1), rs.getString(2),
                        new Constraint(rs.getString(3), kind(rs.getString(4)), rs.getString(5)));
            }
        }
        try (ResultSet rs = query(c, VIEWS, only)) {
            while (rs.next()) {
                catalog.view(rs.getString(1), new View(rs.getString(2), rs.getString(4), "m".equals(rs.getString(3))));
            }
        }
        return catalog.build(IndexNaming.PER_SCHEMA);
    }

    /** The statement is closed with its result set: closeOnCompletion. */
    private static ResultSet query(Connection c, String sql, Array only) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setArray(1, only);
            ps.setArray(2, only);
            ps.closeOnCompletion();
            return ps.executeQuery();
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** Identity and generated columns keep their rule where a default would be: one place to compare. */
    private static String defaultOf(String expression, String identity, String generated) {
        if ("a".equals(identity)) {
            return "generated always as identity";
        }
        if ("d".equals(identity)) {
            return "generated by default as identity";
        }
        if ("s".equals(generated)) {
            return "generated always as (" + expression + ") stored";
        }
        return expression;
    }

    private static Constraint.Kind kind(String contype) {
        return switch (contype) {
            case "p" -> Constraint.Kind.PRIMARY_KEY;
            case "u" -> Constraint.Kind.UNIQUE;
            case "f" -> Constraint.Kind.FOREIGN_KEY;
            case "c" -> Constraint.Kind.CHECK;
            case "x" -> Constraint.Kind.EXCLUSION;
            default -> throw new IllegalStateException("the query selects only p, u, f, c and x, not " + contype);
        };
    }
}
