package io.strata.cli.render;

import io.strata.access.AccessLayer;
import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import io.strata.orchestration.layer.OrchestrationLayer;
import io.strata.storage.StorageLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders an {@link ObserveReport} as one self-contained HTML page ({@code observe --html}): the
 * same report the text and JSON views print, laid out as sections for a browser, a CI artifact or
 * a pull request. Inline CSS only: no scripts and no fetches, so the file opens offline and a
 * hostile name can never run as code.
 *
 * <p>Layers report their objects as lines ({@link LayerStatus#details()}); this view groups them
 * (an indented line belongs to the line above it) and, for orchestration, splits the CronJob line
 * at its two-space separators into columns. A line it cannot split is shown whole, never dropped.
 */
public final class HtmlObserveView {

    private HtmlObserveView() {}

    public static String render(ObserveReport r) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Strata observe: ").append(esc(r.environment())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
                .append("<header>\n<h1>Strata observe: <code>").append(esc(r.environment())).append("</code></h1>\n")
                .append("<p>Database: <code>").append(esc(r.databaseUrl())).append("</code>");
        if (r.psql() != null) {
            out.append("<br>psql: <code>").append(esc(r.psql())).append("</code>");
        }
        out.append("</p>\n<nav aria-label=\"Sections\"><ul>");
        for (String[] section : SECTIONS) {
            out.append("<li><a href=\"#").append(section[0]).append("\">").append(section[1]).append("</a></li>");
        }
        out.append("</ul></nav>\n</header>\n<main id=\"main\">\n");
        overview(out, r);
        storage(out, layer(r, StorageLayer.NAME));
        access(out, layer(r, AccessLayer.NAME));
        pipelines(out, layer(r, OrchestrationLayer.NAME));
        journal(out, r.journal());
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /**
     * A page that says why there is no report ({@code observe --serve} when observing failed, or a
     * wrong method or path): same styles as the report, every word escaped, no scripts.
     */
    public static String message(String title, String text) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Strata observe: " + esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + "<main id=\"main\">\n<h1>Strata observe: " + esc(title) + "</h1>\n<pre>" + esc(text)
                + "</pre>\n</main>\n</body>\n</html>\n";
    }

    /** Escapes text for an element body and for a quoted attribute alike. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final String[][] SECTIONS = {
        {"overview", "Overview"}, {"storage", "Storage"}, {"access", "Access"}, {"pipelines", "Pipelines"},
        {"journal", "Journal"}};

    private static Optional<LayerStatus> layer(ObserveReport r, String name) {
        return r.layers().stream().filter(l -> l.layer().equals(name)).findFirst();
    }

    private static void overview(StringBuilder out, ObserveReport r) {
        out.append("<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">Overview</h2>\n");
        Map<LayerStatus.State, Integer> counts = new TreeMap<>();
        r.layers().forEach(l -> counts.merge(l.state(), 1, Integer::sum));
        out.append("<p class=\"counts\">");
        for (LayerStatus.State state : LayerStatus.State.values()) {
            out.append(badge(state)).append(' ').append(counts.getOrDefault(state, 0)).append(" layer(s) ");
        }
        out.append("</p>\n<table>\n<caption>State per layer</caption>\n<thead><tr><th scope=\"col\">Layer</th>")
                .append("<th scope=\"col\">State</th><th scope=\"col\">Summary</th></tr></thead>\n<tbody>\n");
        for (LayerStatus l : r.layers()) {
            out.append("<tr><th scope=\"row\">").append(esc(l.layer())).append("</th><td>").append(badge(l.state()))
                    .append("</td><td>").append(esc(l.summary())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (r.journal().isEmpty()) {
            out.append("<p>Latest journal entry: nothing applied yet.</p>\n");
        } else {
            JournalEntry e = r.journal().get(0);
            out.append("<p>Latest journal entry: ").append(esc(e.kind())).append(' ').append(esc(e.outcome().label()))
                    .append(" by <strong>").append(esc(e.user())).append("</strong>, <time>")
                    .append(esc(String.valueOf(e.finishedAt()))).append("</time>, commit <code>")
                    .append(esc(TextPlanView.shortCommit(e.gitCommit()))).append("</code>.</p>\n");
        }
        out.append("</section>\n");
    }

    private static void storage(StringBuilder out, Optional<LayerStatus> layer) {
        open(out, "storage", "Storage", layer);
        layer.ifPresent(l -> groups(out, l, "Migrations and schema drift", "Migration or object"));
        out.append("</section>\n");
    }

    private static void access(StringBuilder out, Optional<LayerStatus> layer) {
        open(out, "access", "Access", layer);
        layer.ifPresent(l -> groups(out, l, "Differences per role and object", "Role"));
        out.append("</section>\n");
    }

    private static void pipelines(StringBuilder out, Optional<LayerStatus> layer) {
        open(out, "pipelines", "Pipelines", layer);
        if (layer.isPresent()) {
            List<List<String>> cronJobs = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String line : layer.get().details()) {
                cronJob(line).ifPresentOrElse(cronJobs::add, () -> other.add(line));
            }
            if (!cronJobs.isEmpty()) {
                out.append("<table>\n<caption>Scheduled CronJobs</caption>\n<thead><tr>");
                for (String column : List.of("Pipeline", "CronJob", "Schedule", "Next run", "Last run", "Freshness")) {
                    out.append("<th scope=\"col\">").append(column).append("</th>");
                }
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : cronJobs) {
                    out.append("<tr><th scope=\"row\">").append(esc(row.get(0))).append("</th>");
                    for (int i = 1; i < row.size(); i++) {
                        out.append("<td>").append(esc(row.get(i))).append("</td>");
                    }
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            }
            if (!other.isEmpty()) {
                out.append("<h3>Pending and drift</h3>\n<ul>\n");
                other.forEach(line -> out.append("<li>").append(esc(line)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        out.append("</section>\n");
    }

    /**
     * Splits ScheduleStatus's line {@code pipeline: cronjob  schedule (zone)  next ...  last run ...
     * [table freshness]...} into six cells; empty when the line has another shape (pending, drift,
     * an unparsable manifest).
     */
    static Optional<List<String>> cronJob(String line) {
        if (line.startsWith(" ") || line.startsWith("drift: ")) {
            return Optional.empty();
        }
        String[] parts = line.split(" {2}");
        int colon = parts[0].indexOf(": ");
        if (parts.length < 4 || colon < 0 || line.contains("cannot be scheduled")) {
            return Optional.empty();
        }
        List<String> freshness = List.of(parts).subList(4, parts.length);
        return Optional.of(List.of(parts[0].substring(0, colon), parts[0].substring(colon + 2), parts[1], parts[2],
                parts[3], String.join("; ", freshness)));
    }

    private static void open(StringBuilder out, String id, String title, Optional<LayerStatus> layer) {
        out.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n<h2 id=\"")
                .append(id).append("-h\">").append(title).append("</h2>\n");
        if (layer.isEmpty()) {
            out.append("<p>Not observed (narrowed by <code>--layer</code>).</p>\n");
        } else {
            out.append("<p>").append(badge(layer.get().state())).append(' ').append(esc(layer.get().summary()))
                    .append("</p>\n");
        }
    }

    /** A table of the layer's lines: a line with indented lines under it is one row. */
    private static void groups(StringBuilder out, LayerStatus layer, String caption, String head) {
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
            String cls = first.startsWith("drift") || first.contains(" by hand") || first.contains(" was edited") ? " class=\"drift\""
                    : first.startsWith("+ ") || first.startsWith("pending") ? " class=\"pending\"" : "";
            out.append("<tr").append(cls).append("><th scope=\"row\">").append(esc(first)).append("</th><td>");
            if (group.size() > 1) {
                out.append("<ul>");
                group.subList(1, group.size()).forEach(d -> out.append("<li>").append(esc(d)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void journal(StringBuilder out, List<JournalEntry> journal) {
        out.append("<section id=\"journal\" aria-labelledby=\"journal-h\">\n<h2 id=\"journal-h\">Journal</h2>\n");
        if (journal.isEmpty()) {
            out.append("<p>Nothing applied yet.</p>\n</section>\n");
            return;
        }
        out.append("<table>\n<caption>Latest entries first</caption>\n<thead><tr>");
        for (String column : List.of("Finished", "Kind", "Outcome", "User", "Commit", "Changes")) {
            out.append("<th scope=\"col\">").append(column).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (JournalEntry e : journal) {
            out.append("<tr").append(e.outcome() == JournalEntry.Outcome.FAILED ? " class=\"drift\"" : "")
                    .append("><th scope=\"row\"><time>").append(esc(String.valueOf(e.finishedAt())))
                    .append("</time></th><td>").append(esc(e.kind())).append("</td><td>")
                    .append(esc(e.outcome().label()));
            if (e.error() != null) {
                out.append(": ").append(esc(e.error().lines().findFirst().orElse("")));
            }
            out.append("</td><td>").append(esc(e.user())).append("</td><td><code>")
                    .append(esc(TextPlanView.shortCommit(e.gitCommit()))).append("</code></td><td>");
            if (e.changes().isEmpty()) {
                out.append("none");
            } else {
                // A plain list, not <details>: a closed <details> would hide the changes from print.
                out.append(e.changes().size()).append(" change(s)<ul>");
                e.changes().forEach(c -> out.append("<li>").append(esc(c)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private static String badge(LayerStatus.State state) {
        // The state is written out, not only coloured: it must read the same in grey print and to a screen reader.
        return "<span class=\"badge " + state.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\">"
                + state.label() + "</span>";
    }

    // Colours keep at least 4.5:1 contrast with their background (WCAG AA for body text).
    private static final String CSS = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a;
                   background: #fff; margin: 0 auto; max-width: 72rem; padding: 0 1rem 2rem; }
            .skip { position: absolute; left: -999px; }
            .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #0b4f9c; padding: .5rem; z-index: 1; }
            a { color: #0b4f9c; }
            a:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
            header { border-bottom: 2px solid #d0d0d0; }
            nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
            h2 { border-bottom: 1px solid #d0d0d0; padding-bottom: .2rem; margin-top: 2rem; }
            code { font: 13px ui-monospace, Menlo, Consolas, monospace; background: #f2f2f2; padding: 0 .2rem;
                   overflow-wrap: break-word; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
            caption { text-align: left; font-weight: 600; padding: .3rem 0; }
            th, td { border: 1px solid #c8c8c8; padding: .35rem .5rem; text-align: left; vertical-align: top;
                     overflow-wrap: break-word; }
            thead th { background: #ececec; }
            tbody th { font-weight: 600; }
            td ul { margin: .2rem 0; padding-left: 1.2rem; }
            tr.drift { background: #fdecea; }
            tr.pending { background: #fff6db; }
            .badge { display: inline-block; border-radius: .3rem; padding: 0 .45rem; font-weight: 600;
                     border: 1px solid currentColor; }
            .badge.in-sync { color: #185c2b; background: #e6f4ea; }
            .badge.pending { color: #6b4a00; background: #fff6db; }
            .badge.drift { color: #8a1c12; background: #fdecea; }
            @media print {
              body { font-size: 10pt; max-width: none; padding: 0; }
              .skip, nav { display: none; }
              a { color: inherit; text-decoration: none; }
              section { break-inside: avoid-page; }
              tr { break-inside: avoid; }
              tr.drift, tr.pending, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
