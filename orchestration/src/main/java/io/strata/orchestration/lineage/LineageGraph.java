package io.strata.orchestration.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tables and pipelines, joined by what the pipelines' CronJobs declare and what their run records
 * show: table → pipeline → table. Built without I/O from a {@link Declaration} list and a
 * {@link RunHistory}; {@code strata lineage} prints it.
 *
 * @param tables every table that any edge names, normalized, in name order
 * @param pipelines every declared or observed pipeline, in name order
 * @param runsConsidered how many latest successful runs per pipeline were compared
 */
public record LineageGraph(List<String> tables, List<PipelineLineage> pipelines, int runsConsidered) {

    public LineageGraph {
        tables = List.copyOf(tables);
        pipelines = List.copyOf(pipelines);
    }

    /**
     * Joins declarations and runs. A pipeline's observed tables are the union of the tables of its
     * latest {@code history.runsConsidered()} successful runs: failed runs stop part-way and would
     * show less than the pipeline does, and a running one has recorded no tables yet.
     */
    public static LineageGraph build(List<Declaration> declarations, RunHistory history) {
        TableNames names = history.names();
        Map<String, Declaration> declared = new TreeMap<>();
        declarations.forEach(d -> declared.put(d.pipeline(), d));
        Set<String> pipelineNames = new TreeSet<>(declared.keySet());
        pipelineNames.addAll(history.pipelines().keySet());

        Set<String> tables = new TreeSet<>();
        List<PipelineLineage> pipelines = new ArrayList<>();
        for (String pipeline : pipelineNames) {
            Declaration declaration = declared.get(pipeline);
            RunHistory.PipelineRuns runs = history.pipelines().get(pipeline);
            List<ObservedRun> observed = runs == null ? List.of() : runs.succeeded();
            List<Edge> edges = new ArrayList<>();
            for (Direction direction : Direction.values()) {
                Set<String> declaredTables = new TreeSet<>();
                if (declaration != null) {
                    (direction == Direction.READ ? declaration.reads() : declaration.writes()).stream()
                            .map(names::normalize).forEach(declaredTables::add);
                }
                // Newest run first, so each table keeps the rows of the newest run that touched it.
                Map<String, Long> observedTables = new TreeMap<>();
                for (ObservedRun run : observed) {
                    run.tables(direction).forEach((table, rows) -> observedTables.putIfAbsent(names.normalize(table), rows));
                }
                Set<String> all = new TreeSet<>(declaredTables);
                all.addAll(observedTables.keySet());
                for (String table : all) {
                    edges.add(new Edge(pipeline, direction, table, declaredTables.contains(table),
                            observedTables.containsKey(table), observedTables.getOrDefault(table, -1L)));
                }
                tables.addAll(all);
            }
            pipelines.add(new PipelineLineage(pipeline, declaration == null ? List.of() : declaration.cronJobs(),
                    runs == null ? null : runs.latest(), observed, edges));
        }
        return new LineageGraph(new ArrayList<>(tables), pipelines, history.runsConsidered());
    }

    /** Every edge, pipeline by pipeline. */
    public List<Edge> edges() {
        return pipelines.stream().flatMap(p -> p.edges().stream()).toList();
    }

    /** Every edge where declaration and runs differ. */
    public List<Edge> mismatches() {
        return pipelines.stream().flatMap(p -> p.mismatches().stream()).toList();
    }

    public PipelineLineage pipeline(String name) {
        return pipelines.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pipeline " + name));
    }

    /** Pipelines in a given state, in name order. */
    public List<PipelineLineage> in(PipelineLineage.State state) {
        Objects.requireNonNull(state, "state");
        return pipelines.stream().filter(p -> p.state() == state).sorted(Comparator.comparing(PipelineLineage::name))
                .toList();
    }
}
