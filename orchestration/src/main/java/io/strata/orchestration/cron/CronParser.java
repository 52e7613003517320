package io.strata.orchestration.cron;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * robfig/cron v3.0.1's {@code Parser.Parse} with the options of {@code ParseStandard}
 * ({@code Minute | Hour | Dom | Month | Dow | Descriptor}), including its leniencies, so that
 * every schedule the Kubernetes API server accepts is accepted here with the same meaning:
 * empty list items are skipped ({@code 1,,2}), {@code *-5} is {@code *}, {@code 5/15} means
 * 5-59/15, a step larger than the range selects only its start, numbers may carry a {@code +}
 * sign or leading zeros, and {@code *}/1 keeps the star bit.
 */
final class CronParser {

    /** A field of a five-field spec: its name for messages, bounds and names. */
    private record Field(String name, int min, int max, Map<String, Integer> names) {}

    private static final Field MINUTE = new Field("minute", 0, 59, Map.of());
    private static final Field HOUR = new Field("hour", 0, 23, Map.of());
    private static final Field DAY_OF_MONTH = new Field("day of month", 1, 31, Map.of());
    private static final Field MONTH = new Field("month", 1, 12, Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12)));
    private static final Field DAY_OF_WEEK = new Field("day of week", 0, 6, Map.of(
            "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6));
    private static final List<Field> FIELDS = List.of(MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK);

    private static final String EVERY = "@every ";

    private CronParser() {}

    static CronSchedule parseStandard(String spec) {
        if (spec.isEmpty()) {
            throw new InvalidScheduleException(spec, "the schedule is empty");
        }
        String rest = spec;
        ZoneId location = null; // Go's time.Local: the zone of the times the schedule is given
        if (rest.startsWith("TZ=") || rest.startsWith("CRON_TZ=")) {
            int space = rest.indexOf(' ');
            int equals = rest.indexOf('=');
            if (space < 0) {
                // robfig slices up to the space it assumes is there and panics.
                throw new InvalidScheduleException(spec,
                        "a `" + rest.substring(0, equals + 1) + "` prefix must be followed by a space and the schedule");
            }
            String name = rest.substring(equals + 1, space);
            if (!name.equals(GoTimeZone.LOCAL)) {
                Optional<ZoneId> zone = GoTimeZone.load(name);
                if (zone.isEmpty()) {
                    throw new InvalidScheduleException(spec, "unknown time zone `" + name + "`",
                            "name an IANA time zone, such as Europe/Berlin or America/New_York");
                }
                location = zone.get();
            }
            rest = GoStrings.trimSpace(rest.substring(space));
        }

        if (rest.startsWith("@")) {
            return descriptor(spec, rest, location);
        }

        List<String> fields = GoStrings.fields(rest);
        if (fields.size() != FIELDS.size()) {
            throw new InvalidScheduleException(spec, "expected exactly 5 fields (minute hour day-of-month month"
                    + " day-of-week), found " + fields.size());
        }
        long[] bits = new long[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            bits[i] = field(spec, fields.get(i), FIELDS.get(i));
        }
        return new SpecSchedule(spec, 1L, bits[0], bits[1], bits[2], bits[3], bits[4], location);
    }

    private static CronSchedule descriptor(String spec, String descriptor, ZoneId location) {
        long first = 1L; // bit 0: second 0, minute 0, hour 0
        long day1 = 1L << 1;
        long month1 = 1L << 1;
        long sunday = 1L;
        long allDays = all(DAY_OF_MONTH);
        long allMonths = all(MONTH);
        long allWeekdays = all(DAY_OF_WEEK);
        switch (descriptor) {
            case "@yearly", "@annually":
                return new SpecSchedule(spec, first, first, first, day1, month1, allWeekdays, location);
            case "@monthly":
                return new SpecSchedule(spec, first, first, first, day1, allMonths, allWeekdays, location);
            case "@weekly":
                return new SpecSchedule(spec, first, first, first, allDays, allMonths, sunday, location);
            case "@daily", "@midnight":
                return new SpecSchedule(spec, first, first, first, allDays, allMonths, allWeekdays, location);
            case "@hourly":
                return new SpecSchedule(spec, first, first, all(HOUR), allDays, allMonths, allWeekdays, location);
            default:
                break;
        }
        if (descriptor.startsWith(EVERY)) {
            try {
                return new ConstantDelaySchedule(spec, GoDuration.parse(descriptor.substring(EVERY.length())));
            } catch (GoDuration.Invalid e) {
                throw new InvalidScheduleException(spec, "@every needs a duration: " + e.getMessage());
            }
        }
        throw new InvalidScheduleException(spec, "unknown descriptor `" + descriptor + "`");
    }

    /** A comma-separated list of ranges; empty items are skipped, as Go's FieldsFunc does. */
    private static long field(String spec, String text, Field field) {
        long bits = 0;
        for (String range : GoStrings.split(text, ',')) {
            if (!range.isEmpty()) {
                bits |= range(spec, range, field);
            }
        }
        return bits;
    }

    /** {@code number | number "-" number} then an optional {@code "/" step}, or {@code *} / {@code ?}. */
    private static long range(String spec, String expr, Field field) {
        List<String> rangeAndStep = GoStrings.split(expr, '/');
        List<String> lowAndHigh = GoStrings.split(rangeAndStep.get(0), '-');
        boolean single = lowAndHigh.size() == 1;
        long start;
        long end;
        long extra = 0;
        if (lowAndHigh.get(0).equals("*") || lowAndHigh.get(0).equals("?")) {
            // robfig ignores whatever follows a star's hyphen: `*-5` is `*`.
            start = field.min();
            end = field.max();
            extra = SpecSchedule.STAR_BIT;
        } else {
            start = intOrName(spec, expr, lowAndHigh.get(0), field);
            switch (lowAndHigh.size()) {
                case 1 -> end = start;
                case 2 -> end = intOrName(spec, expr, lowAndHigh.get(1), field);
                default -> throw problem(spec, field, expr, "too many hyphens");
            }
        }
        long step;
        switch (rangeAndStep.size()) {
            case 1 -> step = 1;
            case 2 -> {
                step = integer(spec, expr, rangeAndStep.get(1), field);
                if (single) {
                    end = field.max();
                }
                if (step > 1) {
                    extra = 0;
                }
            }
            default -> throw problem(spec, field, expr, "too many slashes");
        }
        if (start < field.min()) {
            throw problem(spec, field, expr, "beginning of range (" + start + ") below minimum (" + field.min() + ")");
        }
        if (end > field.max()) {
            throw problem(spec, field, expr, "end of range (" + end + ") above maximum (" + field.max() + ")");
        }
        if (start > end) {
            throw problem(spec, field, expr, "beginning of range (" + start + ") beyond end of range (" + end + ")");
        }
        if (step == 0) {
            throw problem(spec, field, expr, "step of range should be a positive number");
        }
        return bits(start, end, step) | extra;
    }

    private static long intOrName(String spec, String expr, String text, Field field) {
        Integer named = field.names().get(GoStrings.toLower(text));
        return named != null ? named : integer(spec, expr, text, field);
    }

    /** Go's {@code strconv.Atoi} (an optional sign, ASCII digits, within int64), then not negative. */
    private static long integer(String spec, String expr, String text, Field field) {
        int digitsFrom = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        boolean digits = text.length() > digitsFrom;
        for (int i = digitsFrom; i < text.length(); i++) {
            digits &= text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        long value;
        try {
            if (!digits) {
                throw new NumberFormatException();
            }
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            String what = text.isEmpty() ? "a number is missing" : "`" + text + "` is not a number";
            String names = field.names().isEmpty() ? "" : " or a name (" + namesOf(field) + ")";
            throw problem(spec, field, expr, what + "; expected " + field.min() + "-" + field.max() + names);
        }
        if (value < 0) {
            throw problem(spec, field, expr, "negative number (" + value + ") not allowed");
        }
        return value;
    }

    private static String namesOf(Field field) {
        return field == MONTH ? "JAN-DEC" : "SUN-SAT";
    }

    private static long bits(long start, long end, long step) {
        if (step == 1) {
            return ~(-1L << (end + 1)) & (-1L << start);
        }
        long bits = 0;
        for (long i = start; i <= end; i += step) {
            bits |= 1L << i;
            if (step > end - i) {
                break;
            }
        }
        return bits;
    }

    private static long all(Field field) {
        return bits(field.min(), field.max(), 1) | SpecSchedule.STAR_BIT;
    }

    private static InvalidScheduleException problem(String spec, Field field, String expr, String what) {
        return new InvalidScheduleException(spec, field.name() + " field `" + expr + "`: " + what);
    }
}
