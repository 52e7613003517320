package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the PostgreSQL sink reads from the catalog about the table it writes: its columns, whether a
 * swap would lose something, and what a swap must carry over (owner, grants, comment, index names).
 * Reads only; the statements are in {@link PostgresWriter} and {@link PostgresSwap}.
 */
final class PostgresCatalog {

    private PostgresCatalog() {}

    /** The table's writable columns in order; an error naming the table when it does not exist. */
    static List<TargetColumn> columns(Connection c, TableName table) throws SQLException {
        String sql = """
                SELECT a.attname,
                       CASE WHEN bt.typcategory = 'S' OR bt.typtype = 'e' OR bt.typname IN ('json', 'xml')
                            THEN 'text' ELSE bt.typname END
                FROM pg_attribute a
                JOIN pg_type t ON t.oid = a.atttypid
                JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
                WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum""";
        requireTable(c, table);
        List<TargetColumn> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table.quoted(Dialect.POSTGRES));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new TargetColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    static void requireTable(Connection c, TableName table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table.quoted(Dialect.POSTGRES));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new PipelineException("table " + table + " does not exist: create it with a migration");
                }
            }
        }
    }

    /**
     * Why swapping in a new table would lose or break something, one reason per entry; empty when a
     * swap is safe. {@code CREATE TABLE ... (LIKE ... INCLUDING ALL)} copies columns, defaults,
     * constraints other than foreign keys, comments, storage and statistics, and {@link #indexesFor}
     * the indexes; everything listed here they do not copy, or cannot survive the old table's DROP.
     */
    static List<String> swapBlockers(Connection c, TableName table) throws SQLException {
        String sql = """
                SELECT c.relkind = 'p' OR c.relispartition
                           OR EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = c.oid OR inhparent = c.oid),
                       (SELECT string_agg(DISTINCT r.ev_class::regclass::text, ', ')
                          FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                         WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = c.oid AND r.ev_class <> c.oid),
                       (SELECT string_agg(conname, ', ') FROM pg_constraint WHERE contype = 'f' AND conrelid = c.oid),
                       (SELECT string_agg(tgname, ', ') FROM pg_trigger WHERE tgrelid = c.oid AND NOT tgisinternal),
                       c.relrowsecurity OR EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = c.oid),
                       (SELECT string_agg(p.pubname, ', ') FROM pg_publication_rel pr
                          JOIN pg_publication p ON p.oid = pr.prpubid WHERE pr.prrelid = c.oid),
                       EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
                                WHERE d.classid = 'pg_class'::regclass AND d.refobjid = c.oid
                                  AND d.deptype IN ('a', 'i') AND s.relkind = 'S'),
                       c.reltablespace <> 0
                FROM pg_class c WHERE c.oid = ?::regclass""";
        List<String> reasons = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table.quoted(Dialect.POSTGRES));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    reasons.add("it is partitioned or inherits");
                }
                add(reasons, "views depend on it: ", rs.getString(2));
                add(reasons, "it has foreign keys: ", rs.getString(3));
                add(reasons, "it has triggers: ", rs.getString(4));
                if (rs.getBoolean(5)) {
                    reasons.add("it has row-level security");
                }
                add(reasons, "it is published for logical replication: ", rs.getString(6));
                if (rs.getBoolean(7)) {
                    reasons.add("it has serial or identity columns, whose sequences belong to the old table");
                }
                if (rs.getBoolean(8)) {
                    reasons.add("it is in a non-default tablespace");
                }
            }
        }
        return reasons;
    }

    /**
     * Foreign keys of other tables that reference this one, as {@code name on table}. Neither a
     * swap (the DROP fails) nor an in-place replace (the DELETE fails, or cascades into the other
     * table) can replace all rows of such a table, so the sink refuses it.
     */
    static String referencedBy(Connection c, TableName table) throws SQLException {
        return text(c, "SELECT string_agg(conname || ' on ' || conrelid::regclass::text, ', ') FROM pg_constraint"
                + " WHERE contype = 'f' AND confrelid = ?::regclass AND conrelid <> confrelid", table);
    }

    private static void add(List<String> reasons, String what, String names) {
        if (names != null) {
            reasons.add(what + names);
        }
    }

    /**
     * The statements that give {@code staging} the indexes of {@code table}: ADD of each primary key,
     * unique or exclusion constraint (which builds its index), CREATE INDEX for the other indexes.
     * Names are left to PostgreSQL (the old ones are taken until the swap, which then renames).
     */
    static List<String> indexesFor(Connection c, TableName table, TableName staging) throws SQLException {
        String sql = """
                SELECT CASE WHEN con.oid IS NOT NULL
                            THEN 'ALTER TABLE ' || ? || ' ADD ' || pg_get_constraintdef(con.oid)
                            ELSE 'CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX ON '
                                 || ? || substring(pg_get_indexdef(i.indexrelid) from ' USING .*')
                       END
                FROM pg_index i
                LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                           AND con.contype IN ('p', 'u', 'x')
                WHERE i.indrelid = ?::regclass
                ORDER BY i.indisprimary DESC, i.indexrelid""";
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, staging.quoted(Dialect.POSTGRES));
            s.setString(2, staging.quoted(Dialect.POSTGRES));
            s.setString(3, table.quoted(Dialect.POSTGRES));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** {@code UNLOGGED } for an unlogged table (kept by the new table), else empty. */
    static String persistence(Connection c, TableName table) throws SQLException {
        return text(c, "SELECT CASE relpersistence WHEN 'u' THEN 'UNLOGGED ' ELSE '' END FROM pg_class"
                + " WHERE oid = ?::regclass",
                table);
    }

    /** The table's storage parameters as {@code WITH (...)} text, or empty. */
    static String storageParameters(Connection c, TableName table) throws SQLException {
        String options = text(c, "SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = ?::regclass",
                table);
        return options == null || options.isEmpty() ? "" : " WITH (" + options + ")";
    }

    static String text(Connection c, String sql, TableName table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table.quoted(Dialect.POSTGRES));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
