package io.strata.pipeline.jdbc;

import io.strata.pipeline.Column;
import io.strata.pipeline.ColumnType;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Rows into MariaDB/MySQL as multi-row {@code INSERT ... VALUES (...), (...)} statements of up to
 * 1,000 rows (fewer when rows are wide, to stay well under max_allowed_packet): one round trip and
 * one parse per thousand rows instead of per row. Values are bound as parameters, so the driver
 * escapes them; nothing here builds SQL from data.
 */
final class MariaDbInserts {

    private static final int MAX_ROWS = 1_000;
    /** MariaDB's limit on placeholders in one statement. */
    private static final int MAX_PARAMETERS = 65_535;
    /** A batch is sent early once its values reach this size; the server's default packet limit is 16 MiB. */
    private static final long MAX_BYTES = 4L << 20;

    private MariaDbInserts() {}

    /**
     * Inserts every row into {@code table}'s {@code columns} (aligned with the rows' columns),
     * followed by {@code suffix} (such as an ON DUPLICATE KEY UPDATE clause). No commit here.
     */
    static long insert(Connection c, TableName table, List<TargetColumn> columns, Rows rows, String suffix,
            LongConsumer sent) throws SQLException {
        List<Column> from = rows.schema().columns();
        for (Column col : from) {
            if (col.type() == ColumnType.TIMESTAMPTZ) {
                throw new PipelineException("cannot write column " + col.name() + " (TIMESTAMPTZ) to MariaDB, which has"
                        + " no time-zone-aware type: convert it in the transform, e.g. to UTC with"
                        + " withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()");
            }
        }
        int width = from.size();
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / width));
        String head = "INSERT INTO " + table.quoted(Dialect.MARIADB) + " (" + String.join(", ", columns.stream()
                .map(t -> Dialect.MARIADB.quote(t.name())).toList()) + ") VALUES ";
        String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        PreparedStatement full = null;
        List<Row> batch = new ArrayList<>(perStatement);
        long bytes = 0;
        long n = 0;
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                batch.add(row);
                bytes += size(row);
                if (batch.size() == perStatement || bytes >= MAX_BYTES) {
                    if (batch.size() == perStatement) {
                        if (full == null) {
                            full = c.prepareStatement(sql(head, tuple, perStatement, suffix));
                        }
                        execute(full, batch);
                    } else {
                        executeOnce(c, sql(head, tuple, batch.size(), suffix), batch);
                    }
                    n += batch.size();
                    sent.accept(batch.size());
                    batch.clear();
                    bytes = 0;
                }
            }
            if (!batch.isEmpty()) {
                executeOnce(c, sql(head, tuple, batch.size(), suffix), batch);
                n += batch.size();
                sent.accept(batch.size());
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return n;
    }

    private static String sql(String head, String tuple, int count, String suffix) {
        StringBuilder sql = new StringBuilder(head.length() + count * (tuple.length() + 2) + suffix.length());
        sql.append(head);
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return sql.append(suffix).toString();
    }

    private static void executeOnce(Connection c, String sql, List<Row> batch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            execute(s, batch);
        }
    }

    private static void execute(PreparedStatement s, List<Row> batch) throws SQLException {
        int p = 1;
        for (Row row : batch) {
            for (int i = 0; i < row.size(); i++) {
                bind(s, p++, row.get(i));
            }
        }
        s.executeUpdate();
    }

    /** Values are bound by their Java class; MariaDB converts to the column type, strictly in strict mode. */
    private static void bind(PreparedStatement s, int p, Object v) throws SQLException {
        if (v == null) {
            s.setNull(p, Types.NULL);
        } else if (v instanceof UUID u) {
            s.setString(p, u.toString());
        } else if (v instanceof byte[] b) {
            s.setBytes(p, b);
        } else if (v instanceof BigDecimal d) {
            s.setBigDecimal(p, d);
        } else {
            s.setObject(p, v);
        }
    }

    /** A rough size of a row's values, to keep statements under the packet limit. */
    private static long size(Row row) {
        long bytes = 0;
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            bytes += v instanceof String s ? 4L * s.length() + 4 : v instanceof byte[] b ? 2L * b.length + 4 : 24;
        }
        return bytes;
    }
}
