package io.strata.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as people read them, with the exact value kept for machines. */
final class HumanTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HumanTime() {}

    /** {@code <time datetime="2026-01-02T03:04:05Z">2026-01-02 03:04:05 UTC</time>}, or empty for no time. */
    static String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return "<time datetime=\"" + instant + "\">" + SECONDS.format(instant) + "</time>";
    }

    /** {@code 35 ms}, {@code 1.2 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return Math.max(0, millis) + " ms";
        }
        if (millis < 59_950) { // so that 59.96 s reads 1 min 0 s, not 60.0 s
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
