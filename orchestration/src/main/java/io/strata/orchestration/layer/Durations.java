package io.strata.orchestration.layer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How observe writes times, durations and counts: short, and in the zone of the schedule. */
public final class Durations {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Durations() {}

    /** How long a run took: {@code 4.1 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
    public static String run(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** How old something is, roughly: {@code 40 s}, {@code 12 min}, {@code 21 h}, {@code 3 d}. */
    public static String age(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 48 * 3600) {
            return seconds / 3600 + " h";
        }
        return seconds / 86400 + " d";
    }

    /** {@code 2026-11-26 03:00:02}. */
    public static String time(Instant instant, ZoneId zone) {
        return SECONDS.format(instant.atZone(zone));
    }

    /** A scheduled time: {@code 2026-11-27 03:00}, with seconds only when it has some. */
    public static String scheduled(Instant instant, ZoneId zone) {
        return (instant.getEpochSecond() % 60 == 0 ? MINUTES : SECONDS).format(instant.atZone(zone));
    }

    /** {@code UTC} for UTC however it is spelled, else the zone's name. */
    public static String zone(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** {@code 10,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
