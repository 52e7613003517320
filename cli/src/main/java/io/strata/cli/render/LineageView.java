package io.strata.cli.render;

import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.PipelineLineage;
import java.util.Locale;

/** Turns a lineage graph into text for people, Graphviz or Mermaid for pictures, or JSON for machines. */
public interface LineageView {

    /** @param environment the environment whose run records were read */
    String render(LineageGraph graph, String environment);

    static LineageView of(LineageFormat format) {
        return switch (format) {
            case TEXT -> new TextLineageView();
            case DOT -> new DotLineageView();
            case MERMAID -> new MermaidLineageView();
            case JSON -> new JsonLineageView();
        };
    }

    /** {@code in sync}, {@code mismatch}, {@code never ran}, {@code undeclared}: how every view names a state. */
    static String label(PipelineLineage.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
