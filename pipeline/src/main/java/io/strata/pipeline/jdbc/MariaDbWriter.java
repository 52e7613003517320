package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB/MySQL sink. Rows go in through {@link MariaDbInserts}, inside one InnoDB transaction.
 *
 * <p>Replace by swap: DDL commits implicitly here, so the new table is created and loaded (one
 * transaction), then {@code RENAME TABLE target TO old, new TO target} swaps both names in one
 * atomic statement, and the old table is dropped. A killed run leaves at most an empty
 * {@code <table>__strata_new} behind (its rows were never committed), which the next run drops
 * first. Grants survive by themselves: MySQL and MariaDB keep table privileges by table name, not
 * by table, and RENAME TABLE does not move them.
 */
final class MariaDbWriter implements TableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbWriter.class);

    @Override
    public long replace(Connection c, TableName table, Rows rows, boolean inPlace, LongConsumer sent)
            throws SQLException {
        lock(c, table);
        List<TargetColumn> columns = TargetColumn.align(table, rows.schema(), columns(c, table));
        String referencedBy = joined(c, "SELECT CONCAT(constraint_name, ' on ', constraint_schema, '.', table_name)"
                + " FROM information_schema.referential_constraints WHERE unique_constraint_schema ="
                + " COALESCE(?, DATABASE()) AND referenced_table_name = ? AND NOT (constraint_schema ="
                + " unique_constraint_schema AND table_name = referenced_table_name)", table);
        if (!referencedBy.isEmpty()) {
            throw new PipelineException(TableSink.referencedMessage(table, referencedBy));
        }
        List<String> blockers = inPlace ? List.of() : swapBlockers(c, table);
        if (inPlace || !blockers.isEmpty()) {
            if (!blockers.isEmpty()) {
                LOG.info("replacing the rows of {} in place, not by swapping tables, because {}", table,
                        String.join("; ", blockers));
            }
            c.setAutoCommit(false);
            execute(c, "DELETE FROM " + table.quoted(Dialect.MARIADB));
            long n = MariaDbInserts.insert(c, table, columns, rows, "", sent);
            c.commit();
            return n;
        }
        TableName staging = table.sibling(shortened(table.table(), "__strata_new"));
        TableName retired = table.sibling(shortened(table.table(), "__strata_old"));
        execute(c, "DROP TABLE IF EXISTS " + staging.quoted(Dialect.MARIADB) + ", " + retired.quoted(Dialect.MARIADB));
        execute(c, "CREATE TABLE " + staging.quoted(Dialect.MARIADB) + " LIKE " + table.quoted(Dialect.MARIADB));
        try {
            c.setAutoCommit(false);
            long n = MariaDbInserts.insert(c, staging, columns, rows, "", sent);
            c.commit();
            c.setAutoCommit(true);
            execute(c, "RENAME TABLE " + table.quoted(Dialect.MARIADB) + " TO " + retired.quoted(Dialect.MARIADB) + ", "
                    + staging.quoted(Dialect.MARIADB) + " TO " + table.quoted(Dialect.MARIADB));
            execute(c, "DROP TABLE " + retired.quoted(Dialect.MARIADB));
            return n;
        } catch (SQLException | RuntimeException e) {
            dropQuietly(c, staging);
            throw e;
        }
    }

    @Override
    public long append(Connection c, TableName table, Rows rows, LongConsumer sent) throws SQLException {
        List<TargetColumn> columns = TargetColumn.align(table, rows.schema(), columns(c, table));
        c.setAutoCommit(false);
        long n = MariaDbInserts.insert(c, table, columns, rows, "", sent);
        c.commit();
        return n;
    }

    /**
     * {@code INSERT ... ON DUPLICATE KEY UPDATE}. MariaDB applies it on a clash with any unique
     * key, so the keys named must be a unique index of the table: checked first, to match
     * PostgreSQL's ON CONFLICT (keys), which insists on it.
     */
    @Override
    public long merge(Connection c, TableName table, List<String> keys, Rows rows, LongConsumer sent)
            throws SQLException {
        List<TargetColumn> columns = TargetColumn.align(table, rows.schema(), columns(c, table));
        requireUniqueIndex(c, table, keys);
        List<String> names = columns.stream().map(TargetColumn::name).toList();
        List<String> updates = names.stream().filter(n -> keys.stream().noneMatch(k -> k.equalsIgnoreCase(n)))
                .map(n -> Dialect.MARIADB.quote(n) + " = VALUES(" + Dialect.MARIADB.quote(n) + ")").toList();
        String suffix = " ON DUPLICATE KEY UPDATE " + (updates.isEmpty()
                ? Dialect.MARIADB.quote(keys.get(0)) + " = " + Dialect.MARIADB.quote(keys.get(0))
                : String.join(", ", updates));
        c.setAutoCommit(false);
        long n = MariaDbInserts.insert(c, table, columns, rows, suffix, sent);
        c.commit();
        return n;
    }

    /** One replace per table at a time; the named lock is the session's and dies with it. */
    private static void lock(Connection c, TableName table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, 600)")) {
            s.setString(1, "strata.sink." + sha256(table.toString()).substring(0, 32));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new PipelineException("another run has been replacing " + table + " for 10 minutes");
                }
            }
        }
    }

    static List<TargetColumn> columns(Connection c, TableName table) throws SQLException {
        List<TargetColumn> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, table.schema());
            s.setString(2, table.table());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new TargetColumn(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new PipelineException("table " + table + " does not exist: create it with a migration");
        }
        return out;
    }

    /** What CREATE TABLE ... LIKE does not copy: triggers and foreign keys. */
    private static List<String> swapBlockers(Connection c, TableName table) throws SQLException {
        List<String> reasons = new ArrayList<>();
        String triggers = joined(c, "SELECT trigger_name FROM information_schema.triggers"
                + " WHERE event_object_schema = COALESCE(?, DATABASE()) AND event_object_table = ?", table);
        if (!triggers.isEmpty()) {
            reasons.add("it has triggers: " + triggers);
        }
        String keys = joined(c, "SELECT constraint_name FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = COALESCE(?, DATABASE()) AND table_name = ?", table);
        if (!keys.isEmpty()) {
            reasons.add("it has foreign keys: " + keys);
        }
        return reasons;
    }

    private static void requireUniqueIndex(Connection c, TableName table, List<String> keys) throws SQLException {
        Set<String> wanted = keys.stream().map(k -> k.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        try (PreparedStatement s = c.prepareStatement("SELECT index_name, column_name"
                + " FROM information_schema.statistics"
                + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ? AND non_unique = 0")) {
            s.setString(1, table.schema());
            s.setString(2, table.table());
            Map<String, Set<String>> indexes = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                            .add(rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
            if (!indexes.containsValue(wanted)) {
                throw new PipelineException("merge into " + table + " by (" + String.join(", ", keys) + ") needs a"
                        + " unique index on exactly those columns; add one with a migration");
            }
        }
    }

    private static String joined(Connection c, String sql, TableName table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int count = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= count; i += 2) {
                s.setString(i, table.schema());
                s.setString(i + 1, table.table());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return String.join(", ", names);
    }

    private static void dropQuietly(Connection c, TableName staging) {
        try {
            c.rollback();
            c.setAutoCommit(true);
            execute(c, "DROP TABLE IF EXISTS " + staging.quoted(Dialect.MARIADB));
        } catch (SQLException e) {
            // The connection is likely gone; the next run drops the leftover first.
        }
    }

    /** {@code table + suffix}, cut to MariaDB's 64-character limit with a hash keeping it unique. */
    static String shortened(String table, String suffix) {
        if (table.length() + suffix.length() <= 64) {
            return table + suffix;
        }
        return table.substring(0, 64 - suffix.length() - 9) + "_" + sha256(table).substring(0, 8) + suffix;
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
