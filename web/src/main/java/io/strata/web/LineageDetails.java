package io.strata.web;

import io.strata.access.audit.TableReaders;
import io.strata.access.model.Names;
import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.PipelineLineage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One details block per node of the lineage graph, below it: what a click on a node shows. Without
 * script every block is shown, so the page reads as a list of pipelines and tables.
 */
final class LineageDetails {

    private LineageDetails() {}

    static String state(PipelineLineage.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static void pipeline(StringBuilder out, LineageView view, LineageView.PipelineNode node) {
        PipelineLineage p = node.lineage();
        out.append("<article class=\"details details-pipeline").append(view.mismatch(node) ? " mismatch" : "")
                .append("\" id=\"").append(Html.id("details-pipeline", p.name())).append("\" tabindex=\"-1\">\n<h3>Pipeline <code>")
                .append(Html.esc(p.name())).append("</code></h3>\n<dl>\n<dt>State</dt><dd>").append(state(p.state()))
                .append("</dd>\n<dt>CronJobs</dt><dd>");
        if (node.cronJobs().isEmpty()) {
            out.append("none in <code>k8s/</code> runs it");
        } else {
            out.append("<ul>");
            for (LineageView.CronJob job : node.cronJobs()) {
                out.append("<li><code>").append(Html.esc(job.name())).append("</code>, schedule <code>")
                        .append(Html.esc(job.schedule())).append("</code>, image ");
                for (int i = 0; i < job.images().size(); i++) {
                    out.append(i == 0 ? "" : ", ").append("<code>").append(Html.esc(job.images().get(i))).append("</code>");
                }
                out.append("</li>");
            }
            out.append("</ul>");
        }
        out.append("</dd>\n<dt>Last run</dt><dd>");
        lastRun(out, p.latest());
        out.append("</dd>\n<dt>Reads</dt><dd>");
        edges(out, view, p.edges().stream().filter(e -> e.direction() == Direction.READ).toList(), true);
        out.append("</dd>\n<dt>Writes</dt><dd>");
        edges(out, view, p.edges().stream().filter(e -> e.direction() == Direction.WRITE).toList(), true);
        out.append("</dd>\n</dl>\n</article>\n");
    }

    static void table(StringBuilder out, LineageView view, LineageView.TableNode t) {
        out.append("<article class=\"details details-table").append(view.mismatch(t) ? " mismatch" : "")
                .append("\" id=\"").append(Html.id("details-table", t.name())).append("\" tabindex=\"-1\">\n<h3>Table <code>")
                .append(Html.esc(t.name())).append("</code></h3>\n<dl>\n<dt>Written by</dt><dd>");
        edges(out, view, t.writers(), false);
        out.append("</dd>\n<dt>Read by pipelines</dt><dd>");
        edges(out, view, t.readers(), false);
        out.append("</dd>\n<dt>Readers (roles with SELECT)</dt><dd>");
        if (!view.readersObserved()) {
            out.append("not known: the access layer was not observed");
        } else if (!t.exists()) {
            out.append("none: the table is not in the database");
        } else if (t.roles().isEmpty()) {
            out.append("none");
        } else {
            out.append("<ul>");
            for (TableReaders.Reader r : t.roles()) {
                out.append("<li><code>").append(Html.esc(Names.role(r.role()))).append("</code>");
                if (r.role().equals(Names.PUBLIC)) {
                    out.append(" (every role)");
                } else if (!r.direct()) {
                    out.append(" (through ");
                    for (int i = 1; i < r.via().size(); i++) {
                        out.append(i == 1 ? "" : " → ").append("<code>").append(Html.esc(r.via().get(i))).append("</code>");
                    }
                    out.append(r.needsSetRole() ? ", after SET ROLE" : "").append(')');
                }
                out.append("</li>");
            }
            out.append("</ul>");
        }
        out.append("</dd>\n</dl>\n</article>\n");
    }

    private static void lastRun(StringBuilder out, ObservedRun run) {
        if (run == null) {
            out.append("never run");
            return;
        }
        out.append("<span class=\"run-status\" data-status=\"").append(Html.esc(run.status())).append("\">")
                .append(Html.esc(run.status())).append("</span>, started <time>").append(run.startedAt())
                .append("</time>");
        if (run.endedAt() != null) {
            out.append(", took ").append(HumanTime.duration(Duration.between(run.startedAt(), run.endedAt()).toMillis()));
        }
        if (run.succeeded()) {
            out.append(", read ").append(rows(run.reads())).append(" row(s), wrote ").append(rows(run.writes()))
                    .append(" row(s)");
        }
    }

    /** Edges as a list of links to the other end's details: tables from a pipeline, pipelines from a table. */
    private static void edges(StringBuilder out, LineageView view, List<Edge> edges, boolean toTables) {
        if (edges.isEmpty()) {
            out.append("none");
            return;
        }
        out.append("<ul>");
        for (Edge e : edges) {
            String name = toTables ? e.table() : e.pipeline();
            out.append("<li").append(view.mismatch(e) ? " class=\"mismatch\"" : "").append("><a href=\"#")
                    .append(Html.id(toTables ? "details-table" : "details-pipeline", name)).append("\"><code>")
                    .append(Html.esc(name)).append("</code></a>");
            if (view.mismatch(e)) {
                out.append(" <strong>").append(LineageView.mismatchWords(e)).append("</strong>");
            } else if (!e.observed()) {
                out.append(" (declared; no successful run yet)");
            }
            if (e.rows() >= 0) {
                out.append(", ").append(e.rows()).append(" row(s) in the newest successful run");
            }
            out.append("</li>");
        }
        out.append("</ul>");
    }

    private static long rows(Map<String, Long> tables) {
        return tables.values().stream().mapToLong(Long::longValue).sum();
    }
}
