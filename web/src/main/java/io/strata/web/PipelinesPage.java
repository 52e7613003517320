package io.strata.web;

import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.kubernetes.DesiredCluster;
import io.strata.orchestration.kubernetes.LiveCluster;
import io.strata.orchestration.kubernetes.ManagedCronJob;
import io.strata.orchestration.layer.DeclaredSchedules;
import io.strata.orchestration.layer.LiveSchedules;
import io.strata.orchestration.layer.OrchestrationLayer;
import java.util.List;
import java.util.Optional;

/**
 * Per pipeline: its CronJobs, schedule, next run, its latest runs as a timeline, and the freshness
 * of what it writes; then what is pending and what is drift. On the local scheduler from the
 * registry and the run records, in a Kubernetes environment from the cluster's CronJobs and Jobs.
 */
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
        if (layer.isEmpty()) {
            return;
        }
        Optional<LiveSchedules> local = s.live(LiveSchedules.class);
        Optional<LiveCluster> cluster = s.live(LiveCluster.class);
        if (local.isPresent() || cluster.isPresent()) {
            out.append("<p><label for=\"pipelines-filter\">Filter pipelines</label> <input id=\"pipelines-filter\""
                    + " type=\"search\" autocomplete=\"off\"></p>\n");
        }
        if (local.isPresent()) {
            LocalPipelines.write(out, local.get(), s.desired(DeclaredSchedules.class).orElse(null));
        } else if (cluster.isPresent()) {
            List<String> details = layer.get().status().details();
            // The cluster's status lists one line per managed CronJob first; what follows is pending and drift.
            int cronJobs = Math.min(details.size(), ManagedCronJob.of(cluster.get()).size());
            ClusterPipelines.write(out, cluster.get(), s.desired(DesiredCluster.class).orElse(null),
                    details.subList(cronJobs, details.size()));
        } else {
            // Not in use (no k8s/ nor pipelines/ folder), or a status without its states: its lines, as the terminal prints them.
            notices(out, layer.get().status().details());
        }
    }

    /** The table's start up to its body: {@code caption} must be escaped already. */
    static void tableHead(StringBuilder out, String caption, List<String> columns) {
        out.append("<table id=\"pipelines-table\">\n<caption>").append(caption).append("</caption>\n<thead><tr>");
        columns.forEach(c -> out.append("<th scope=\"col\">").append(c).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
    }

    /** The layer's lines that are not one pipeline's: what is pending, what is drift. */
    static void notices(StringBuilder out, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("<h3>Pending and drift</h3>\n<ul class=\"notices\">\n");
        for (String line : lines) {
            out.append("<li").append(line.startsWith("drift: ") ? " class=\"drift\"" : "").append('>')
                    .append(Html.esc(line)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    @Override
    public String css() {
        return """
                #pipelines .timeline { display: flex; align-items: flex-end; gap: 2px; height: 1.7rem; margin: 0;
                                       padding: 0; list-style: none; }
                #pipelines .timeline li { width: .75rem; min-height: .6rem; border-radius: 2px; color: #fff;
                                          font-size: .65rem; line-height: 1; text-align: center; overflow: hidden; }
                #pipelines [data-status] { background: #5f5f5f; }
                #pipelines [data-status="succeeded"] { background: #1e6b34; }
                #pipelines [data-status="failed"] { background: #a3221b; }
                #pipelines [data-status="running"] { background: #0b4f9c; }
                #pipelines .run-status { color: #fff; border-radius: .3rem; padding: 0 .35rem; font-weight: 600; }
                #pipelines .run-text { position: absolute; width: 1px; height: 1px; overflow: hidden;
                                       clip: rect(0 0 0 0); white-space: nowrap; }
                #pipelines .axis { display: flex; justify-content: space-between; gap: .5rem; font-size: .75rem;
                                   color: #4a4a4a; }
                #pipelines td.stale { background: #fdecea; }
                #pipelines li.stale { color: #8a1c12; font-weight: 600; }
                #pipelines .notices li.drift { color: #8a1c12; }
                #pipelines .suspended { font-weight: 600; }
                #pipelines .error { color: #8a1c12; }
                #pipelines-filter:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
                @media print {
                  #pipelines p:has(#pipelines-filter) { display: none; }
                  #pipelines .timeline li, #pipelines .run-status, #pipelines td.stale {
                    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
                }
                """;
    }

    /** The filter hides the rows whose pipeline name does not contain what is typed. */
    @Override
    public String script() {
        return """
                (function () {
                  var input = document.getElementById('pipelines-filter');
                  var table = document.getElementById('pipelines-table');
                  if (!input || !table) { return; }
                  input.addEventListener('input', function () {
                    var q = input.value.trim().toLowerCase();
                    table.querySelectorAll('tbody tr').forEach(function (row) {
                      var name = row.querySelector('th').textContent.toLowerCase();
                      row.hidden = q !== '' && name.indexOf(q) < 0;
                    });
                  });
                })();
                """;
    }
}
