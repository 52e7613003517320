package io.strata.pipeline.jdbc;

import io.strata.pipeline.ColumnType;
import io.strata.pipeline.PipelineException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Row values → PostgreSQL's binary COPY format, per target column type. The table in
 * docs/pipelines.md ("Types, written") is this file. Binary rather than text COPY: nothing to escape
 * (tabs, newlines and backslashes in text are just bytes) and nothing for the server to parse, which
 * measured clearly faster.
 */
final class PostgresEncoders {

    /** Writes one non-null value as a field (length, bytes). */
    @FunctionalInterface
    interface Encoder {
        void encode(Object value, CopyBuffer out) throws SQLException;
    }

    /** PostgreSQL counts days and microseconds from 2000-01-01. */
    private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_SECOND_2000 = EPOCH_DAY_2000 * 86_400L;

    private PostgresEncoders() {}

    /** The encoder from a row column of {@code from} to a PostgreSQL column, or an error saying what fits. */
    static Encoder encoder(String column, ColumnType from, TargetColumn to) {
        Encoder e = choose(from, to.type());
        if (e == null) {
            throw new PipelineException("cannot write column " + column + " (" + from + ") to a PostgreSQL " + to.type()
                    + " column: see \"Types, written\" in docs/pipelines.md for what maps to what,"
                    + " and convert the value in the transform");
        }
        return e;
    }

    private static Encoder choose(ColumnType from, String to) {
        boolean integral = from == ColumnType.INT || from == ColumnType.BIGINT;
        boolean numeric = integral || from == ColumnType.DECIMAL || from == ColumnType.DOUBLE;
        return switch (to) {
            case "bool" -> from == ColumnType.BOOLEAN ? (v, out) -> {
                out.ensure(5);
                out.int32(1);
                out.int8((Boolean) v ? 1 : 0);
            } : null;
            case "int2" -> integral ? (v, out) -> {
                out.ensure(6);
                out.int32(2);
                out.int16((int) inRange(((Number) v).longValue(), Short.MIN_VALUE, Short.MAX_VALUE, "smallint"));
            } : null;
            case "int4" -> integral ? (v, out) -> {
                out.ensure(8);
                out.int32(4);
                out.int32((int) inRange(((Number) v).longValue(), Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"));
            } : null;
            case "int8" -> integral ? (v, out) -> {
                out.ensure(12);
                out.int32(8);
                out.int64(((Number) v).longValue());
            } : null;
            case "numeric" -> numeric ? PostgresEncoders::numeric : null;
            case "float4" -> numeric ? (v, out) -> {
                out.ensure(8);
                out.int32(4);
                out.int32(Float.floatToRawIntBits(((Number) v).floatValue()));
            } : null;
            case "float8" -> numeric ? (v, out) -> {
                out.ensure(12);
                out.int32(8);
                out.int64(Double.doubleToRawLongBits(((Number) v).doubleValue()));
            } : null;
            case "text" -> from == ColumnType.TEXT ? (v, out) -> out.text((String) v, -1) : null;
            // jsonb's binary form is a format version byte, then the JSON text.
            case "jsonb" -> from == ColumnType.TEXT ? (v, out) -> out.text((String) v, 1) : null;
            case "bytea" -> from == ColumnType.BYTES ? (v, out) -> out.field((byte[]) v) : null;
            case "uuid" -> from == ColumnType.UUID ? (v, out) -> {
                out.ensure(20);
                out.int32(16);
                out.int64(((UUID) v).getMostSignificantBits());
                out.int64(((UUID) v).getLeastSignificantBits());
            } : null;
            case "date" -> from == ColumnType.DATE ? (v, out) -> {
                out.ensure(8);
                out.int32(4);
                out.int32(days((LocalDate) v));
            } : null;
            case "time" -> from == ColumnType.TIME ? (v, out) -> {
                out.ensure(12);
                out.int32(8);
                out.int64(((LocalTime) v).toNanoOfDay() / 1_000);
            } : null;
            case "timestamp" -> from == ColumnType.TIMESTAMP ? (v, out) -> {
                out.ensure(12);
                out.int32(8);
                out.int64(micros((LocalDateTime) v));
            } : null;
            case "timestamptz" -> from == ColumnType.TIMESTAMPTZ ? (v, out) -> {
                out.ensure(12);
                out.int32(8);
                out.int64(micros((OffsetDateTime) v));
            } : null;
            default -> null;
        };
    }

    private static long inRange(long v, long min, long max, String type) {
        if (v < min || v > max) {
            throw new PipelineException(v + " does not fit a PostgreSQL " + type + " column");
        }
        return v;
    }

    /** Days since 2000-01-01; LocalDate.MIN/MAX stand for -infinity/infinity, as PgJDBC reads them. */
    static int days(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        return Math.toIntExact(d.toEpochDay() - EPOCH_DAY_2000);
    }

    /**
     * Microseconds since 2000-01-01 00:00, rounded to the nearest microsecond as PostgreSQL rounds
     * text input; LocalDateTime.MIN/MAX stand for -infinity/infinity, as PgJDBC reads them.
     */
    static long micros(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        long seconds = t.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECOND_2000;
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), (t.getNano() + 500L) / 1_000L);
    }

