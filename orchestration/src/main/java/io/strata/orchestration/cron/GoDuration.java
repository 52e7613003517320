package io.strata.orchestration.cron;

import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which robfig/cron uses for {@code @every}: a signed sequence
 * of decimal numbers, each with an optional fraction and a unit ({@code ns us µs μs ms s m h}),
 * such as {@code 1h30m} or {@code 1.5h}. Reproduced rule for rule, including the unsigned 64-bit
 * overflow checks, so that a duration Go refuses is refused here too.
 */
final class GoDuration {

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L, // micro sign
            "\u03bcs", 1_000L, // Greek small letter mu
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    /** 1<<63, read as unsigned: Go sums magnitudes in a uint64 and allows up to it (for -1<<63). */
    private static final long TWO_TO_63 = Long.MIN_VALUE;
    private static final long TWO_TO_63_BY_10 = Long.divideUnsigned(TWO_TO_63, 10);

    /** Why Go refuses a duration; the parser turns it into an {@link InvalidScheduleException}. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private GoDuration() {}

    /** The duration in nanoseconds, as Go's int64 {@code time.Duration}. */
    static long parse(String text) throws Invalid {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw notADuration(text);
        }
        long total = 0; // unsigned
        while (!s.isEmpty()) {
            char first = s.charAt(0);
            if (!(first == '.' || isDigit(first))) {
                throw notADuration(text);
            }
            int i = 0;
            long whole = 0; // unsigned
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                if (Long.compareUnsigned(whole, TWO_TO_63_BY_10) > 0) {
                    throw tooLong(text);
                }
                whole = whole * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(whole, TWO_TO_63) > 0) {
                    throw tooLong(text);
                }
            }
            boolean digitsBefore = i > 0;
            s = s.substring(i);

            long fraction = 0; // unsigned
            double scale = 1;
            boolean digitsAfter = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int j = 0;
                boolean overflow = false;
                for (; j < s.length() && isDigit(s.charAt(j)); j++) {
                    // Go stops adding precision rather than failing on a long fraction.
                    if (overflow) {
                        continue;
                    }
                    if (Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long next = fraction * 10 + (s.charAt(j) - '0');
                    if (Long.compareUnsigned(next, TWO_TO_63) > 0) {
                        overflow = true;
                        continue;
                    }
                    fraction = next;
                    scale *= 10;
                }
                digitsAfter = j > 0;
                s = s.substring(j);
            }
            if (!digitsBefore && !digitsAfter) {
                throw notADuration(text);
            }

            int u = 0;
            while (u < s.length() && s.charAt(u) != '.' && !isDigit(s.charAt(u))) {
                u++;
            }
            if (u == 0) {
                throw new Invalid("`" + text + "` has a number without a unit (ns, us, ms, s, m or h)");
            }
            String unitText = s.substring(0, u);
            s = s.substring(u);
            Long unit = UNITS.get(unitText);
            if (unit == null) {
                throw new Invalid("`" + text + "` has an unknown unit `" + unitText + "` (use ns, us, ms, s, m or h)");
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_63, unit)) > 0) {
                throw tooLong(text);
            }
            long value = whole * unit;
            if (fraction != 0) {
                // float64 keeps nanosecond accuracy for fractions of an hour; the product is below 3.6e12.
                value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
                if (Long.compareUnsigned(value, TWO_TO_63) > 0) {
                    throw tooLong(text);
                }
            }
            total += value;
            if (Long.compareUnsigned(total, TWO_TO_63) > 0) {
                throw tooLong(text);
            }
        }
        if (negative) {
            return -total;
        }
        if (Long.compareUnsigned(total, Long.MAX_VALUE) > 0) {
            throw tooLong(text);
        }
        return total;
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? (double) value : (double) (value >>> 1) * 2.0 + (value & 1);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Invalid notADuration(String text) {
        return new Invalid("`" + text + "` is not a duration (write it as Go does, e.g. 90s, 1h30m or 1.5h)");
    }

    private static Invalid tooLong(String text) {
        return new Invalid("`" + text + "` is longer than Go's longest duration (about 292 years)");
    }
}
