package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table or a query, streamed: rows are fetched in batches ({@link #fetchSize}, 10,000 by default)
 * through a server-side cursor on PostgreSQL (autocommit off, as PgJDBC requires) and a streaming
 * result on MariaDB, so memory stays flat whatever the table's size. Optionally read in parallel
 * by ranges of an integer key ({@link #partitionedBy}). Immutable: the settings return new sources.
 */
public final class JdbcSource implements Source {

    private final Database database;
    private final String sql;
    private final String label;
    private final Set<String> reads;
    private final int fetchSize;
    private final String partitionColumn;
    private final int partitions;

    private JdbcSource(Database database, String sql, String label, Set<String> reads, int fetchSize,
            String partitionColumn, int partitions) {
        this.database = database;
        this.sql = sql;
        this.label = label;
        this.reads = Set.copyOf(reads);
        this.fetchSize = fetchSize;
        this.partitionColumn = partitionColumn;
        this.partitions = partitions;
    }

    static JdbcSource table(Database database, TableName table, List<String> columns) {
        Dialect d = database.dialect();
        String select = columns.isEmpty() ? "*" : columns.stream().map(d::quote).collect(Collectors.joining(", "));
        return new JdbcSource(database, "SELECT " + select + " FROM " + table.quoted(d), table.toString(),
                Set.of(table.toString()), 10_000, null, 1);
    }

    static JdbcSource query(Database database, String sql, Set<String> reads) {
        String label = reads.isEmpty() ? "query" : "query on " + String.join(", ", reads.stream().sorted().toList());
        return new JdbcSource(database, sql, label, reads, 10_000, null, 1);
    }

    /** Rows per round trip. Larger is faster and uses more memory: 10,000 rows of 100 bytes is 1 MB. */
    public JdbcSource fetchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("fetch size must be at least 1, got " + rows);
        }
        return new JdbcSource(database, sql, label, reads, rows, partitionColumn, partitions);
    }

    /**
     * Reads with {@code partitions} connections at once, each a range of the integer column {@code
     * column} between its minimum and maximum. Rows then arrive in no particular order. On
     * PostgreSQL all connections read one exported snapshot, so the result is as consistent as a
     * single read; on MariaDB each connection has its own snapshot, which matters only if the table
     * changes during the read.
     */
    public JdbcSource partitionedBy(String column, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        return new JdbcSource(database, sql, label, reads, fetchSize, column, partitions);
    }

    @Override
    public Set<String> reads() {
        return reads;
    }

    @Override
    public Rows open() {
        if (partitionColumn == null || partitions == 1) {
            Connection c = database.connectForReading();
            return execute(c, sql, List.of());
        }
        return openPartitioned();
    }

    private Rows execute(Connection c, String query, List<Long> parameters) {
        try {
            PreparedStatement st = c.prepareStatement(query, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            st.setFetchSize(fetchSize);
            for (int i = 0; i < parameters.size(); i++) {
                st.setLong(i + 1, parameters.get(i));
            }
            return ResultSetRows.of(label, reads, c, st, st.executeQuery(), database.listener());
        } catch (SQLException e) {
            ResultSetRows.abort(c);
            throw new PipelineException("reading " + label + ": " + e.getMessage(), e);
        }
    }

    private Rows openPartitioned() {
        Dialect d = database.dialect();
        String base = "SELECT * FROM (" + sql + ") strata_part";
        String key = "strata_part." + d.quote(partitionColumn);
        List<Rows> parts = new ArrayList<>();
        try (Connection coordinator = database.connectForReading()) {
            String snapshot = null;
            if (d == Dialect.POSTGRES) {
                coordinator.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                snapshot = single(coordinator, "SELECT pg_export_snapshot()");
            }
            long[] bounds = bounds(coordinator, "SELECT min(" + key + "), max(" + key + "), count(*) - count("
                    + key + ") FROM (" + sql + ") strata_part");
            if (bounds == null) {
                coordinator.rollback();
                return execute(database.connectForReading(), sql, List.of());
            }
            if (bounds[2] > 0) {
                // Ranges never match a NULL key: those rows get a part of their own.
                Connection c = database.connectForReading();
                if (snapshot != null) {
                    importSnapshot(c, snapshot);
                }
                parts.add(execute(c, base + " WHERE " + key + " IS NULL", List.of()));
            }
            for (long[] range : ranges(bounds[0], bounds[1], partitions)) {
                Connection c = database.connectForReading();
                if (snapshot != null) {
                    importSnapshot(c, snapshot);
                }
                parts.add(execute(c, base + " WHERE " + key + " >= ? AND " + key + " <= ?",
                        List.of(range[0], range[1])));
            }
            coordinator.rollback();
        } catch (SQLException | RuntimeException e) {
            parts.forEach(Rows::close);
            throw new PipelineException("reading " + label + " in " + partitions + " partitions by "
                    + partitionColumn + ": " + e.getMessage(), e);
        }
        return new PartitionedRows(label, parts);
    }

    /** Splits [min, max] into at most n contiguous, non-empty, inclusive ranges. */
    static List<long[]> ranges(long min, long max, int n) {
        List<long[]> out = new ArrayList<>();
        // Width computed in floating point: max - min can overflow a long for keys of both signs.
        double width = ((double) max - (double) min + 1) / n;
        long lo = min;
        for (int i = 1; i <= n && lo <= max; i++) {
            long hi = i == n ? max : (long) Math.min(max, Math.floor(min + width * i - 1));
            if (hi >= lo) {
                out.add(new long[] {lo, hi});
                lo = hi + 1;
            }
        }
        return out;
    }

    private static void importSnapshot(Connection c, String snapshot) throws SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
        }
    }

    private static String single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {min, max, rows with a NULL key} of the key, or null when no row has a key. */
    private static long[] bounds(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            long min = rs.getLong(1);
            if (rs.wasNull()) {
                return null;
            }
            return new long[] {min, rs.getLong(2), rs.getLong(3)};
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
