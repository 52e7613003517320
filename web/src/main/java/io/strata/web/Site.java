package io.strata.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The observe site: six pages over one {@link Snapshot}. {@code observe --serve} answers each
 * page's path with {@link #page}; {@code observe --html} writes {@link #export}, the same pages as
 * the sections of one self-contained file.
 *
 * <p>Both carry the same content security policy, in a header when served and in a meta element
 * in the file: no fetches at all, inline styles, and only the site's own inline script, allowed by
 * its hash. A name that escaped escaping still could not run as code.
 */
public final class Site {

    public static final List<Page> PAGES = List.of(new OverviewPage(), new StoragePage(), new AccessPage(),
            new PipelinesPage(), new LineagePage(), new JournalPage());

    /** The site's own script first (keyboard shortcuts), then each page's. */
    private static final String SCRIPT = Stream.concat(Stream.of(Shortcuts.SCRIPT), PAGES.stream().map(Page::script))
            .filter(s -> !s.isBlank()).collect(Collectors.joining("\n"));

    private static final String CSS = SiteStyle.CSS + PAGES.stream().map(Page::css).collect(Collectors.joining());

    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
            + (SCRIPT.isEmpty() ? "" : "; script-src 'sha256-" + sha256(SCRIPT) + "'");

    private Site() {}

    /** The value of the Content-Security-Policy header that goes with every page of the site. */
    public static String contentSecurityPolicy() {
        return POLICY;
    }

    /** The page served at {@code /id} ({@code /} for the overview); empty for an unknown id. */
    public static Optional<String> page(String id, Snapshot snapshot) {
        return PAGES.stream().filter(p -> p.id().equals(id)).findFirst().map(page -> {
            StringBuilder out = new StringBuilder(32_768);
            head(out, page.title() + ": " + snapshot.environment());
            header(out, snapshot, Links.SERVED, page);
            out.append("<main id=\"main\">\n");
            section(out, page, snapshot, Links.SERVED);
            out.append("</main>\n");
            tail(out);
            return out.toString();
        });
    }

    /** Every page in one file, in the order of {@link #PAGES}. */
    public static String export(Snapshot snapshot) {
        StringBuilder out = new StringBuilder(65_536);
        head(out, snapshot.environment());
        header(out, snapshot, Links.EXPORTED, null);
        out.append("<main id=\"main\">\n");
        for (Page page : PAGES) {
            section(out, page, snapshot, Links.EXPORTED);
        }
        out.append("</main>\n");
        tail(out);
        return out.toString();
    }

    /** A page that says why there is no report: a failed observation, a wrong method or path. */
    public static String message(String title, String text) {
        StringBuilder out = new StringBuilder(4_096);
        head(out, title);
        out.append("<main id=\"main\">\n<h1>Strata observe: ").append(Html.esc(title)).append("</h1>\n<pre>")
                .append(Html.esc(text)).append("</pre>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The paths served: {@code /} and one per page but the overview. */
    public static Optional<String> pageId(String path) {
        if (path.equals("/")) {
            return Optional.of(OverviewPage.ID);
        }
        return PAGES.stream().map(Page::id).filter(id -> !id.equals(OverviewPage.ID) && path.equals("/" + id))
                .findFirst();
    }

    private static void head(StringBuilder out, String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Strata observe: ").append(Html.esc(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
    }

    private static void header(StringBuilder out, Snapshot s, Links links, Page current) {
        out.append("<header>\n<h1>Strata observe: <code>").append(Html.esc(s.environment())).append("</code></h1>\n")
                .append("<p>Database: <code>").append(Html.esc(s.databaseUrl())).append("</code>");
        if (s.psql() != null) {
            out.append("<br>psql: <code>").append(Html.esc(s.psql())).append("</code>");
        }
        out.append("<br>Observed at <time>").append(Html.esc(s.observedAt().toString())).append("</time></p>\n")
                .append("<nav aria-label=\"Pages\"><ul>");
        for (Page page : PAGES) {
            out.append("<li><a href=\"").append(links.to(page.id(), null)).append('"')
                    .append(page == current ? " aria-current=\"page\"" : "").append('>').append(page.title())
                    .append("</a></li>");
        }
        out.append("</ul></nav>\n");
        Shortcuts.hint(out, PAGES);
        out.append("</header>\n");
    }

    private static void section(StringBuilder out, Page page, Snapshot snapshot, Links links) {
        out.append("<section id=\"").append(page.id()).append("\" aria-labelledby=\"").append(page.id())
                .append("-h\">\n<h2 id=\"").append(page.id()).append("-h\">").append(page.title()).append("</h2>\n");
        page.body(out, snapshot, links);
        out.append("</section>\n");
    }

    private static void tail(StringBuilder out) {
        if (!SCRIPT.isEmpty()) {
            out.append("<script>").append(SCRIPT).append("</script>\n");
        }
        out.append("</body>\n</html>\n");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }
}
