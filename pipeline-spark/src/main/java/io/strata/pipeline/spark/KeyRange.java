package io.strata.pipeline.spark;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Rows;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.jdbc.Dialect;
import io.strata.pipeline.jdbc.TableName;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition of a table read: the rows whose integer {@code key} lies in {@code [from, to)}, or
 * those whose key is NULL. Read through the pipeline library's own streamed JDBC source, so a row
 * has exactly the types the plain engine reads (and the same cursor, fetch size and bounded memory).
 *
 * @param from inclusive lower bound; ignored for the NULL part
 * @param to exclusive upper bound; ignored for the NULL part
 */
record KeyRange(Database database, TableName table, String key, long from, long to, boolean nulls)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * {@code partitions} ranges of equal width between the key's minimum and maximum (read first,
     * on the driver), then one for NULL keys; a single NULL-and-everything part for an empty table.
     */
    static List<KeyRange> split(Database database, TableName table, String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        Dialect dialect = database.dialect();
        String sql = "SELECT min(" + dialect.quote(key) + "), max(" + dialect.quote(key) + ") FROM "
                + table.quoted(dialect);
        long min;
        long max;
        boolean empty;
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            min = rs.getLong(1);
            empty = rs.wasNull();
            max = rs.getLong(2);
        } catch (SQLException e) {
            throw new PipelineException("reading the bounds of " + table + "." + key + " for a partitioned read: "
                    + e.getMessage(), e);
        }
        List<KeyRange> out = new ArrayList<>();
        if (!empty) {
            // The width is computed in doubles only to choose bounds: every key still falls in
            // exactly one part, because the parts are contiguous and the last one is open-ended.
            long width = Math.max(1, (long) Math.ceil(((double) max - (double) min + 1) / partitions));
            long from = min;
            for (int i = 0; i < partitions && from <= max; i++) {
                boolean last = i == partitions - 1 || from > max - width;
                long to = last ? Long.MAX_VALUE : from + width;
                out.add(new KeyRange(database, table, key, from, to, false));
                if (last) {
                    break;
                }
                from = to;
            }
        }
        out.add(new KeyRange(database, table, key, 0, 0, true));
        return out;
    }

    /** The rows of this part, streamed; the caller closes them. */
    Rows open() {
        Dialect dialect = database.dialect();
        String column = dialect.quote(key);
        String where = nulls ? column + " IS NULL"
                : column + " >= " + from + (to == Long.MAX_VALUE ? "" : " AND " + column + " < " + to);
        return database.query("SELECT * FROM " + table.quoted(dialect) + " WHERE " + where).open();
    }
}
