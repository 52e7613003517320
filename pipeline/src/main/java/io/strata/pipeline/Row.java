package io.strata.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One immutable row: a {@link Schema} and a value per column. Rows are made by {@link Schema#row},
 * which checks every value's class, so the typed getters here only convert where the conversion is
 * exact (an INT read as a long, a BIGINT as a decimal) and otherwise say which column has which type.
 *
 * <p>Getters return null for SQL NULL. Getters by position exist for hot loops; by name reads best.
 */
public final class Row implements java.io.Serializable {

    private static final long serialVersionUID = 1L;


    private final Schema schema;
    private final Object[] values;

    /** Only {@link Schema#row}, which copies and checks the values, calls this. */
    Row(Schema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    public Schema schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    /** The value as the row holds it (see {@link ColumnType#javaType()}); a byte[] is copied. */
    public Object get(int position) {
        Object v = values[position];
        return v instanceof byte[] b ? b.clone() : v;
    }

    public Object get(String column) {
        return get(schema.indexOf(column));
    }

    public boolean isNull(int position) {
        return values[position] == null;
    }

    public boolean isNull(String column) {
        return values[schema.indexOf(column)] == null;
    }

    public Boolean getBoolean(String column) {
        return as(schema.indexOf(column), Boolean.class);
    }

    public Integer getInt(String column) {
        return as(schema.indexOf(column), Integer.class);
    }

    public Long getLong(String column) {
        return getLong(schema.indexOf(column));
    }

    /** An INT or BIGINT column as a Long. */
    public Long getLong(int position) {
        Object v = values[position];
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return as(position, Long.class);
    }

    public BigDecimal getDecimal(String column) {
        return getDecimal(schema.indexOf(column));
    }

    /** A DECIMAL, INT or BIGINT column as a BigDecimal (exact); a DOUBLE is refused, it would not be. */
    public BigDecimal getDecimal(int position) {
        Object v = values[position];
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        return as(position, BigDecimal.class);
    }

    /** A DOUBLE, INT, BIGINT or DECIMAL column as a Double (decimals may round). */
    public Double getDouble(String column) {
        int position = schema.indexOf(column);
        Object v = values[position];
        if (v instanceof Integer || v instanceof Long || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return as(position, Double.class);
    }

    public String getString(String column) {
        return getString(schema.indexOf(column));
    }

    public String getString(int position) {
        return as(position, String.class);
    }

    public LocalDate getDate(String column) {
        return as(schema.indexOf(column), LocalDate.class);
    }

    public LocalTime getTime(String column) {
        return as(schema.indexOf(column), LocalTime.class);
    }

    public LocalDateTime getTimestamp(String column) {
        return getTimestamp(schema.indexOf(column));
    }

    public LocalDateTime getTimestamp(int position) {
        return as(position, LocalDateTime.class);
    }

    public OffsetDateTime getTimestampTz(String column) {
        return as(schema.indexOf(column), OffsetDateTime.class);
    }

    /** A copy: rows stay immutable. */
    public byte[] getBytes(String column) {
        byte[] b = as(schema.indexOf(column), byte[].class);
        return b == null ? null : b.clone();
    }

    public UUID getUuid(String column) {
        return as(schema.indexOf(column), UUID.class);
    }

    private <T> T as(int position, Class<T> type) {
        Object v = values[position];
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        Column c = schema.column(position);
        throw new PipelineException("column " + c.name() + " is " + c.type() + ", not " + type.getSimpleName()
                + ": use the getter for " + c.type().javaType().getSimpleName());
    }

    /**
     * Equal when the schemas are equal and every value is, as {@link Values#same} compares: decimals
     * by numeric value (2.0 equals 2.00, as in SQL), byte arrays by content, times by instant.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Row r) || !r.schema.equals(schema)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Values.same(values[i], r.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = schema.hashCode();
        for (Object v : values) {
            h = 31 * h + Values.hash(v);
        }
        return h;
    }

    /** {@code {customer_id=1, name="Acme", deleted_at=null}}: strings quoted with escapes, so a tab shows. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(schema.column(i).name()).append('=').append(Values.show(values[i]));
        }
        return s.append('}').toString();
    }
}
