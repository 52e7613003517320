package io.strata.cli.render;

import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.PipelineLineage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Node ids for Graphviz and Mermaid: {@code t0, t1, ...} for tables and {@code p0, ...} for
 * pipelines, in name order, so the output is stable and no table name (quotes, brackets, a
 * keyword such as {@code end}) ever appears where the syntax expects an id. Names go in labels only.
 */
final class GraphIds {

    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, String> pipelines = new HashMap<>();

    GraphIds(LineageGraph graph) {
        List<String> names = graph.tables();
        for (int i = 0; i < names.size(); i++) {
            tables.put(names.get(i), "t" + i);
        }
        List<PipelineLineage> ps = graph.pipelines();
        for (int i = 0; i < ps.size(); i++) {
            pipelines.put(ps.get(i).name(), "p" + i);
        }
    }

    String table(String name) {
        return tables.get(name);
    }

    String pipeline(String name) {
        return pipelines.get(name);
    }
}
