package io.strata.pipeline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** Equality, hashing and display of row values, shared by {@link Row} and the test helpers' diff. */
public final class Values {

    private Values() {}

    /**
     * SQL-like equality: decimals by numeric value, byte arrays by content, points in time by
     * instant (whatever their offset), null equals null.
     */
    public static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y);
        }
        return Objects.equals(a, b);
    }

    static int hash(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
        }
        if (v instanceof byte[] b) {
            return Arrays.hashCode(b);
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().hashCode();
        }
        return Objects.hashCode(v);
    }

    /** A value as a reader of a diff needs it: strings quoted and escaped, bytes in hex, null as null. */
    public static String show(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            s.codePoints().forEach(cp -> {
                switch (cp) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (cp < 0x20 || cp == 0x7f) {
                            out.append(String.format("\\u%04x", cp));
                        } else {
                            out.appendCodePoint(cp);
                        }
                    }
                }
            });
            return out.append('"').toString();
        }
        if (v instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }
}
