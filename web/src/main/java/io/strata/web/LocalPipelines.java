package io.strata.web;

import io.strata.orchestration.layer.DeclaredSchedules;
import io.strata.orchestration.layer.Durations;
import io.strata.orchestration.layer.Freshness;
import io.strata.orchestration.layer.LiveSchedules;
import io.strata.orchestration.layer.RecentRuns;
import io.strata.orchestration.layer.ScheduleStatus;
import io.strata.orchestration.layer.ScheduledCronJob;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The pipelines table for the local scheduler: per pipeline its CronJobs from the schedule
 * registry, its latest runs from the run records, and the freshness of the tables it writes. Next
 * runs and freshness are {@link ScheduledCronJob}'s, the same the terminal status prints.
 */
final class LocalPipelines {

    private static final List<String> COLUMNS = List.of("Pipeline", "CronJob", "Schedule", "Next run", "Last runs",
            "Latest run", "Tables written");

    private LocalPipelines() {}

    /** @param desired null when the layer's files were not read; then pending and drift are not shown */
    static void write(StringBuilder out, LiveSchedules live, DeclaredSchedules desired) {
        Map<String, List<ScheduledCronJob>> byPipeline = new LinkedHashMap<>();
        ScheduledCronJob.of(live).forEach(c -> byPipeline.computeIfAbsent(c.pipeline(), p -> new ArrayList<>()).add(c));
        // A declared pipeline not scheduled yet, and one that only ran by hand, have a row too.
        TreeSet<String> pipelines = new TreeSet<>(byPipeline.keySet());
        pipelines.addAll(live.runs().history().keySet());
        if (desired != null) {
            pipelines.addAll(desired.pipelines());
        }
        if (pipelines.isEmpty()) {
            out.append("<p>No pipeline: <code>pipelines/</code> holds none, and none has run.</p>\n");
        } else {
            PipelinesPage.tableHead(out, "Pipelines on the local scheduler, with their last "
                    + RecentRuns.RECENT + " runs", COLUMNS);
            for (String pipeline : pipelines) {
                row(out, pipeline, byPipeline.getOrDefault(pipeline, List.of()), live);
            }
            out.append("</tbody>\n</table>\n");
        }
        if (desired != null) {
            PipelinesPage.notices(out, ScheduleStatus.notices(desired, live));
        }
    }

    private static void row(StringBuilder out, String pipeline, List<ScheduledCronJob> cronJobs, LiveSchedules live) {
        Instant now = live.observedAt();
        boolean stale = cronJobs.stream().anyMatch(c -> c.stale(now) > 0);
        // Times are written in the zone of the pipeline's (first) schedule, as the terminal status does.
        ZoneId zone = cronJobs.isEmpty() ? live.zone() : cronJobs.get(0).zone();
        List<RecentRuns.Run> runs = live.runs().history(pipeline);
        out.append("<tr id=\"").append(Html.id("pipelines-row", pipeline)).append('"')
                .append("><th scope=\"row\">").append(Html.esc(pipeline))
                .append("</th><td>");
        if (cronJobs.isEmpty()) {
            out.append("not scheduled");
        }
        lines(out, cronJobs, c -> Html.esc(c.name()) + (c.readable() ? "" : " (its manifest does not parse)"));
        out.append("</td><td>");
        lines(out, cronJobs, c -> c.readable()
                ? "<code>" + Html.esc(c.schedule()) + "</code> (" + Html.esc(Durations.zone(c.zone())) + ")" : "");
        out.append("</td><td>");
        lines(out, cronJobs, c -> !c.readable() ? "" : c.suspended() ? "<span class=\"suspended\">suspended</span>"
                : c.next().map(t -> "<time>" + Html.esc(Durations.scheduled(t, c.zone())) + "</time>")
                        .orElse("never fires"));
        out.append("</td><td>");
        List<RunTimeline.Mark> marks = new ArrayList<>(runs.size());
        for (int i = runs.size() - 1; i >= 0; i--) {
            marks.add(mark(runs.get(i), zone));
        }
        RunTimeline.write(out, marks, "Last " + runs.size() + " run(s) of " + Html.esc(pipeline) + ", oldest first",
                runs.isEmpty() ? "" : Durations.time(runs.get(runs.size() - 1).startedAt(), zone),
                runs.isEmpty() ? "" : Durations.time(runs.get(0).startedAt(), zone));
        out.append("</td><td>");
        latest(out, runs, zone);
        out.append("</td><td").append(stale ? " class=\"stale\"" : "").append('>');
        tables(out, cronJobs, now);
        out.append("</td></tr>\n");
    }

    /** One line per CronJob: most pipelines have one, and then the cell holds only its text. */
    private static void lines(StringBuilder out, List<ScheduledCronJob> cronJobs,
            Function<ScheduledCronJob, String> html) {
        for (int i = 0; i < cronJobs.size(); i++) {
            out.append(i == 0 ? "" : "<br>").append(html.apply(cronJobs.get(i)));
        }
    }

    static RunTimeline.Mark mark(RecentRuns.Run run, ZoneId zone) {
        String text = run.endedAt() == null
                ? "running since " + Durations.time(run.startedAt(), zone) + ", " + run.triggerLabel()
                : run.status() + " " + Durations.time(run.startedAt(), zone) + ", " + Durations.run(run.duration())
                        + ", " + run.triggerLabel() + ", read " + Durations.count(run.rowsRead()) + ", wrote "
                        + Durations.count(run.rowsWritten());
        return new RunTimeline.Mark(run.status(), text, run.endedAt() == null ? null : run.duration());
    }

    private static void latest(StringBuilder out, List<RecentRuns.Run> runs, ZoneId zone) {
        if (runs.isEmpty()) {
            out.append("never run");
            return;
        }
        RecentRuns.Run run = runs.get(0);
        out.append("<span class=\"run-status\" data-status=\"").append(Html.esc(run.status())).append("\">")
                .append(Html.esc(run.status())).append("</span> ");
        if (run.endedAt() == null) {
            out.append("since <time>").append(Durations.time(run.startedAt(), zone)).append("</time> (")
                    .append(Html.esc(run.triggerLabel())).append(')');
            return;
        }
        out.append("<time>").append(Durations.time(run.startedAt(), zone)).append("</time> (")
                .append(Durations.run(run.duration())).append(", ").append(Html.esc(run.triggerLabel()))
                .append(")<br>read ").append(Durations.count(run.rowsRead())).append(", wrote ")
                .append(Durations.count(run.rowsWritten()));
        if (!run.errorLine().isEmpty()) {
            out.append("<br><span class=\"error\">").append(Html.esc(run.errorLine())).append("</span>");
        }
    }

    private static void tables(StringBuilder out, List<ScheduledCronJob> cronJobs, Instant now) {
        List<Freshness> tables = cronJobs.stream().flatMap(c -> c.tables().stream()).toList();
        if (tables.isEmpty()) {
            out.append(cronJobs.isEmpty() ? "" : "none declared");
            return;
        }
        out.append("<ul>");
        for (Freshness f : tables) {
            // describe() says "stale" in words; the class only adds the colour.
            out.append("<li").append(f.staleAt(now) ? " class=\"stale\"" : "").append('>')
                    .append(Html.esc(f.describe(now))).append("</li>");
        }
        out.append("</ul>");
    }
}
