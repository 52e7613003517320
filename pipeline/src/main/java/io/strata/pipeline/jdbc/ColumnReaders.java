package io.strata.pipeline.jdbc;

import io.strata.pipeline.Column;
import io.strata.pipeline.ColumnType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Database column → {@link ColumnType}, and how to read a value of it from a ResultSet. The table
 * in docs/pipelines.md ("Types, read") is this file; keep them together.
 */
final class ColumnReaders {

    private ColumnReaders() {}

    static Column column(ResultSetMetaData md, int i) throws SQLException {
        return Column.of(md.getColumnLabel(i), typeOf(md, i));
    }

    static ColumnType typeOf(ResultSetMetaData md, int i) throws SQLException {
        String name = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        switch (md.getColumnType(i)) {
            case Types.BOOLEAN:
                return ColumnType.BOOLEAN;
            case Types.BIT:
                // PostgreSQL reports bool as BIT; MariaDB reports BIT(1) and TINYINT(1) so. Wider
                // bit strings are not truth values: they arrive as text ('0101').
                return name.equals("bool") || md.getPrecision(i) <= 1 ? ColumnType.BOOLEAN : ColumnType.TEXT;
            case Types.TINYINT:
            case Types.SMALLINT:
                return ColumnType.INT;
            case Types.INTEGER:
                // An unsigned INT does not fit an Integer; an unsigned BIGINT does not fit a Long.
                return md.isSigned(i) ? ColumnType.INT : ColumnType.BIGINT;
            case Types.BIGINT:
                return md.isSigned(i) ? ColumnType.BIGINT : ColumnType.DECIMAL;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return ColumnType.DECIMAL;
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return ColumnType.DOUBLE;
            case Types.DATE:
                return ColumnType.DATE;
            case Types.TIME:
                return name.equals("timetz") ? ColumnType.TEXT : ColumnType.TIME;
            case Types.TIMESTAMP:
                return name.equals("timestamptz") ? ColumnType.TIMESTAMPTZ : ColumnType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return ColumnType.TIMESTAMPTZ;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return ColumnType.BYTES;
            default:
                // Text types, and everything without a closer match (json, enums, intervals,
                // arrays, ...) arrive as their text form.
                return name.equals("uuid") ? ColumnType.UUID : ColumnType.TEXT;
        }
    }

    /**
     * Column {@code i} of the current row as {@code type}'s Java class, null for SQL NULL. A switch
     * rather than a function per column: one call site per type lets the JIT inline every read.
     */
    static Object read(ColumnType type, ResultSet rs, int i) throws SQLException {
        switch (type) {
            case BOOLEAN: {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v;
            }
            case INT: {
                int v = rs.getInt(i);
                return rs.wasNull() ? null : v;
            }
            case BIGINT: {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            }
            case DECIMAL:
                return rs.getBigDecimal(i);
            case DOUBLE: {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : v;
            }
            case TEXT:
                return rs.getString(i);
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case TIME:
                return rs.getObject(i, LocalTime.class);
            case TIMESTAMP:
                return rs.getObject(i, LocalDateTime.class);
            case TIMESTAMPTZ:
                return rs.getObject(i, OffsetDateTime.class);
            case BYTES:
                return rs.getBytes(i);
            case UUID:
                return rs.getObject(i, UUID.class);
            default:
                throw new IllegalStateException("unmapped column type " + type);
        }
    }
}
