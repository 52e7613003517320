package io.strata.web;

import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.layer.OrchestrationLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Per pipeline: its CronJob, schedule, next and last run, and the freshness of what it writes. */
final class PipelinesPage implements Page {

    @Override
    public String id() {
        return "pipelines";
    }

    @Override
    public String title() {
        return "Pipelines";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        Optional<ObservedLayer> layer = s.layer(OrchestrationLayer.NAME);
        Fragments.status(out, layer);
        if (layer.isPresent()) {
            List<List<String>> cronJobs = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String line : layer.get().status().details()) {
                cronJob(line).ifPresentOrElse(cronJobs::add, () -> other.add(line));
            }
            if (!cronJobs.isEmpty()) {
                out.append("<table>\n<caption>Scheduled CronJobs</caption>\n<thead><tr>");
                for (String column : List.of("Pipeline", "CronJob", "Schedule", "Next run", "Last run", "Freshness")) {
                    out.append("<th scope=\"col\">").append(column).append("</th>");
                }
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : cronJobs) {
                    out.append("<tr><th scope=\"row\">").append(Html.esc(row.get(0))).append("</th>");
                    for (int i = 1; i < row.size(); i++) {
                        out.append("<td>").append(Html.esc(row.get(i))).append("</td>");
                    }
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            }
            if (!other.isEmpty()) {
                out.append("<h3>Pending and drift</h3>\n<ul>\n");
                other.forEach(line -> out.append("<li>").append(Html.esc(line)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
    }

    /**
     * Splits ScheduleStatus's line {@code pipeline: cronjob  schedule (zone)  next ...  last run ...
     * [table freshness]...} into six cells; empty when the line has another shape (pending, drift,
     * an unparsable manifest).
     */
    static Optional<List<String>> cronJob(String line) {
        if (line.startsWith(" ") || line.startsWith("drift: ")) {
            return Optional.empty();
        }
        String[] parts = line.split(" {2}");
        int colon = parts[0].indexOf(": ");
        if (parts.length < 4 || colon < 0 || line.contains("cannot be scheduled")) {
            return Optional.empty();
        }
        List<String> freshness = List.of(parts).subList(4, parts.length);
        return Optional.of(List.of(parts[0].substring(0, colon), parts[0].substring(colon + 2), parts[1], parts[2],
                parts[3], String.join("; ", freshness)));
    }
}
