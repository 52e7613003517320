package io.strata.orchestration.cron;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * Go's {@code time.LoadLocation} on IANA names: {@code ""} and {@code UTC} are UTC, {@code Local}
 * is the process's zone, anything else must be a zone of the tz database. java.time also accepts
 * offsets ({@code +02:00}, {@code UTC+2}) that Go refuses; those are refused here.
 */
public final class GoTimeZone {

    private GoTimeZone() {}

    /** The name Go gives the process's own zone. */
    public static final String LOCAL = "Local";

    /**
     * The zone {@code name} loads as in Go; empty when Go would refuse it. {@code Local} is not a
     * zone here: callers decide what the process's zone is.
     */
    public static Optional<ZoneId> load(String name) {
        if (name.isEmpty() || name.equals("UTC")) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (name.equals(LOCAL) || name.contains("..") || name.startsWith("/") || name.startsWith("\\")) {
            return Optional.empty();
        }
        Set<String> known = ZoneId.getAvailableZoneIds();
        return known.contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }
}
