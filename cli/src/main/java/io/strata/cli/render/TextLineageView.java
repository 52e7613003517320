package io.strata.cli.render;

import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.PipelineLineage;
import io.strata.orchestration.lineage.PipelineLineage.State;
import java.util.ArrayList;
import java.util.List;

/**
 * One paragraph per pipeline: its state and the run compared, then {@code reads → pipeline →
 * writes}, then one {@code !} line per difference. A summary line ends it.
 */
final class TextLineageView implements LineageView {

    @Override
    public String render(LineageGraph graph, String environment) {
        StringBuilder out = new StringBuilder();
        out.append("Lineage of environment ").append(environment).append(": what k8s/ declares against ")
                .append(graph.runsConsidered() == 1 ? "the latest successful run"
                        : "the latest " + graph.runsConsidered() + " successful runs")
                .append(" of each pipeline\n\n");
        if (graph.pipelines().isEmpty()) {
            return out.append("No pipelines: no CronJob in k8s/ and no run records.\n").toString();
        }
        for (PipelineLineage p : graph.pipelines()) {
            out.append(p.name()).append("  ").append(state(p)).append("  (").append(origin(p)).append(")\n");
            out.append("  ").append(flow(p)).append('\n');
            for (Edge e : p.mismatches()) {
                out.append("  ! ").append(e.direction() == Direction.READ ? "reads  " : "writes ").append(shown(e.table()))
                        .append(": ").append(e.declared() ? "declared, not " + verb(e) + " by the run"
                                : verb(e) + " by the run, not declared")
                        .append('\n');
            }
            out.append('\n');
        }
        return out.append(summary(graph)).append('\n').toString();
    }

    private static String state(PipelineLineage p) {
        int n = p.mismatches().size();
        return p.state() == State.MISMATCH ? n + (n == 1 ? " mismatch" : " mismatches") : LineageView.label(p.state());
    }

    private static String origin(PipelineLineage p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.cronJobs().isEmpty() ? "no CronJob in k8s/ runs it"
                : (p.cronJobs().size() == 1 ? "CronJob " : "CronJobs ") + String.join(", ", p.cronJobs()));
        if (p.observedRuns().isEmpty()) {
            parts.add("no successful run" + p.latestRun().map(r -> "; latest run " + r.runId() + " " + r.status()
                    + " at " + r.startedAt()).orElse(""));
        } else {
            ObservedRun newest = p.observedRuns().get(0);
            int more = p.observedRuns().size() - 1;
            parts.add("run " + newest.runId() + " succeeded at " + newest.endedAt()
                    + (more == 0 ? "" : " and " + more + " earlier"));
        }
        return String.join("; ", parts);
    }

    private static String flow(PipelineLineage p) {
        String reads = tables(p, Direction.READ);
        String writes = tables(p, Direction.WRITE);
        return (reads.isEmpty() ? "" : reads + " → ") + p.name() + (writes.isEmpty() ? "" : " → " + writes)
                + (reads.isEmpty() && writes.isEmpty() ? "  (no tables)" : "");
    }

    private static String tables(PipelineLineage p, Direction direction) {
        return String.join(", ", p.edges().stream().filter(e -> e.direction() == direction)
                .map(e -> shown(e.table())).toList());
    }

    /** A name on one line: a control character in a table name must not start a line of its own. */
    static String shown(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String verb(Edge e) {
        return e.direction() == Direction.READ ? "read" : "written";
    }

    private static String summary(LineageGraph graph) {
        List<String> parts = new ArrayList<>();
        for (State state : State.values()) {
            int n = graph.in(state).size();
            if (n > 0) {
                parts.add(n + " " + (state == State.MISMATCH ? "with mismatches (" + graph.mismatches().size() + ")"
                        : LineageView.label(state)));
            }
        }
        return graph.pipelines().size() + (graph.pipelines().size() == 1 ? " pipeline, " : " pipelines, ")
                + graph.tables().size() + (graph.tables().size() == 1 ? " table: " : " tables: ")
                + String.join(", ", parts) + ".";
    }
}
