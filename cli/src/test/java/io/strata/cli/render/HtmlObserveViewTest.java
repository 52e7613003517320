package io.strata.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page of observe: escaping, no external references, and the CronJob columns. */
class HtmlObserveViewTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String QUOTED = "a&b\"c";

    private static ObserveReport hostile() {
        return new ObserveReport(SCRIPT, "jdbc:postgresql://db.example.com:5432/" + QUOTED, null, List.of(
                new LayerStatus("storage", LayerStatus.State.DRIFT, "6 applied, 0 problem(s), 1 object(s) changed by hand",
                        List.of("1 object(s) changed by hand:", "  + table marts." + SCRIPT + " was added by hand")),
                new LayerStatus("access", LayerStatus.State.DRIFT, "3 role(s)",
                        List.of("drift: " + QUOTED + ":", "  - revoke SELECT on marts." + SCRIPT + " from " + QUOTED)),
                new LayerStatus("orchestration", LayerStatus.State.IN_SYNC, "1 CronJob(s) on the local scheduler",
                        List.of(SCRIPT + ": " + QUOTED + "  0 3 * * * (UTC)  next 2026-11-27 03:00  never run  "
                                + "marts." + SCRIPT + " not written yet"))),
                List.of(new JournalEntry("apply", SCRIPT, Instant.parse("2026-01-02T03:04:05Z"),
                        Instant.parse("2026-01-02T03:04:06Z"), QUOTED, "0123456789abcdef", "hash",
                        List.of("+ storage " + SCRIPT), JournalEntry.Outcome.FAILED, SCRIPT)));
    }

    @Test
    void escapesEveryHostileNameAndHasNoScriptAtAll() {
        String page = HtmlObserveView.render(hostile());

        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContain(QUOTED)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("a&amp;b&quot;c")
                .contains("<td>a&amp;b&quot;c</td>")
                .contains("<th scope=\"row\">drift: a&amp;b&quot;c:</th>");
    }

    @Test
    void referencesNothingOutsideTheFile() {
        String page = HtmlObserveView.render(hostile());

        // A URL may appear as text (the database URL), never as something the browser would load or follow.
        assertThat(Pattern.compile("(?i)(src|href|action|srcset)\\s*=\\s*\"(?!#)").matcher(page).find()).isFalse();
        assertThat(page).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<img");
    }

    @Test
    void isAccessibleAndPrintable() {
        String page = HtmlObserveView.render(hostile());

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<a class=\"skip\" href=\"#main\">").contains("<main id=\"main\">")
                .contains("@media print").contains("<th scope=\"col\">Next run</th>");
        for (String id : List.of("overview", "storage", "access", "pipelines", "journal")) {
            assertThat(page).contains("<section id=\"" + id + "\"").contains("href=\"#" + id + "\"");
        }
    }

    @Test
    void splitsTheCronJobLineIntoColumnsAndKeepsOtherLinesWhole() {
        assertThat(HtmlObserveView.cronJob("customers: customers-enrichment  0 3 * * * (UTC)  next 2026-11-27 03:00"
                + "  last run succeeded 2026-11-26 03:00:02 (4.1 s, scheduled, read 10, wrote 9)  marts.customers fresh"
                + " (21 h old)  marts.other stale")).contains(List.of("customers", "customers-enrichment",
                        "0 3 * * * (UTC)", "next 2026-11-27 03:00",
                        "last run succeeded 2026-11-26 03:00:02 (4.1 s, scheduled, read 10, wrote 9)",
                        "marts.customers fresh (21 h old); marts.other stale"));
        assertThat(HtmlObserveView.cronJob("drift: customers-enrichment: its pipeline folder pipelines/x/ is gone"))
                .isEmpty();
        assertThat(HtmlObserveView.cronJob("+ customers-enrichment pending: pipeline customers")).isEmpty();
    }
}
