package io.strata.orchestration.layer;

import io.strata.core.error.StrataException;
import io.strata.core.layer.LayerStatus;
import io.strata.core.plan.Change;
import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.registry.RegisteredCronJob;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code strata observe} says about orchestration: one line per scheduled CronJob (its
 * schedule, next run, last run and the freshness of the tables it writes), then what is pending
 * (declared but not applied) and what is drift (registry rows changed outside Strata, or naming a
 * pipeline whose folder is gone).
 */
final class ScheduleStatus {

    private ScheduleStatus() {}

    static LayerStatus of(DeclaredSchedules desired, LiveSchedules live, List<Change> pending, ZoneId schedulerZone) {
        List<String> details = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        int stale = 0;
        List<RegisteredCronJob> rows = live.registry().stream()
                .sorted(Comparator.comparing(RegisteredCronJob::pipeline).thenComparing(RegisteredCronJob::name)).toList();
        for (RegisteredCronJob row : rows) {
            row.outOfBand().forEach(problem -> drift.add("drift: " + row.name() + ": " + problem));
            if (!desired.pipelines().contains(row.pipeline())) {
                drift.add("drift: " + row.name() + ": its pipeline folder pipelines/" + row.pipeline() + "/ is gone");
            }
            CronJobManifest cronJob;
            try {
                cronJob = row.cronJob();
            } catch (StrataException unreadable) {
                details.add(row.pipeline() + ": " + row.name() + "  cannot be scheduled: its manifest does not parse");
                continue;
            }
            List<Freshness> tables = freshness(cronJob, row, live, schedulerZone);
            stale += (int) tables.stream().filter(f -> f.staleAt(live.observedAt())).count();
            details.add(line(row, cronJob, tables, live, schedulerZone));
        }
        pending.forEach(c -> details.add(c.action().symbol() + " " + c.object() + " pending: " + c.summary()));
        details.addAll(drift);

        String summary = rows.size() + " CronJob(s) on the local scheduler"
                + (pending.isEmpty() ? "" : ", " + pending.size() + " change(s) pending")
                + (drift.isEmpty() ? "" : ", " + drift.size() + " changed outside Strata")
                + (stale == 0 ? "" : ", " + stale + " stale table(s)");
        LayerStatus.State state = !drift.isEmpty() ? LayerStatus.State.DRIFT
                : pending.isEmpty() ? LayerStatus.State.IN_SYNC : LayerStatus.State.PENDING;
        return new LayerStatus(OrchestrationLayer.NAME, state, summary, details);
    }

    private static List<Freshness> freshness(CronJobManifest cronJob, RegisteredCronJob row, LiveSchedules live,
            ZoneId schedulerZone) {
        RecentRuns runs = live.runs();
        return cronJob.lineage().writes().stream()
                .map(table -> Freshness.of(table, runs.lastWrite(table).orElse(null), row.createdAt(),
                        cronJob.schedule().cron(), schedulerZone, runs.usualDuration(row.pipeline())))
                .toList();
    }

    /**
     * {@code customers: customers-enrichment  0 3 * * * (UTC)  next 2026-11-27 03:00  last run succeeded
     * 2026-11-26 03:00:02 (4.1 s, scheduled, read 10,000, wrote 9,500)  marts.customers fresh (21 h old)}.
     */
    private static String line(RegisteredCronJob row, CronJobManifest cronJob, List<Freshness> tables,
            LiveSchedules live, ZoneId schedulerZone) {
        CronJobSchedule schedule = cronJob.schedule();
        ZoneId zone = schedule.zone().orElse(schedulerZone);
        Instant now = live.observedAt();
        StringBuilder line = new StringBuilder(row.pipeline()).append(": ").append(row.name()).append("  ")
                .append(schedule.schedule()).append(" (").append(Durations.zone(zone)).append(")  ");
        if (schedule.suspend()) {
            line.append("suspended");
        } else {
            line.append(schedule.cron().next(now.atZone(schedulerZone))
                    .map(next -> "next " + Durations.scheduled(next.toInstant(), zone)).orElse("never fires"));
        }
        line.append("  ").append(lastRun(live.runs().latest(row.pipeline()), zone));
        tables.forEach(f -> line.append("  ").append(f.describe(now)));
        return line.toString();
    }

    private static String lastRun(Optional<RecentRuns.Run> latest, ZoneId zone) {
        if (latest.isEmpty()) {
            return "never run";
        }
        RecentRuns.Run run = latest.get();
        String trigger = run.trigger().equals("schedule") ? "scheduled" : run.trigger();
        if (run.endedAt() == null) {
            return "running since " + Durations.time(run.startedAt(), zone) + " (" + trigger + ")";
        }
        String line = "last run " + run.status() + " " + Durations.time(run.startedAt(), zone) + " ("
                + Durations.run(run.duration()) + ", " + trigger + ", read " + Durations.count(run.rowsRead())
                + ", wrote " + Durations.count(run.rowsWritten()) + ")";
        if (run.error() != null && !run.error().isBlank()) {
            String first = run.error().strip().lines().findFirst().orElse("");
            line += ": " + (first.length() > 120 ? first.substring(0, 117) + "..." : first);
        }
        return line;
    }
}
