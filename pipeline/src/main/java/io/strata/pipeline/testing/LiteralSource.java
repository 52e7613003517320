package io.strata.pipeline.testing;

import io.strata.pipeline.Column;
import io.strata.pipeline.ColumnType;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A source of literal rows for tests, written as compactly as the article's data frames:
 *
 * <pre>{@code
 * Source raw = LiteralSource.of(CustomerTransforms.RAW)
 *         .row(1, "Acme", "a@acme.com", 2_000_000, "2026-01-15", null)
 *         .row(2, "Beta", "b@beta.com", 500_000, "2025-06-01", null);
 * }</pre>
 *
 * Literals are converted to the column's type where that is unambiguous: an int to a BIGINT or
 * DECIMAL, a string to a DECIMAL, DATE ("2026-01-15"), TIME, TIMESTAMP ("2026-01-15" is midnight,
 * "2026-01-15 10:30:00" or "2026-01-15T10:30"), TIMESTAMPTZ ("2026-01-15T10:30:00Z") or UUID.
 * Anything else must already have the column's Java class. Immutable: {@link #row} returns a new source.
 */
public final class LiteralSource implements Source {

    private final Schema schema;
    private final List<Row> rows;

    private LiteralSource(Schema schema, List<Row> rows) {
        this.schema = schema;
        this.rows = List.copyOf(rows);
    }

    public static LiteralSource of(Schema schema) {
        return new LiteralSource(schema, List.of());
    }

    /** A source with one more row, given in column order. */
    public LiteralSource row(Object... values) {
        if (values.length != schema.size()) {
            throw new PipelineException("a row of " + schema.names() + " needs " + schema.size() + " values, got "
                    + values.length);
        }
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = convert(schema.column(i), values[i]);
        }
        List<Row> more = new ArrayList<>(rows);
        more.add(schema.row(converted));
        return new LiteralSource(schema, more);
    }

    public Schema schema() {
        return schema;
    }

    public List<Row> rows() {
        return rows;
    }

    @Override
    public Rows open() {
        return Rows.of(schema, rows.iterator(), () -> { });
    }

    static Object convert(Column column, Object v) {
        if (v == null || column.type().javaType().isInstance(v)) {
            return v;
        }
        ColumnType t = column.type();
        try {
            if (v instanceof Integer || v instanceof Long) {
                long n = ((Number) v).longValue();
                switch (t) {
                    case INT:
                        return Math.toIntExact(n);
                    case BIGINT:
                        return n;
                    case DECIMAL:
                        return BigDecimal.valueOf(n);
                    case DOUBLE:
                        return (double) n;
                    default:
                        break;
                }
            }
            if (v instanceof Double d && t == ColumnType.DECIMAL) {
                return BigDecimal.valueOf(d);
            }
            if (v instanceof String s) {
                switch (t) {
                    case DECIMAL:
                        return new BigDecimal(s);
                    case DATE:
                        return LocalDate.parse(s);
                    case TIME:
                        return LocalTime.parse(s);
                    case TIMESTAMP:
                        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay()
                                : LocalDateTime.parse(s.replace(' ', 'T'));
                    case TIMESTAMPTZ:
                        return OffsetDateTime.parse(s.replace(' ', 'T'));
                    case UUID:
                        return UUID.fromString(s);
                    default:
                        break;
                }
            }
            if (v instanceof LocalDate d && t == ColumnType.TIMESTAMP) {
                return d.atStartOfDay();
            }
        } catch (RuntimeException e) {
            throw new PipelineException("column " + column.name() + " (" + t + "): cannot read " + v + ": "
                    + e.getMessage(), e);
        }
        throw new PipelineException("column " + column.name() + " is " + t + "; a literal "
                + v.getClass().getSimpleName()
                + " " + v + " is not one (give a " + t.javaType().getSimpleName() + ")");
    }
}
