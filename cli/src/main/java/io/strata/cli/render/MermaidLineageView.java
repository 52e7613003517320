package io.strata.cli.render;

import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.PipelineLineage;
import java.util.Locale;

/**
 * A Mermaid {@code flowchart LR}, which GitHub renders inside a {@code ```mermaid} block: tables as
 * rectangles, pipelines as stadiums with a class per state, {@code -.->} for a declared table the
 * runs did not touch and {@code ==>} for a touched table not declared.
 */
final class MermaidLineageView implements LineageView {

    @Override
    public String render(LineageGraph graph, String environment) {
        GraphIds ids = new GraphIds(graph);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (String table : graph.tables()) {
            out.append("  ").append(ids.table(table)).append("[\"").append(escape(table)).append("\"]\n");
        }
        for (PipelineLineage p : graph.pipelines()) {
            out.append("  ").append(ids.pipeline(p.name())).append("([\"")
                    .append(escape(p.name() + " (" + LineageView.label(p.state()) + ")")).append("\"]):::")
                    .append(cssClass(p.state())).append('\n');
        }
        for (PipelineLineage p : graph.pipelines()) {
            for (Edge e : p.edges()) {
                String from = e.direction() == Direction.READ ? ids.table(e.table()) : ids.pipeline(p.name());
                String to = e.direction() == Direction.READ ? ids.pipeline(p.name()) : ids.table(e.table());
                String arrow;
                if (p.mismatches().contains(e)) {
                    arrow = e.declared() ? " -.->|declared only| " : " ==>|not declared| ";
                } else {
                    arrow = e.observed() ? " --> " : " -.-> ";
                }
                out.append("  ").append(from).append(arrow).append(to).append('\n');
            }
        }
        out.append("  classDef in_sync fill:#dcfce7,stroke:#15803d\n");
        out.append("  classDef mismatch fill:#fee2e2,stroke:#dc2626\n");
        out.append("  classDef never_ran fill:#f3f4f6,stroke:#6b7280\n");
        out.append("  classDef undeclared fill:#ffedd5,stroke:#c2410c\n");
        return out.toString();
    }

    private static String cssClass(PipelineLineage.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A label's text inside {@code ["..."]}: letters, digits, space, {@code .}, {@code _} and
     * {@code -} as they are, every other character as Mermaid's entity code {@code #NNN;}, so no
     * quote, bracket, {@code #}, {@code ;}, backtick (a Markdown string) or {@code <} (HTML) in a
     * table name can end the label or change its meaning.
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '-') {
                out.appendCodePoint(c);
            } else {
                out.append('#').append(c).append(';');
            }
        });
        return out.toString();
    }
}
