package io.strata.web;

import io.strata.core.journal.JournalEntry;
import java.util.List;

/** Every apply and rollback the journal holds, newest first. */
final class JournalPage implements Page {

    @Override
    public String id() {
        return "journal";
    }

    @Override
    public String title() {
        return "Journal";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        List<JournalEntry> journal = s.journal();
        if (journal.isEmpty()) {
            out.append("<p>Nothing applied yet.</p>\n");
            return;
        }
        out.append("<table>\n<caption>Latest entries first</caption>\n<thead><tr>");
        for (String column : List.of("Finished", "Kind", "Outcome", "User", "Commit", "Changes")) {
            out.append("<th scope=\"col\">").append(column).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (JournalEntry e : journal) {
            out.append("<tr").append(e.outcome() == JournalEntry.Outcome.FAILED ? " class=\"drift\"" : "")
                    .append("><th scope=\"row\"><time>").append(Html.esc(String.valueOf(e.finishedAt())))
                    .append("</time></th><td>").append(Html.esc(e.kind())).append("</td><td>")
                    .append(Html.esc(e.outcome().label()));
            if (e.error() != null) {
                out.append(": ").append(Html.esc(e.error().lines().findFirst().orElse("")));
            }
            out.append("</td><td>").append(Html.esc(e.user())).append("</td><td><code>")
                    .append(Html.esc(Fragments.shortCommit(e.gitCommit()))).append("</code></td><td>");
            if (e.changes().isEmpty()) {
                out.append("none");
            } else {
                // A plain list, not <details>: a closed <details> would hide the changes from print.
                out.append(e.changes().size()).append(" change(s)<ul>");
                e.changes().forEach(c -> out.append("<li>").append(Html.esc(c)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
