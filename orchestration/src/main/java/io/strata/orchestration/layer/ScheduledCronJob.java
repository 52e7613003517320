package io.strata.orchestration.layer;

import io.strata.core.error.StrataException;
import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.registry.RegisteredCronJob;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CronJob of the schedule registry as observe reports it: its schedule, when it fires next and
 * how fresh the tables it writes are, all computed from the live state alone. The terminal status
 * and the web page both read this, so that they cannot disagree.
 *
 * @param pipeline the pipeline it runs
 * @param name the CronJob's name
 * @param schedule the cron expression; null when its manifest does not parse
 * @param zone the zone its times are read and written in: its {@code timeZone}, or the scheduler's
 * @param suspended whether {@code spec.suspend} is true
 * @param nextRun when it fires next; null when suspended, when its schedule never fires, or when
 *     its manifest does not parse
 * @param tables the freshness of each table it declares in {@code strata.io/writes}
 */
public record ScheduledCronJob(String pipeline, String name, String schedule, ZoneId zone, boolean suspended,
        Instant nextRun, List<Freshness> tables) {

    public ScheduledCronJob {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        tables = List.copyOf(tables);
    }

    /** Every registry row, by pipeline then name. */
    public static List<ScheduledCronJob> of(LiveSchedules live) {
        return live.registry().stream()
                .sorted(Comparator.comparing(RegisteredCronJob::pipeline).thenComparing(RegisteredCronJob::name))
                .map(row -> of(row, live)).toList();
    }

    static ScheduledCronJob of(RegisteredCronJob row, LiveSchedules live) {
        CronJobManifest cronJob;
        try {
            cronJob = row.cronJob();
        } catch (StrataException unreadable) {
            return new ScheduledCronJob(row.pipeline(), row.name(), null, live.zone(), false, null, List.of());
        }
        CronJobSchedule schedule = cronJob.schedule();
        RecentRuns runs = live.runs();
        List<Freshness> tables = cronJob.lineage().writes().stream()
                .map(table -> Freshness.of(table, runs.lastWrite(table).orElse(null), row.createdAt(),
                        schedule.cron(), live.zone(), runs.usualDuration(row.pipeline())))
                .toList();
        Instant next = schedule.suspend() ? null
                : schedule.cron().next(live.observedAt().atZone(live.zone())).map(t -> t.toInstant()).orElse(null);
        return new ScheduledCronJob(row.pipeline(), row.name(), schedule.schedule(),
                schedule.zone().orElse(live.zone()), schedule.suspend(), next, tables);
    }

    /** False when the registry's manifest does not parse: it was changed outside Strata. */
    public boolean readable() {
        return schedule != null;
    }

    public Optional<Instant> next() {
        return Optional.ofNullable(nextRun);
    }

    /** How many of its tables are stale at {@code now}. */
    public long stale(Instant now) {
        return tables.stream().filter(f -> f.staleAt(now)).count();
    }
}
