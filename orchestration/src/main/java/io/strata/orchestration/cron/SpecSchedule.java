package io.strata.orchestration.cron;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;

/**
 * A five-field schedule or a descriptor such as {@code @daily}: robfig/cron's
 * {@code SpecSchedule}, one bit set per field (bit n set = value n allowed) plus a "star" bit
 * (bit 63) that records that the field was written {@code *} or {@code ?} without a step above 1.
 * The star bit is what decides between AND and OR of day-of-month and day-of-week.
 */
public final class SpecSchedule implements CronSchedule {

    /** Bit 63: the field was {@code *} or {@code ?} (or {@code *}/1). */
    static final long STAR_BIT = 1L << 63;

    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final int SEARCH_YEARS = 5;

    private final String spec;
    private final long second;
    private final long minute;
    private final long hour;
    private final long dayOfMonth;
    private final long month;
    private final long dayOfWeek;
    private final ZoneId location;

    SpecSchedule(String spec, long second, long minute, long hour, long dayOfMonth, long month, long dayOfWeek,
            ZoneId location) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.second = second;
        this.minute = minute;
        this.hour = hour;
        this.dayOfMonth = dayOfMonth;
        this.month = month;
        this.dayOfWeek = dayOfWeek;
        this.location = location;
    }

    @Override
    public String spec() {
        return spec;
    }

    /**
     * The zone of a {@code TZ=}/{@code CRON_TZ=} prefix; empty when there is none (or it named
     * {@code Local}), in which case {@link #next} works in the zone of the time it is given, as
     * robfig does with {@code time.Local}.
     */
    public Optional<ZoneId> location() {
        return Optional.ofNullable(location);
    }

    /**
     * robfig's {@code SpecSchedule.Next}, step for step: start at the next whole second, then find
     * the first matching month, day, hour, minute and second in that order, resetting the smaller
     * fields the first time a field moves and starting over when one wraps. Days move by
     * {@code AddDate} and are pulled back to midnight when daylight saving moved them; hours,
     * minutes and seconds move by adding absolute time. Gives up after five years.
     */
    @Override
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZoneId original = after.getZone();
        ZoneRules rules = (location == null ? original : location).getRules();
        GoTime t = GoTime.of(after.toInstant(), location == null ? original : location);

        t = t.plusNanos(SECOND_NANOS - t.nanosecond());
        boolean added = false;
        int yearLimit = t.year() + SEARCH_YEARS;

        wrap:
        while (true) {
            if (t.year() > yearLimit) {
                return Optional.empty();
            }

            while ((1L << t.month() & month) == 0) {
                if (!added) {
                    added = true;
                    t = GoTime.date(t.year(), t.month(), 1, 0, 0, 0, 0, rules);
                }
                t = t.addDate(0, 1, 0);
                if (t.month() == 1) {
                    continue wrap;
                }
            }

            while (!dayMatches(t)) {
                if (!added) {
                    added = true;
                    t = GoTime.date(t.year(), t.month(), t.day(), 0, 0, 0, 0, rules);
                }
                t = t.addDate(0, 0, 1);
                // Where midnight does not exist, AddDate lands at another hour: robfig pulls it
                // back (or forward past 12) to the start of the day.
                if (t.hour() != 0) {
                    if (t.hour() > 12) {
                        t = t.plusNanos((24L - t.hour()) * 3_600 * SECOND_NANOS);
                    } else {
                        t = t.plusNanos(-t.hour() * 3_600 * SECOND_NANOS);
                    }
                }
                if (t.day() == 1) {
                    continue wrap;
                }
            }

            while ((1L << t.hour() & hour) == 0) {
                if (!added) {
                    added = true;
                    t = GoTime.date(t.year(), t.month(), t.day(), t.hour(), 0, 0, 0, rules);
                }
                t = t.plusNanos(3_600 * SECOND_NANOS);
                if (t.hour() == 0) {
                    continue wrap;
                }
            }

            while ((1L << t.minute() & minute) == 0) {
                if (!added) {
                    added = true;
                    t = t.truncateSeconds(60);
                }
                t = t.plusNanos(60 * SECOND_NANOS);
                if (t.minute() == 0) {
                    continue wrap;
                }
            }

            while ((1L << t.second() & second) == 0) {
                if (!added) {
                    added = true;
                    t = t.truncateSeconds(1);
                }
                t = t.plusNanos(SECOND_NANOS);
                if (t.second() == 0) {
                    continue wrap;
                }
            }

            return Optional.of(t.instant().atZone(original));
        }
    }

    /**
     * Day-of-month OR day-of-week, as in Vixie cron, except that when either field carries the
     * star bit both must match (so {@code 0 0 * * 1} is Mondays, not every day).
     */
    private boolean dayMatches(GoTime t) {
        boolean domMatch = (1L << t.day() & dayOfMonth) != 0;
        boolean dowMatch = (1L << t.weekday() & dayOfWeek) != 0;
        if ((dayOfMonth & STAR_BIT) != 0 || (dayOfWeek & STAR_BIT) != 0) {
            return domMatch && dowMatch;
        }
        return domMatch || dowMatch;
    }

    long secondBits() {
        return second;
    }

    long minuteBits() {
        return minute;
    }

    long hourBits() {
        return hour;
    }

    long dayOfMonthBits() {
        return dayOfMonth;
    }

    long monthBits() {
        return month;
    }

    long dayOfWeekBits() {
        return dayOfWeek;
    }

    @Override
    public String toString() {
        return spec;
    }
}
