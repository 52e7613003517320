package io.strata.web;

import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.web.GraphLayout.Box;
import io.strata.web.GraphLayout.Layout;
import io.strata.web.GraphLayout.Link;
import io.strata.web.GraphLayout.Node;
import io.strata.web.GraphLayout.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lineage graph as inline SVG: tables and pipelines as boxes placed by {@link GraphLayout},
 * table → pipeline → table. Every node links to its details block, so the graph works as a set
 * of links without script; the page's script adds selection on top. Nothing is referenced, not
 * even inside the file: the arrowheads are drawn triangles.
 */
final class LineageSvg {

    /** Longer names are cut in the box (the full name is in its title and details). */
    static final int MAX_LABEL = 40;
    private static final double CHAR_WIDTH = 7.6;
    private static final double NODE_HEIGHT = 40;
    private static final double ARROW = 8;

    private LineageSvg() {}

    static String nodeId(LineageView.PipelineNode p) {
        return Html.id("node-pipeline", p.name());
    }

    static String nodeId(LineageView.TableNode t) {
        return Html.id("node-table", t.name());
    }

    static String tableNodeId(String table) {
        return Html.id("node-table", table);
    }

    static String pipelineNodeId(String pipeline) {
        return Html.id("node-pipeline", pipeline);
    }

    /** The graph to lay out: element ids as node ids, edges table → pipeline for reads, pipeline → table for writes. */
    static Layout layout(LineageView view) {
        List<Node> nodes = new ArrayList<>();
        view.tables().forEach(t -> nodes.add(new Node(nodeId(t), width(t.name(), "table"), NODE_HEIGHT)));
        view.pipelines().forEach(p -> nodes.add(new Node(nodeId(p), width(p.name(), "pipeline"), NODE_HEIGHT)));
        List<Link> links = new ArrayList<>();
        for (LineageView.PipelineNode p : view.pipelines()) {
            for (Edge e : p.lineage().edges()) {
                links.add(new Link(edgeKey(e), source(e), target(e)));
            }
        }
        return GraphLayout.of(nodes, links);
    }

    static void write(StringBuilder out, LineageView view, Layout layout) {
        out.append("<svg id=\"lineage-graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(num(layout.width())).append(' ').append(num(layout.height())).append("\" width=\"")
                .append(num(layout.width())).append("\" height=\"").append(num(layout.height()))
                .append("\" aria-labelledby=\"lineage-graph-title lineage-graph-desc\">\n")
                .append("<title id=\"lineage-graph-title\">Lineage: tables and the pipelines that read and write them</title>\n")
                .append("<desc id=\"lineage-graph-desc\">").append(view.tables().size()).append(" table(s), ")
                .append(view.pipelines().size()).append(" pipeline(s); arrows run from a table to the pipelines that")
                .append(" read it and from a pipeline to the tables it writes. ").append(view.mismatches().size())
                .append(" edge(s) differ between the CronJobs and the runs. Every node's details follow the graph.</desc>\n")
                .append("<g class=\"edges\">\n");
        for (LineageView.PipelineNode p : view.pipelines()) {
            for (Edge e : p.lineage().edges()) {
                edge(out, view, e, layout.edges().get(edgeKey(e)));
            }
        }
        out.append("</g>\n<g class=\"nodes\">\n");
        for (LineageView.TableNode t : view.tables()) {
            node(out, "table", t.name(), nodeId(t), Html.id("details-table", t.name()), view.mismatch(t),
                    layout.nodes().get(nodeId(t)), "table");
        }
        for (LineageView.PipelineNode p : view.pipelines()) {
            node(out, "pipeline", p.name(), nodeId(p), Html.id("details-pipeline", p.name()), view.mismatch(p),
                    layout.nodes().get(nodeId(p)), "pipeline, " + LineageDetails.state(p.lineage().state()));
        }
        out.append("</g>\n</svg>\n");
    }

