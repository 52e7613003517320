package io.strata.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The closed set of value types a {@link Row} holds, each with exactly one Java class. Sources map
 * database types to these, sinks map them to the target column's type (docs/pipelines.md has both
 * tables). One Java class per type keeps a transform's getters unambiguous: a BIGINT is always a
 * {@link Long}, never sometimes an Integer.
 */
public enum ColumnType {
    BOOLEAN(Boolean.class),
    /** 16- and 32-bit integers. */
    INT(Integer.class),
    BIGINT(Long.class),
    /** Exact numbers: numeric/decimal. */
    DECIMAL(BigDecimal.class),
    /** Floating point: real, float, double precision (a float widens exactly to a double). */
    DOUBLE(Double.class),
    TEXT(String.class),
    DATE(LocalDate.class),
    TIME(LocalTime.class),
    /** A date and time without a time zone (PostgreSQL timestamp, MySQL DATETIME). */
    TIMESTAMP(LocalDateTime.class),
    /** A point in time (PostgreSQL timestamptz), held with its offset as JDBC 4.2 maps it. */
    TIMESTAMPTZ(OffsetDateTime.class),
    BYTES(byte[].class),
    UUID(java.util.UUID.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The one Java class a non-null value of this type has in a {@link Row}. */
    public Class<?> javaType() {
        return javaType;
    }

    /** Whether {@code value} (null included) may be held in a column of this type. */
    public boolean accepts(Object value) {
        return value == null || javaType.isInstance(value);
    }
}
