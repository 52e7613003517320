package io.strata.orchestration.cron;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads times written as robfig/cron's tests write them ({@code getTime} in spec_test.go):
 * {@code Mon Jul 9 15:04 2012}, with optional seconds and the weekday ignored, in the local zone (here UTC);
 * {@code 2012-03-11T00:00:00-0500} at a fixed offset; a {@code TZ=Zone } prefix puts the time in
 * that zone. Also builds robfig's six-field test schedules, whose seconds field the standard
 * parser does not have.
 */
final class RobfigTimes {

    private static final List<DateTimeFormatter> LOCAL_LAYOUTS = List.of(
            DateTimeFormatter.ofPattern("MMM d HH:mm yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS yyyy", Locale.ENGLISH));
    private static final DateTimeFormatter OFFSET_LAYOUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    /** The seconds fields robfig's TestNext uses, as bits. */
    private static final Map<String, Long> SECONDS = Map.of("0", 1L, "15/35", 1L << 15 | 1L << 50);

    private RobfigTimes() {}

    static ZonedDateTime time(String value) {
        ZoneId zone = ZoneOffset.UTC;
        if (value.startsWith("TZ=")) {
            String[] parts = value.split(" ", 2);
            zone = ZoneId.of(parts[0].substring(3));
            value = parts[1];
        }
        // Go's Parse does not check the weekday, and some of robfig's are wrong (Thu Jul 11 2012).
        String withoutWeekday = value.replaceFirst("^[A-Z][a-z]{2} ", "");
        for (DateTimeFormatter layout : LOCAL_LAYOUTS) {
            try {
                return LocalDateTime.parse(withoutWeekday, layout).atZone(zone);
            } catch (DateTimeParseException notThisLayout) {
                // try the next
            }
        }
        OffsetDateTime fixed = OffsetDateTime.parse(value, OFFSET_LAYOUT);
        return zone.equals(ZoneOffset.UTC) ? fixed.toZonedDateTime() : fixed.atZoneSameInstant(zone);
    }

    /** robfig's {@code secondParser} on a six-field spec, by way of the standard parser. */
    static SpecSchedule withSeconds(String spec) {
        String prefix = "";
        String fields = spec;
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            prefix = spec.substring(0, space + 1);
            fields = spec.substring(space + 1);
        }
        String[] parts = fields.split(" ", 2);
        Long seconds = SECONDS.get(parts[0]);
        if (seconds == null) {
            throw new IllegalArgumentException("no bits for seconds field " + parts[0]);
        }
        SpecSchedule five = (SpecSchedule) CronSchedule.parse(prefix + parts[1]);
        return new SpecSchedule(spec, seconds, five.minuteBits(), five.hourBits(), five.dayOfMonthBits(),
                five.monthBits(), five.dayOfWeekBits(), five.location().orElse(null));
    }
}
