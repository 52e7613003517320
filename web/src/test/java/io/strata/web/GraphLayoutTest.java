package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.web.GraphLayout.Box;
import io.strata.web.GraphLayout.Layout;
import io.strata.web.GraphLayout.Link;
import io.strata.web.GraphLayout.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    @Test
    void placesEveryNodeWithoutOverlapsAndLayersTablesAroundTheirPipelines() {
        // raw.a -> p1 -> stage.b -> p2 -> marts.c, and p3 reading raw.a and stage.b, writing marts.d
        List<Node> nodes = List.of(node("t:raw.a"), node("p:p1"), node("t:stage.b"), node("p:p2"), node("t:marts.c"),
                node("p:p3"), node("t:marts.d"), node("t:lonely"));
        List<Link> links = List.of(link("t:raw.a", "p:p1"), link("p:p1", "t:stage.b"), link("t:stage.b", "p:p2"),
                link("p:p2", "t:marts.c"), link("t:raw.a", "p:p3"), link("t:stage.b", "p:p3"),
                link("p:p3", "t:marts.d"));

        Layout layout = GraphLayout.of(nodes, links);

        assertThat(layout.nodes()).containsOnlyKeys(nodes.stream().map(Node::id).toList());
        List<Box> boxes = new ArrayList<>(layout.nodes().values());
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            assertThat(b.x()).isGreaterThanOrEqualTo(0);
            assertThat(b.y()).isGreaterThanOrEqualTo(0);
            assertThat(b.x() + b.width()).isLessThanOrEqualTo(layout.width());
            assertThat(b.y() + b.height()).isLessThanOrEqualTo(layout.height());
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(overlaps(b, boxes.get(j))).as("%s overlaps %s", b, boxes.get(j)).isFalse();
            }
        }
        for (Link link : links) {
            Box source = layout.nodes().get(link.source());
            Box target = layout.nodes().get(link.target());
            assertThat(source.x() + source.width()).as(link.id()).isLessThanOrEqualTo(target.x());
            List<GraphLayout.Point> route = layout.edges().get(link.id());
            assertThat(route).as(link.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(route.get(0).x()).isEqualTo(source.x() + source.width());
            assertThat(route.get(route.size() - 1).x()).isEqualTo(target.x());
        }
    }

    @Test
    void isTheSameEveryTime() {
        List<Node> nodes = List.of(node("a"), node("b"), node("c"), node("d"));
        List<Link> links = List.of(link("a", "b"), link("a", "c"), link("c", "d"), link("b", "d"));
        assertThat(GraphLayout.of(nodes, links)).isEqualTo(GraphLayout.of(nodes, links));
    }

    @Test
    void refusesAnEdgeToAnUnknownNode() {
        assertThatThrownBy(() -> GraphLayout.of(List.of(node("a")), List.of(link("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown node b");
    }

    @Test
    void laysOutAnEmptyGraph() {
        Layout layout = GraphLayout.of(List.of(), List.of());
        assertThat(layout.nodes()).isEmpty();
        assertThat(layout.edges()).isEmpty();
    }

    private static Node node(String id) {
        return new Node(id, 40 + id.length() * 8, 32);
    }

    private static Link link(String source, String target) {
        return new Link(source + "->" + target, source, target);
    }

    private static boolean overlaps(Box a, Box b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }
}
