package io.strata.web;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import java.util.Map;
import java.util.TreeMap;

/** Per layer: in sync, pending or drift, with its summary; the latest apply from the journal. */
final class OverviewPage implements Page {

    static final String ID = "overview";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        Map<LayerStatus.State, Integer> counts = new TreeMap<>();
        s.statuses().forEach(l -> counts.merge(l.state(), 1, Integer::sum));
        out.append("<p class=\"counts\">");
        for (LayerStatus.State state : LayerStatus.State.values()) {
            out.append(Fragments.badge(state)).append(' ').append(counts.getOrDefault(state, 0)).append(" layer(s) ");
        }
        out.append("</p>\n<table>\n<caption>State per layer</caption>\n<thead><tr><th scope=\"col\">Layer</th>")
                .append("<th scope=\"col\">State</th><th scope=\"col\">Summary</th></tr></thead>\n<tbody>\n");
        for (LayerStatus l : s.statuses()) {
            out.append("<tr><th scope=\"row\">").append(Html.esc(l.layer())).append("</th><td>")
                    .append(Fragments.badge(l.state())).append("</td><td>").append(Html.esc(l.summary()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (s.journal().isEmpty()) {
            out.append("<p>Latest journal entry: nothing applied yet.</p>\n");
        } else {
            JournalEntry e = s.journal().get(0);
            out.append("<p>Latest journal entry: ").append(Html.esc(e.kind())).append(' ')
                    .append(Html.esc(e.outcome().label())).append(" by <strong>").append(Html.esc(e.user()))
                    .append("</strong>, <time>").append(Html.esc(String.valueOf(e.finishedAt())))
                    .append("</time>, commit <code>").append(Html.esc(Fragments.shortCommit(e.gitCommit())))
                    .append("</code>.</p>\n");
        }
    }
}