    private static void edge(StringBuilder out, LineageView view, Edge e, List<Point> route) {
        boolean mismatch = view.mismatch(e);
        out.append("<g class=\"edge edge-").append(e.direction().value()).append(mismatch ? " mismatch" : "")
                .append(e.declared() ? "" : " undeclared").append(e.observed() ? "" : " unobserved")
                .append("\" data-source=\"").append(source(e)).append("\" data-target=\"").append(target(e))
                .append("\"><title>").append(Html.esc(e.pipeline()))
                .append(e.direction() == Direction.READ ? " reads " : " writes ").append(Html.esc(e.table()));
        if (mismatch) {
            out.append(": ").append(LineageView.mismatchWords(e));
        } else if (!e.observed()) {
            out.append(": declared, no successful run yet");
        }
        out.append("</title><path class=\"line\" d=\"");
        for (int i = 0; i < route.size(); i++) {
            out.append(i == 0 ? "M" : " L").append(num(route.get(i).x())).append(',').append(num(route.get(i).y()));
        }
        out.append("\"/>");
        arrowhead(out, route.get(route.size() - 2), route.get(route.size() - 1));
        out.append("</g>\n");
    }

    /**
     * The arrowhead as a triangle of its own, pointing along the last segment: an SVG marker would
     * need a {@code url(#...)} reference, and the site keeps to no url() at all.
     */
    private static void arrowhead(StringBuilder out, Point from, Point tip) {
        double dx = tip.x() - from.x();
        double dy = tip.y() - from.y();
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        double baseX = tip.x() - ux * ARROW;
        double baseY = tip.y() - uy * ARROW;
        out.append("<path class=\"head\" d=\"M").append(num(tip.x())).append(',').append(num(tip.y()))
                .append(" L").append(num(baseX - uy * ARROW / 2)).append(',').append(num(baseY + ux * ARROW / 2))
                .append(" L").append(num(baseX + uy * ARROW / 2)).append(',').append(num(baseY - ux * ARROW / 2))
                .append(" Z\"/>");
    }

    private static void node(StringBuilder out, String kind, String name, String id, String details, boolean mismatch,
            Box box, String caption) {
        String label = name.codePointCount(0, name.length()) > MAX_LABEL
                ? name.substring(0, name.offsetByCodePoints(0, MAX_LABEL - 1)) + "…" : name;
        String second = mismatch ? kind + " · mismatch" : kind;
        out.append("<g class=\"node node-").append(kind).append(mismatch ? " mismatch" : "").append("\" id=\"")
                .append(id).append("\" data-name=\"").append(Html.esc(name)).append("\" tabindex=\"0\" transform=\"translate(")
                .append(num(box.x())).append(',').append(num(box.y())).append(")\">")
                .append("<title>").append(Html.esc(name)).append(" (").append(Html.esc(caption))
                .append(mismatch ? ", declared and observed differ" : "").append(")</title>")
                .append("<a href=\"#").append(details).append("\" tabindex=\"-1\">")
                .append("<rect width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                .append("\" rx=\"").append(kind.equals("pipeline") ? 14 : 2).append("\"/>")
                .append("<text class=\"label\" x=\"10\" y=\"17\">").append(Html.esc(label)).append("</text>")
                .append("<text class=\"kind\" x=\"10\" y=\"32\">").append(second).append("</text>")
                .append("</a></g>\n");
    }

    private static double width(String name, String kind) {
        int chars = Math.max(Math.min(name.length(), MAX_LABEL), kind.length() + " · mismatch".length());
        return Math.ceil(chars * CHAR_WIDTH + 20);
    }

    private static String edgeKey(Edge e) {
        return e.direction().value() + " " + source(e) + " " + target(e);
    }

    private static String source(Edge e) {
        return e.direction() == Direction.READ ? tableNodeId(e.table()) : pipelineNodeId(e.pipeline());
    }

    private static String target(Edge e) {
        return e.direction() == Direction.READ ? pipelineNodeId(e.pipeline()) : tableNodeId(e.table());
    }

    /** Coordinates with at most one decimal, the same on every locale. */
    private static String num(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
