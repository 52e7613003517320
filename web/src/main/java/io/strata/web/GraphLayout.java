package io.strata.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the boxes and routes the edges of a directed graph, left to right, with the layered
 * (Sugiyama) algorithm of the Eclipse Layout Kernel: every edge points right unless it closes a
 * cycle, crossings are kept few, edges run orthogonally between the layers. Plain data in, plain
 * data out: the pages never see ELK's graph. The layout is deterministic (ELK's seed is fixed), so
 * two exports of the same platform are byte for byte the same.
 */
final class GraphLayout {

    /** A box to place. */
    record Node(String id, double width, double height) {
        Node {
            Objects.requireNonNull(id, "id");
            if (!(width > 0 && height > 0)) {
                throw new IllegalArgumentException("a node has a size, got " + width + "x" + height);
            }
        }
    }

    /** An edge from one node to another, by their ids. */
    record Link(String id, String source, String target) {
        Link {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /** Where a node went: its top-left corner and its size. */
    record Box(double x, double y, double width, double height) {}

    record Point(double x, double y) {}

    /**
     * The placed graph.
     *
     * @param nodes each node's box, by id, in the order given
     * @param edges each link's route, by id: its start, bend points and end
     */
    record Layout(double width, double height, Map<String, Box> nodes, Map<String, List<Point>> edges) {
        Layout {
            nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
            edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
        }
    }

    private static final double PADDING = 12;

    private GraphLayout() {}

    /**
     * ELK finds its algorithms through {@link java.util.ServiceLoader} when the meta data service
     * first starts; a class path that lost the service files (a merged jar, say) would leave the
     * layered algorithm unknown, so it is registered by hand when missing.
     */
    static {
        LayoutMetaDataService service = LayoutMetaDataService.getInstance();
        if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
            service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        }
    }

    /** Lays the graph out; an edge naming an unknown node is refused. */
    static Layout of(List<Node> nodes, List<Link> links) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(LayeredOptions.PADDING, new ElkPadding(PADDING));
        Map<String, ElkNode> elkNodes = new HashMap<>();
        for (Node node : nodes) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(node.id());
            n.setDimensions(node.width(), node.height());
            if (elkNodes.put(node.id(), n) != null) {
                throw new IllegalArgumentException("two nodes are named " + node.id());
            }
        }
        Map<String, ElkEdge> elkEdges = new LinkedHashMap<>();
        for (Link link : links) {
            elkEdges.put(link.id(), ElkGraphUtil.createSimpleEdge(node(elkNodes, link.source()),
                    node(elkNodes, link.target())));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Node node : nodes) {
            ElkNode n = elkNodes.get(node.id());
            boxes.put(node.id(), new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight()));
        }
        Map<String, List<Point>> routes = new LinkedHashMap<>();
        elkEdges.forEach((id, edge) -> routes.put(id, route(edge)));
        return new Layout(root.getWidth(), root.getHeight(), boxes, routes);
    }

    private static ElkNode node(Map<String, ElkNode> nodes, String id) {
        ElkNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("an edge names the unknown node " + id);
        }
        return n;
    }

    /** A simple edge between two nodes of one graph has one section, in the graph's coordinates. */
    private static List<Point> route(ElkEdge edge) {
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(bend.getX(), bend.getY()));
            }
            points.add(new Point(section.getEndX(), section.getEndY()));
        }
        return points;
    }
}
