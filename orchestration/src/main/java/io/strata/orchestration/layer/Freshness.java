package io.strata.orchestration.layer;

import io.strata.orchestration.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a table a scheduled pipeline writes is as recent as its schedule promises. The rule
 * (docs/orchestration.md): a table is <b>stale</b> when two scheduled times have passed since it
 * was last written by a successful run, plus the pipeline's usual run time, with no newer write;
 * that is, two runs in a row missed or failed. Counting scheduled times rather than a fixed
 * interval keeps a weekday schedule fresh over the weekend. A table never written counts from
 * when its CronJob was first applied.
 *
 * @param table the table, as {@code strata.io/writes} names it
 * @param lastWrite when the latest successful run that wrote it ended; null when none did
 * @param staleSince from when the rule calls it stale; null when its schedule never fires
 */
public record Freshness(String table, Instant lastWrite, Instant staleSince) {

    public Freshness {
        Objects.requireNonNull(table, "table");
    }

    /**
     * @param lastWrite when a successful run last wrote the table; null for never
     * @param createdAt when the CronJob was first applied
     * @param zone the zone the schedule is read in (its timeZone, or the scheduler's own)
     * @param usualDuration how long the pipeline's successful runs usually take
     */
    static Freshness of(String table, Instant lastWrite, Instant createdAt, CronSchedule schedule, ZoneId zone,
            Duration usualDuration) {
        Instant from = lastWrite == null ? createdAt : lastWrite;
        Optional<Instant> secondRun = schedule.next(from.atZone(zone))
                .flatMap(first -> schedule.next(first))
                .map(second -> second.toInstant());
        return new Freshness(table, lastWrite, secondRun.map(t -> t.plus(usualDuration)).orElse(null));
    }

    public boolean staleAt(Instant now) {
        return staleSince != null && now.isAfter(staleSince);
    }

    /** {@code marts.customers fresh (21 h old)}, {@code ... stale (3 d old)}, {@code ... not written yet}. */
    public String describe(Instant now) {
        if (lastWrite == null) {
            return table + (staleAt(now) ? " stale (never written)" : " not written yet");
        }
        return table + (staleAt(now) ? " stale (" : " fresh (") + Durations.age(Duration.between(lastWrite, now)) + " old)";
    }
}
