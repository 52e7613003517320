package io.strata.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.PipelineLineage;
import java.util.Locale;

/**
 * The lineage graph as JSON: a contract for machines, documented in docs/pipelines.md
 * ("strata lineage --format json"). Fields are only ever added; {@code format_version} changes if
 * one changes meaning.
 */
final class JsonLineageView implements LineageView {

    static final int FORMAT_VERSION = 1;

    @Override
    public String render(LineageGraph graph, String environment) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("environment", environment);
        root.put("runs_considered", graph.runsConsidered());
        ArrayNode nodes = root.putArray("nodes");
        for (String table : graph.tables()) {
            nodes.addObject().put("id", "table:" + table).put("kind", "table").put("name", table);
        }
        for (PipelineLineage p : graph.pipelines()) {
            ObjectNode node = nodes.addObject().put("id", "pipeline:" + p.name()).put("kind", "pipeline")
                    .put("name", p.name()).put("state", p.state().name().toLowerCase(Locale.ROOT));
            ArrayNode cronJobs = node.putArray("cron_jobs");
            p.cronJobs().forEach(cronJobs::add);
            if (p.latest() == null) {
                node.putNull("latest_run");
            } else {
                run(node.putObject("latest_run"), p.latest());
            }
            ArrayNode observed = node.putArray("observed_runs");
            p.observedRuns().forEach(r -> run(observed.addObject(), r));
        }
        ArrayNode edges = root.putArray("edges");
        ArrayNode mismatches = root.putArray("mismatches");
        for (PipelineLineage p : graph.pipelines()) {
            for (Edge e : p.edges()) {
                String table = "table:" + e.table();
                String pipeline = "pipeline:" + p.name();
                ObjectNode edge = edges.addObject()
                        .put("from", e.direction() == Direction.READ ? table : pipeline)
                        .put("to", e.direction() == Direction.READ ? pipeline : table)
                        .put("pipeline", p.name()).put("table", e.table()).put("direction", e.direction().value())
                        .put("declared", e.declared()).put("observed", e.observed());
                if (e.observed()) {
                    edge.put("rows", e.rows());
                } else {
                    edge.putNull("rows");
                }
                boolean mismatch = p.mismatches().contains(e);
                edge.put("mismatch", mismatch);
                if (mismatch) {
                    mismatches.addObject().put("pipeline", p.name()).put("table", e.table())
                            .put("direction", e.direction().value())
                            .put("kind", e.declared() ? "declared_not_observed" : "observed_not_declared");
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("pipelines", graph.pipelines().size()).put("tables", graph.tables().size());
        for (PipelineLineage.State state : PipelineLineage.State.values()) {
            summary.put(state.name().toLowerCase(Locale.ROOT), graph.in(state).size());
        }
        summary.put("mismatches", graph.mismatches().size());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(ObjectNode node, ObservedRun run) {
        node.put("run_id", run.runId()).put("status", run.status()).put("started_at", run.startedAt().toString());
        if (run.endedAt() == null) {
            node.putNull("ended_at");
        } else {
            node.put("ended_at", run.endedAt().toString());
        }
    }
}
