package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.lineage.LineageGraph;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages as text: escaping, no external references, the same content served and exported. */
class SiteTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String QUOTED = "a&b\"c";

    private static ObservedLayer layer(LayerStatus status) {
        return new ObservedLayer(status.layer(), status, null, null);
    }

    static Snapshot hostile() {
        return new Snapshot(SCRIPT, "jdbc:postgresql://db.example.com:5432/" + QUOTED, null, List.of(
                layer(new LayerStatus("storage", LayerStatus.State.DRIFT, "6 applied, 0 problem(s), 1 object(s) changed by hand",
                        List.of("1 object(s) changed by hand:", "  + table marts." + SCRIPT + " was added by hand"))),
                layer(new LayerStatus("access", LayerStatus.State.DRIFT, "3 role(s)",
                        List.of("drift: " + QUOTED + ":", "  - revoke SELECT on marts." + SCRIPT + " from " + QUOTED))),
                layer(new LayerStatus("orchestration", LayerStatus.State.IN_SYNC, "1 CronJob(s) on the local scheduler",
                        List.of(SCRIPT + ": " + QUOTED + "  0 3 * * * (UTC)  next 2026-11-27 03:00  never run  "
                                + "marts." + SCRIPT + " not written yet")))),
                List.of(new JournalEntry("apply", SCRIPT, Instant.parse("2026-01-02T03:04:05Z"),
                        Instant.parse("2026-01-02T03:04:06Z"), QUOTED, "0123456789abcdef", "hash",
                        List.of("+ storage " + SCRIPT), JournalEntry.Outcome.FAILED, SCRIPT)),
                new LineageGraph(List.of(), List.of(), 1), Instant.parse("2026-01-02T03:05:00Z"));
    }

    /** The page without the site's own inline script, whose text is fixed and allowed by hash. */
    private static String withoutOwnScript(String page) {
        return page.replaceFirst("(?s)<script>.*?</script>\n</body>", "</body>");
    }

    @Test
    void escapesEveryHostileName() {
        String page = withoutOwnScript(Site.export(hostile()));

        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContain(QUOTED)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("a&amp;b&quot;c")
                .contains("<td>a&amp;b&quot;c</td>")
                .contains("<th scope=\"row\">drift: a&amp;b&quot;c:</th>");
    }

    @Test
    void allowsOnlyItsOwnScriptByHash() {
        String page = Site.export(hostile());
        Matcher scripts = Pattern.compile("(?i)<script").matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
        }
        assertThat(count).isLessThanOrEqualTo(1);
        assertThat(Site.contentSecurityPolicy()).startsWith("default-src 'none'; style-src 'unsafe-inline'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'unsafe-inline'");
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
                + Site.contentSecurityPolicy() + "\">");
        assertThat(page).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    }

    @Test
    void referencesNothingOutsideTheFile() {
        String page = Site.export(hostile());

        // A URL may appear as text (the database URL), never as something the browser would load or follow.
        assertThat(Pattern.compile("(?i)(src|href|action|srcset)\\s*=\\s*\"(?!#)").matcher(page).find()).isFalse();
        assertThat(page).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<img");
    }

    @Test
    void isAccessibleAndPrintable() {
        String page = Site.export(hostile());

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<a class=\"skip\" href=\"#main\">").contains("<main id=\"main\">")
                .contains("@media print");
        for (Page p : Site.PAGES) {
            assertThat(page).contains("<section id=\"" + p.id() + "\"").contains("href=\"#" + p.id() + "\"");
        }
    }

    @Test
    void servesEachPageAtItsPathWithTheExportsContent() {
        Snapshot snapshot = hostile();
        String export = Site.export(snapshot);
        for (Page p : Site.PAGES) {
            String path = p.id().equals("overview") ? "/" : "/" + p.id();
            assertThat(Site.pageId(path)).hasValue(p.id());
            String served = Site.page(p.id(), snapshot).orElseThrow();
            String section = served.substring(served.indexOf("<section id=\"" + p.id()), served.indexOf("</main>"));
            // Links differ (a path served, an anchor exported); the content is the same.
            assertThat(export.replace("href=\"#", "href=\"@")).contains(section.replaceAll("href=\"/[a-z]*#", "href=\"@"));
            assertThat(served).contains("aria-current=\"page\">" + p.title() + "</a>");
        }
        assertThat(Site.pageId("/overview")).isEmpty();
        assertThat(Site.pageId("/nothing")).isEmpty();
        assertThat(Site.page("nothing", snapshot)).isEmpty();
    }

    @Test
    void idsKeepHostileNamesInsideTheAttributeAndApart() {
        assertThat(Html.id("table", "marts.customers")).isEqualTo("table-marts_2e_customers");
        assertThat(Html.id("table", "a\"b<c")).matches("[a-z0-9_-]+");
        assertThat(Html.id("table", "a.b")).isNotEqualTo(Html.id("table", "a_b"));
    }
}