    /** Base-10000 digits, most significant first, of {@code value × 10^pad} (no overflow below 2^52). */
    private static short[] digits(long value, int pad) {
        long v = value * (pad == 0 ? 1 : pad == 1 ? 10 : pad == 2 ? 100 : 1000);
        int groups = 0;
        for (long t = v; t > 0; t /= 10_000) {
            groups++;
        }
        short[] out = new short[Math.max(groups, 1)];
        for (int g = out.length - 1; g >= 0; g--) {
            out[g] = (short) (v % 10_000);
            v /= 10_000;
        }
        return out;
    }

    /** The same, for decimals too long for a long: cut the decimal string in fours from the right. */
    private static short[] digits(String decimal, int pad) {
        int length = decimal.length() + pad;
        int groups = (length + 3) / 4;
        short[] digits = new short[groups];
        int end = length;
        for (int g = groups - 1; g >= 0; g--) {
            int start = Math.max(0, end - 4);
            int d = 0;
            for (int i = start; i < end; i++) {
                d = d * 10 + (i < decimal.length() ? decimal.charAt(i) - '0' : 0);
            }
            digits[g] = (short) d;
            end = start;
        }
        return digits;
    }

    /** As {@link #micros(LocalDateTime)}, for a point in time (OffsetDateTime.MIN/MAX: ±infinity). */
    static long micros(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(OffsetDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return micros(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    /**
     * PostgreSQL's binary numeric: digit count, weight (the power of 10000 of the first digit),
     * sign, display scale, then base-10000 digits, most significant first.
     */
    static void numeric(Object value, CopyBuffer out) throws SQLException {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            // NaN, and from PostgreSQL 14 infinity, are numeric values with a special sign word.
            int sign = d.isNaN() ? 0xC000 : d > 0 ? 0xD000 : 0xF000;
            out.ensure(12);
            out.int32(8);
            out.int16(0);
            out.int16(0);
            out.int16(sign);
            out.int16(0);
            return;
        }
        BigDecimal v = value instanceof BigDecimal b ? b
                : value instanceof Double d ? BigDecimal.valueOf(d)
                : BigDecimal.valueOf(((Number) value).longValue());
        int scale = Math.max(0, v.scale());
        BigInteger unscaled = v.scale() < 0 ? v.setScale(0).unscaledValue() : v.unscaledValue();
        int sign = unscaled.signum() < 0 ? 0x4000 : 0;
        // Pad the fraction to whole base-10000 digits; the decimal point then falls between two.
        int pad = (4 - scale % 4) % 4;
        short[] digits = unscaled.bitLength() <= 52 ? digits(Math.abs(unscaled.longValue()), pad)
                : digits(unscaled.abs().toString(), pad);
        int groups = digits.length;
        int fractionGroups = (scale + pad) / 4;
        int weight = groups - 1 - fractionGroups;
        int n = groups;
        while (n > 0 && digits[n - 1] == 0) {
            n--;
        }
        if (n == 0) {
            weight = 0;
            sign = 0;
        }
        out.ensure(12 + 2 * n);
        out.int32(8 + 2 * n);
        out.int16(n);
        out.int16(weight);
        out.int16(sign);
        out.int16(scale);
        for (int i = 0; i < n; i++) {
            out.int16(digits[i]);
        }
    }
}
