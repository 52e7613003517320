package io.strata.web;

import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.PipelineLineage;
import java.util.List;
import java.util.Locale;

/** Table → pipeline → table: what the CronJobs declare and what the runs read and wrote. */
final class LineagePage implements Page {

    @Override
    public String id() {
        return "lineage";
    }

    @Override
    public String title() {
        return "Lineage";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        LineageGraph graph = s.lineage();
        if (graph.pipelines().isEmpty()) {
            out.append("<p>No pipeline is declared in <code>k8s/</code> and none has run.</p>\n");
            return;
        }
        out.append("<table>\n<caption>Pipelines and their tables</caption>\n<thead><tr>");
        for (String column : List.of("Pipeline", "State", "Reads", "Writes")) {
            out.append("<th scope=\"col\">").append(column).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (PipelineLineage p : graph.pipelines()) {
            out.append("<tr").append(p.state() == PipelineLineage.State.MISMATCH ? " class=\"drift\"" : "")
                    .append("><th scope=\"row\" id=\"").append(Html.id("pipeline", p.name())).append("\">")
                    .append(Html.esc(p.name())).append("</th><td>")
                    .append(p.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td><td>");
            tables(out, p, Direction.READ);
            out.append("</td><td>");
            tables(out, p, Direction.WRITE);
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void tables(StringBuilder out, PipelineLineage p, Direction d) {
        out.append("<ul>");
        for (Edge e : p.edges()) {
            if (e.direction() == d) {
                out.append("<li>").append(Html.esc(e.table()));
                if (e.declared() != e.observed()) {
                    out.append(e.declared() ? " (declared, not in the runs)" : " (in the runs, not declared)");
                }
                out.append("</li>");
            }
        }
        out.append("</ul>");
    }
}
