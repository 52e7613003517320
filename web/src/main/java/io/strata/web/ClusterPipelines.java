package io.strata.web;

import io.strata.orchestration.kubernetes.DesiredCluster;
import io.strata.orchestration.kubernetes.LiveCluster;
import io.strata.orchestration.kubernetes.ManagedCronJob;
import io.strata.orchestration.layer.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pipelines table for a Kubernetes environment: per pipeline the CronJobs Strata manages in
 * the namespace, their schedule and suspension, and the Jobs the cluster still holds for them (its
 * history limits decide how many). Run records are not read here: the cluster is what is live.
 */
final class ClusterPipelines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final List<String> COLUMNS = List.of("Pipeline", "CronJob", "Schedule", "Suspended", "Image",
            "Last Jobs", "Latest Job");

    private ClusterPipelines() {}

    /**
     * @param desired null when the layer's files were not read
     * @param notices the layer's status lines after the CronJobs': pending and drift
     */
    static void write(StringBuilder out, LiveCluster live, DesiredCluster desired, List<String> notices) {
        Map<String, List<ManagedCronJob>> byPipeline = new TreeMap<>();
        ManagedCronJob.of(live).forEach(c -> byPipeline.computeIfAbsent(c.pipeline(), p -> new ArrayList<>()).add(c));
        Map<String, List<String>> notApplied = new LinkedHashMap<>();
        if (desired != null) {
            desired.cronJobs().forEach(c -> {
                byPipeline.putIfAbsent(c.pipeline(), new ArrayList<>());
                if (byPipeline.get(c.pipeline()).stream().noneMatch(m -> m.name().equals(c.name()))) {
                    notApplied.computeIfAbsent(c.pipeline(), p -> new ArrayList<>()).add(c.name());
                }
            });
        }
        if (byPipeline.isEmpty()) {
            out.append("<p>No CronJob of Strata's in namespace <code>").append(Html.esc(live.namespace()))
                    .append("</code>, and <code>k8s/</code> declares none.</p>\n");
        } else {
            PipelinesPage.tableHead(out, "Pipelines in namespace " + Html.esc(live.namespace()), COLUMNS);
            byPipeline.forEach((pipeline, cronJobs) ->
                    row(out, pipeline, cronJobs, notApplied.getOrDefault(pipeline, List.of())));
            out.append("</tbody>\n</table>\n");
        }
        PipelinesPage.notices(out, notices);
    }

    private static void row(StringBuilder out, String pipeline, List<ManagedCronJob> cronJobs, List<String> notApplied) {
        out.append("<tr id=\"").append(Html.id("pipelines-row", pipeline)).append("\"><th scope=\"row\">")
                .append(Html.esc(pipeline)).append("</th><td>");
        List<String> names = new ArrayList<>();
        cronJobs.forEach(c -> names.add(Html.esc(c.name())));
        notApplied.forEach(n -> names.add(Html.esc(n) + " (not in the cluster yet)"));
        out.append(String.join("<br>", names)).append("</td><td>");
        out.append(String.join("<br>", cronJobs.stream().map(c -> "<code>" + Html.esc(c.schedule()) + "</code> ("
                + (c.timeZone() == null ? "the controller's zone" : Html.esc(c.timeZone())) + ")").toList()));
        out.append("</td><td>");
        out.append(String.join("<br>", cronJobs.stream()
                .map(c -> c.suspended() ? "<span class=\"suspended\">suspended</span>" : "no").toList()));
        out.append("</td><td>");
        out.append(String.join("<br>", cronJobs.stream()
                .map(c -> c.image() == null ? "as in the manifest" : "<code>" + Html.esc(c.image()) + "</code>")
                .toList()));
        out.append("</td><td>");
        List<ManagedCronJob.ClusterJob> jobs = cronJobs.stream().flatMap(c -> c.jobs().stream())
                .sorted(Comparator.comparing(j -> j.startedAt() == null ? Instant.MAX : j.startedAt()))
                .toList();
        List<RunTimeline.Mark> marks = jobs.stream().map(ClusterPipelines::mark).toList();
        RunTimeline.write(out, marks, "Jobs of " + Html.esc(pipeline) + ", oldest first",
                jobs.isEmpty() ? "" : time(jobs.get(0)), jobs.isEmpty() ? "" : time(jobs.get(jobs.size() - 1)));
        out.append("</td><td>");
        if (jobs.isEmpty()) {
            out.append("no Job yet");
        } else {
            ManagedCronJob.ClusterJob last = jobs.get(jobs.size() - 1);
            out.append("<span class=\"run-status\" data-status=\"").append(status(last)).append("\">")
                    .append(Html.esc(last.outcome())).append("</span> ").append(Html.esc(mark(last).text()));
            if (!last.pods().isEmpty()) {
                out.append("<ul>");
                last.pods().forEach(p -> out.append("<li>").append(Html.esc(p)).append("</li>"));
                out.append("</ul>");
            }
        }
        out.append("</td></tr>\n");
    }

    /** A Job waiting for its Pod counts as running: it is not over. */
    private static String status(ManagedCronJob.ClusterJob job) {
        return switch (job.outcome()) {
            case "succeeded", "failed" -> job.outcome();
            default -> "running";
        };
    }

    private static RunTimeline.Mark mark(ManagedCronJob.ClusterJob job) {
        Duration took = job.startedAt() != null && job.endedAt() != null
                ? Duration.between(job.startedAt(), job.endedAt()) : null;
        String text = "Job " + job.name() + " " + job.outcome() + (job.reason() == null ? "" : " (" + job.reason() + ")")
                + (job.startedAt() == null ? ", not started" : ", started " + TIME.format(job.startedAt()))
                + (took == null ? "" : ", " + Durations.run(took));
        return new RunTimeline.Mark(status(job), text, took);
    }

    private static String time(ManagedCronJob.ClusterJob job) {
        return job.startedAt() == null ? "not started" : TIME.format(job.startedAt());
    }
}
