package io.strata.web;

import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Pieces several pages write the same way. */
final class Fragments {

    private Fragments() {}

    static String badge(LayerStatus.State state) {
        // The state is written out, not only coloured: it must read the same in grey print and to a screen reader.
        return "<span class=\"badge " + state.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\">"
                + state.label() + "</span>";
    }

    /** The layer's state and summary line, or why it is not shown. */
    static void status(StringBuilder out, Optional<ObservedLayer> layer) {
        if (layer.isEmpty()) {
            out.append("<p>Not observed (narrowed by <code>--layer</code>).</p>\n");
        } else {
            LayerStatus status = layer.get().status();
            out.append("<p>").append(badge(status.state())).append(' ').append(Html.esc(status.summary()))
                    .append("</p>\n");
        }
    }

    /** A table of the layer's status lines: a line with indented lines under it is one row. */
    static void groups(StringBuilder out, LayerStatus layer, String caption, String head) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : layer.details()) {
            if (line.startsWith("  ") && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(line.strip());
            } else {
                groups.add(new ArrayList<>(List.of(line)));
            }
        }
        if (groups.isEmpty()) {
            out.append("<p>Nothing to show: every declared object is live as declared.</p>\n");
            return;
        }
        out.append("<table>\n<caption>").append(caption).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(head).append("</th><th scope=\"col\">Details</th></tr></thead>\n<tbody>\n");
        for (List<String> group : groups) {
            String first = group.get(0);
            String cls = first.startsWith("drift") || first.contains(" by hand") || first.contains(" was edited")
                    ? " class=\"drift\"" : first.startsWith("+ ") || first.startsWith("pending") ? " class=\"pending\"" : "";
            out.append("<tr").append(cls).append("><th scope=\"row\">").append(Html.esc(first)).append("</th><td>");
            if (group.size() > 1) {
                out.append("<ul>");
                group.subList(1, group.size()).forEach(d -> out.append("<li>").append(Html.esc(d)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** A short commit id, as the terminal views print it. */
    static String shortCommit(String commit) {
        return commit == null ? "(none)" : commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
