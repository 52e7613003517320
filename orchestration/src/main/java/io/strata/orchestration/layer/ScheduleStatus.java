package io.strata.orchestration.layer;

import io.strata.core.layer.LayerStatus;
import io.strata.core.plan.Change;
import io.strata.orchestration.registry.RegisteredCronJob;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code strata observe} says about orchestration: one line per scheduled CronJob (its
 * schedule, next run, last run and the freshness of the tables it writes), then the notices: what
 * is pending (declared but not applied) and what is drift (registry rows changed outside Strata, or
 * naming a pipeline whose folder is gone).
 */
public final class ScheduleStatus {

    private ScheduleStatus() {}

    static LayerStatus of(DeclaredSchedules desired, LiveSchedules live) {
        List<Change> pending = SchedulePlanner.changes(desired, live.registry());
        List<String> drift = drift(desired, live);
        List<String> details = new ArrayList<>();
        long stale = 0;
        List<ScheduledCronJob> cronJobs = ScheduledCronJob.of(live);
        for (ScheduledCronJob cronJob : cronJobs) {
            stale += cronJob.stale(live.observedAt());
            details.add(line(cronJob, live));
        }
        details.addAll(notices(pending, drift));

        String summary = cronJobs.size() + " CronJob(s) on the local scheduler"
                + (pending.isEmpty() ? "" : ", " + pending.size() + " change(s) pending")
                + (drift.isEmpty() ? "" : ", " + drift.size() + " changed outside Strata")
                + (stale == 0 ? "" : ", " + stale + " stale table(s)");
        LayerStatus.State state = !drift.isEmpty() ? LayerStatus.State.DRIFT
                : pending.isEmpty() ? LayerStatus.State.IN_SYNC : LayerStatus.State.PENDING;
        return new LayerStatus(OrchestrationLayer.NAME, state, summary, details);
    }

    /** The status lines after the CronJobs': what is pending, then what is drift. */
    public static List<String> notices(DeclaredSchedules desired, LiveSchedules live) {
        return notices(SchedulePlanner.changes(desired, live.registry()), drift(desired, live));
    }

    private static List<String> notices(List<Change> pending, List<String> drift) {
        List<String> lines = new ArrayList<>();
        pending.forEach(c -> lines.add(c.action().symbol() + " " + c.object() + " pending: " + c.summary()));
        lines.addAll(drift);
        return lines;
    }

    private static List<String> drift(DeclaredSchedules desired, LiveSchedules live) {
        List<String> drift = new ArrayList<>();
        List<RegisteredCronJob> rows = live.registry().stream()
                .sorted(Comparator.comparing(RegisteredCronJob::pipeline).thenComparing(RegisteredCronJob::name)).toList();
        for (RegisteredCronJob row : rows) {
            row.outOfBand().forEach(problem -> drift.add("drift: " + row.name() + ": " + problem));
            if (!desired.pipelines().contains(row.pipeline())) {
                drift.add("drift: " + row.name() + ": its pipeline folder pipelines/" + row.pipeline() + "/ is gone");
            }
        }
        return drift;
    }

    /**
     * {@code customers: customers-enrichment  0 3 * * * (UTC)  next 2026-11-27 03:00  last run succeeded
     * 2026-11-26 03:00:02 (4.1 s, scheduled, read 10,000, wrote 9,500)  marts.customers fresh (21 h old)}.
     */
    private static String line(ScheduledCronJob cronJob, LiveSchedules live) {
        StringBuilder line = new StringBuilder(cronJob.pipeline()).append(": ").append(cronJob.name()).append("  ");
        if (!cronJob.readable()) {
            return line.append("cannot be scheduled: its manifest does not parse").toString();
        }
        ZoneId zone = cronJob.zone();
        Instant now = live.observedAt();
        line.append(cronJob.schedule()).append(" (").append(Durations.zone(zone)).append(")  ");
        if (cronJob.suspended()) {
            line.append("suspended");
        } else {
            line.append(cronJob.next().map(next -> "next " + Durations.scheduled(next, zone)).orElse("never fires"));
        }
        line.append("  ").append(lastRun(live.runs().latest(cronJob.pipeline()), zone));
        cronJob.tables().forEach(f -> line.append("  ").append(f.describe(now)));
        return line.toString();
    }

    private static String lastRun(Optional<RecentRuns.Run> latest, ZoneId zone) {
        if (latest.isEmpty()) {
            return "never run";
        }
        RecentRuns.Run run = latest.get();
        if (run.endedAt() == null) {
            return "running since " + Durations.time(run.startedAt(), zone) + " (" + run.triggerLabel() + ")";
        }
        String line = "last run " + run.status() + " " + Durations.time(run.startedAt(), zone) + " ("
                + Durations.run(run.duration()) + ", " + run.triggerLabel() + ", read " + Durations.count(run.rowsRead())
                + ", wrote " + Durations.count(run.rowsWritten()) + ")";
        String error = run.errorLine();
        return error.isEmpty() ? line : line + ": " + error;
    }
}
