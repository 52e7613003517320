package io.strata.web;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per layer: in sync, pending or drift, with its summary, its counts and a link to its page; the
 * latest apply from the journal. One environment: the one observed.
 */
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
        // One snapshot observes one environment; saying so keeps a reader from taking it for all of them.
        out.append("<p class=\"environment\">Environment: <strong><code>").append(Html.esc(s.environment()))
                .append("</code></strong>. These pages show this environment only; observe another with ")
                .append("<code>strata --env NAME observe --serve</code> (or <code>--html FILE</code>).</p>\n");
        Map<LayerStatus.State, Integer> counts = new TreeMap<>();
        s.statuses().forEach(l -> counts.merge(l.state(), 1, Integer::sum));
        out.append("<p class=\"counts\">");
        for (LayerStatus.State state : LayerStatus.State.values()) {
            out.append(Fragments.badge(state)).append(' ').append(counts.getOrDefault(state, 0)).append(" layer(s) ");
        }
        out.append("</p>\n<table id=\"layers\">\n<caption>State per layer</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Layer</th><th scope=\"col\">State</th><th scope=\"col\">Summary</th>")
                .append("<th scope=\"col\">Counts</th><th scope=\"col\">Details</th></tr></thead>\n<tbody>\n");
        for (ObservedLayer layer : s.layers()) {
            LayerStatus l = layer.status();
            out.append("<tr><th scope=\"row\">").append(Html.esc(l.layer())).append("</th><td>")
                    .append(Fragments.badge(l.state())).append("</td><td>").append(Html.esc(l.summary()))
                    .append("</td><td>").append(Html.esc(LayerCounts.of(l.layer(), s).orElse(""))).append("</td><td>");
            Optional<Page> page = LayerCounts.page(l.layer())
                    .flatMap(id -> Site.PAGES.stream().filter(p -> p.id().equals(id)).findFirst());
            page.ifPresent(p -> out.append("<a href=\"").append(links.to(p.id(), p.id())).append("\">")
                    .append(p.title()).append(" page</a>"));
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        latestApply(out, s, links);
    }

    // Links name the page's section as their anchor: served, /storage#storage opens the page at its
    // content; exported, #storage is the section itself.
    private static void latestApply(StringBuilder out, Snapshot s, Links links) {
        Optional<JournalEntry> apply = latestApply(s);
        out.append("<p id=\"latest-apply\">");
        if (apply.isEmpty()) {
            out.append("Latest apply: none among the ").append(s.journal().size())
                    .append(" latest journal entries.");
        } else {
            JournalEntry e = apply.get();
            out.append("Latest apply: ").append(Html.esc(e.outcome().label())).append(" by <strong>")
                    .append(Html.esc(e.user())).append("</strong>, ").append(HumanTime.time(e.finishedAt()))
                    .append(", commit <code title=\"").append(Html.esc(String.valueOf(e.gitCommit()))).append("\">")
                    .append(Html.esc(Fragments.shortCommit(e.gitCommit()))).append("</code>, ")
                    .append(e.changes().size()).append(" change(s).");
        }
        out.append(" <a href=\"").append(links.to(JournalPage.ID, JournalPage.ID)).append("\">The journal</a></p>\n");
    }

    /** The newest apply that changed something or failed trying: a no-op apply says nothing new. */
    static Optional<JournalEntry> latestApply(Snapshot s) {
        return s.journal().stream()
                .filter(e -> e.kind().equals("apply") && e.outcome() != JournalEntry.Outcome.NO_CHANGES)
                .findFirst();
    }
}
