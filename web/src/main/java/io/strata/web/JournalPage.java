package io.strata.web;

import io.strata.orchestration.layer.LiveSchedules;
import io.strata.orchestration.layer.RecentRuns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every apply and rollback the journal holds and the latest runs of every pipeline, newest
 * first, in one table; a search field and a kind filter narrow it when scripts run.
 */
final class JournalPage implements Page {

    static final String ID = "journal";

    private static final List<String> COLUMNS = List.of("When", "Kind", "Outcome", "By", "Commit", "Details");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Journal";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        List<JournalRow> rows = new ArrayList<>();
        s.journal().forEach(e -> rows.add(JournalRow.of(e)));
        Optional<LiveSchedules> schedules = s.live(LiveSchedules.class);
        rows.addAll(schedules.map(live -> JournalRow.runs(live.runs(), s.lineage().pipelines()))
                .orElseGet(() -> JournalRow.runs(s.lineage().pipelines())));
        rows.sort(JournalRow.NEWEST_FIRST);
        out.append("<p>The latest ").append(s.journal().size()).append(" journal entries (applies, rollbacks, ")
                .append("repairs) and, per pipeline, ").append(schedules.isPresent()
                        ? "its latest " + RecentRuns.RECENT + " runs. Older runs are "
                        : "its latest run and its latest successful run. Other runs are ")
                .append("not part of the observation.</p>\n");
        if (rows.isEmpty()) {
            out.append("<p>Nothing applied and no pipeline run yet.</p>\n");
            return;
        }
        filters(out, rows);
        out.append("<table id=\"journal-table\">\n<caption>Latest first</caption>\n<thead><tr>");
        COLUMNS.forEach(c -> out.append("<th scope=\"col\">").append(c).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        rows.forEach(r -> row(out, r));
        out.append("</tbody>\n</table>\n");
    }

    /** Hidden until the script runs: without it they could not filter, and every row shows. */
    private static void filters(StringBuilder out, List<JournalRow> rows) {
        Set<String> kinds = new LinkedHashSet<>(List.of("apply", "rollback", JournalRow.RUN));
        rows.forEach(r -> kinds.add(r.kind()));
        out.append("<div class=\"journal-filters\" hidden>\n<label for=\"journal-filter\">Search</label> ")
                .append("<input id=\"journal-filter\" type=\"search\" autocomplete=\"off\"> ")
                .append("<label for=\"journal-kind\">Kind</label> <select id=\"journal-kind\">")
                .append("<option value=\"\">all</option>");
        kinds.forEach(k -> out.append("<option value=\"").append(Html.esc(k)).append("\">").append(Html.esc(k))
                .append("</option>"));
        out.append("</select>\n<p id=\"journal-count\" aria-live=\"polite\"></p>\n</div>\n");
    }

    private static void row(StringBuilder out, JournalRow r) {
        out.append("<tr data-kind=\"").append(Html.esc(r.kind())).append('"').append(r.failed() ? " class=\"drift\"" : "")
                .append("><th scope=\"row\">").append(HumanTime.time(r.at())).append("</th><td>")
                .append(Html.esc(r.kind())).append("</td><td>").append(Html.esc(r.outcome())).append("</td><td>")
                .append(Html.esc(r.by())).append("</td><td>");
        if (r.commit() != null) {
            out.append("<code title=\"").append(Html.esc(r.commit())).append("\">")
                    .append(Html.esc(Fragments.shortCommit(r.commit()))).append("</code>");
        }
        out.append("</td><td>");
        if (!r.details().isEmpty()) {
            // A plain list, not <details>: a closed <details> would hide the changes from print.
            out.append("<ul>");
            r.details().forEach(d -> out.append("<li>").append(Html.esc(d)).append("</li>"));
            out.append("</ul>");
        }
        out.append("</td></tr>\n");
    }

    @Override
    public String css() {
        return """
                .journal-filters { display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap; }
                .journal-filters[hidden] { display: none; }
                .journal-filters input:focus, .journal-filters select:focus { outline: 3px solid #0b4f9c; outline-offset: 1px; }
                @media print { .journal-filters { display: none; } }
                """;
    }

    @Override
    public String script() {
        // Scoped to the journal's section, and silent where it is absent (the other served pages). The
        // leading semicolon keeps a preceding page's script without one from calling this function.
        return """
                ;(() => {
                  const section = document.getElementById('journal');
                  const table = section && section.querySelector('#journal-table');
                  const filter = section && section.querySelector('#journal-filter');
                  const kind = section && section.querySelector('#journal-kind');
                  if (!table || !filter || !kind || !table.tBodies.length) { return; }
                  const rows = Array.from(table.tBodies[0].rows);
                  const count = section.querySelector('#journal-count');
                  const update = () => {
                    const query = filter.value.trim().toLowerCase();
                    let shown = 0;
                    rows.forEach((row) => {
                      const match = (!kind.value || row.dataset.kind === kind.value)
                        && (!query || row.textContent.toLowerCase().includes(query));
                      row.hidden = !match;
                      if (match) { shown += 1; }
                    });
                    if (count) { count.textContent = shown + ' of ' + rows.length + ' entries shown'; }
                  };
                  filter.addEventListener('input', update);
                  kind.addEventListener('change', update);
                  filter.closest('.journal-filters').hidden = false;
                  update();
                })();
                """;
    }
}
