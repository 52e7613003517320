package io.strata.cli.render;

import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.PipelineLineage;
import java.util.Map;

/**
 * Graphviz DOT ({@code strata lineage --format dot | dot -Tsvg > lineage.svg}): tables as boxes,
 * pipelines as ellipses coloured by state, an edge per read or write; a declared table the runs did
 * not touch is a dashed orange edge, a touched table not declared a bold red one.
 */
final class DotLineageView implements LineageView {

    private static final Map<PipelineLineage.State, String> FILL = Map.of(
            PipelineLineage.State.IN_SYNC, "#dcfce7",
            PipelineLineage.State.MISMATCH, "#fee2e2",
            PipelineLineage.State.NEVER_RAN, "#f3f4f6",
            PipelineLineage.State.UNDECLARED, "#ffedd5");

    @Override
    public String render(LineageGraph graph, String environment) {
        GraphIds ids = new GraphIds(graph);
        StringBuilder out = new StringBuilder();
        out.append("digraph lineage {\n");
        out.append("  label=").append(quote("lineage of " + environment)).append(";\n");
        out.append("  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (String table : graph.tables()) {
            out.append("  ").append(ids.table(table)).append(" [shape=box, label=").append(quote(table)).append("];\n");
        }
        for (PipelineLineage p : graph.pipelines()) {
            out.append("  ").append(ids.pipeline(p.name())).append(" [shape=ellipse, style=filled, fillcolor=\"")
                    .append(FILL.get(p.state())).append("\", label=")
                    .append(quote(p.name() + "\n" + LineageView.label(p.state()))).append("];\n");
        }
        for (PipelineLineage p : graph.pipelines()) {
            for (Edge e : p.edges()) {
                String table = ids.table(e.table());
                String pipeline = ids.pipeline(p.name());
                out.append("  ").append(e.direction() == Direction.READ ? table + " -> " + pipeline
                        : pipeline + " -> " + table);
                if (p.mismatches().contains(e)) {
                    out.append(e.declared() ? " [style=dashed, color=\"#b45309\", label=\"declared only\"]"
                            : " [style=bold, color=\"#dc2626\", label=\"not declared\"]");
                } else if (!e.observed()) {
                    out.append(" [style=dashed]");
                }
                out.append(";\n");
            }
        }
        return out.append("}\n").toString();
    }

    /**
     * A DOT quoted string. Inside one only {@code \"} is an escape for the parser, but labels are
     * escString, where a backslash starts an escape of its own ({@code \n}, {@code \N}, ...): so
     * backslashes are doubled, quotes escaped, a newline becomes {@code \n} and other control
     * characters a space.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.append('"').toString();
    }
}
