package io.strata.orchestration.cron;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The few operations of Go's {@code time.Time} that robfig/cron's {@code Next} uses, with Go's
 * semantics rather than java.time's. They differ where it matters for schedules: Go's
 * {@code time.Date} resolves a wall time that falls in a daylight-saving gap or repeat by its own
 * two-step offset lookup (a New York 02:30 in the spring gap becomes 01:30 EST, a Berlin 02:30 in
 * the autumn repeat becomes the second, CET one), where {@code ZonedDateTime.of} would move
 * forward in a gap and pick the earlier offset in a repeat. {@code AddDate} is {@code Date} with
 * the fields added, and {@code Truncate} works on absolute time, not on the wall clock.
 */
final class GoTime {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long epochSecond;
    private final int nano;
    private final ZoneRules rules;
    private final LocalDateTime wall;

    private GoTime(long epochSecond, int nano, ZoneRules rules) {
        this.epochSecond = epochSecond;
        this.nano = nano;
        this.rules = rules;
        ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(epochSecond));
        this.wall = LocalDateTime.ofEpochSecond(epochSecond, nano, offset);
    }

    /** {@code t.In(loc)}: the same instant, shown in {@code zone}. */
    static GoTime of(Instant instant, ZoneId zone) {
        return new GoTime(instant.getEpochSecond(), instant.getNano(), zone.getRules());
    }

    Instant instant() {
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    int year() {
        return wall.getYear();
    }

    int month() {
        return wall.getMonthValue();
    }

    int day() {
        return wall.getDayOfMonth();
    }

    int hour() {
        return wall.getHour();
    }

    int minute() {
        return wall.getMinute();
    }

    int second() {
        return wall.getSecond();
    }

    int nanosecond() {
        return nano;
    }

    /** Go's {@code Weekday}: Sunday is 0. */
    int weekday() {
        DayOfWeek day = wall.getDayOfWeek();
        return day.getValue() % 7;
    }

    /** {@code t.Add(d)}: absolute time, so an hour added across a DST change is 60 real minutes. */
    GoTime plusNanos(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long rest = Math.floorMod(nanos, NANOS_PER_SECOND) + nano;
        return new GoTime(epochSecond + seconds + rest / NANOS_PER_SECOND, (int) (rest % NANOS_PER_SECOND), rules);
    }

    /** {@code t.AddDate(years, months, days)}: {@link #date} with the wall-clock fields added. */
    GoTime addDate(int years, int months, int days) {
        return date(year() + years, month() + months, day() + days, hour(), minute(), second(), nano, rules);
    }

    /** {@code t.Truncate(d)} for a whole number of seconds: rounds down on absolute time. */
    GoTime truncateSeconds(long seconds) {
        // Go measures from 0001-01-01T00:00:00Z, a whole number of minutes before the Unix epoch.
        return new GoTime(epochSecond - Math.floorMod(epochSecond, seconds), 0, rules);
    }

    /**
     * {@code time.Date(year, month, day, hour, min, sec, nsec, loc)}: fields outside their ranges
     * carry over (month 13 is January of the next year), then the wall time becomes an instant by
     * Go's rule: look up the offset in force at the wall time read as UTC, subtract it, and if that
     * lands outside the period of that offset, use the offset in force there instead.
     */
    static GoTime date(long year, long month, long day, long hour, long min, long sec, long nsec, ZoneRules rules) {
        long monthIndex = month - 1;
        long normalizedYear = year + Math.floorDiv(monthIndex, 12);
        int normalizedMonth = (int) Math.floorMod(monthIndex, 12) + 1;
        long days = LocalDate.of(Math.toIntExact(normalizedYear), normalizedMonth, 1).toEpochDay() + (day - 1);
        long wallSeconds = days * 86_400 + hour * 3_600 + min * 60 + sec + Math.floorDiv(nsec, NANOS_PER_SECOND);
        int nanos = (int) Math.floorMod(nsec, NANOS_PER_SECOND);
        // Within the period of the first offset, the second lookup returns that same offset, so
        // one expression covers both of Go's branches.
        long firstGuess = offsetAt(rules, wallSeconds);
        long offset = offsetAt(rules, wallSeconds - firstGuess);
        return new GoTime(wallSeconds - offset, nanos, rules);
    }

    private static long offsetAt(ZoneRules rules, long epochSecond) {
        return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    ZoneRules rules() {
        return rules;
    }

    @Override
    public String toString() {
        return wall + " (" + rules.getOffset(Instant.ofEpochSecond(epochSecond)) + ")";
    }
}
