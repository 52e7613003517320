package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.layer.LiveSchedules;
import io.strata.orchestration.layer.RecentRuns;
import io.strata.orchestration.lineage.Declaration;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.RunHistory;
import io.strata.orchestration.lineage.TableNames;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal over a hand-made journal and run history: one table, newest first, filters only with scripts. */
class JournalPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Instant AT = Instant.parse("2026-01-02T03:00:00Z");

    private static JournalEntry entry(String kind, int minute, JournalEntry.Outcome outcome, String error) {
        Instant at = AT.plusSeconds(60L * minute);
        return new JournalEntry(kind, "dev", at.minusSeconds(2), at, "a&b\"c", "0123456789abcdef", "hash",
                List.of("+ storage migrations/0002_" + SCRIPT + ".sql"), outcome, error);
    }

    private static ObservedRun run(String id, String status, int minute, Map<String, Long> reads, Map<String, Long> writes) {
        Instant start = AT.plusSeconds(60L * minute);
        return new ObservedRun(id, status, start, status.equals("running") ? null : start.plusMillis(4_100), reads, writes);
    }

    private static Snapshot snapshot() {
        ObservedRun ok = run("r1", "succeeded", 2, Map.of("raw.customers", 10L), Map.of("marts.customers", 9L));
        ObservedRun failed = run("r2", "failed", 4, Map.of(), Map.of());
        ObservedRun running = run("r3", "running", 6, Map.of(), Map.of());
        RunHistory history = new RunHistory(new TableNames("public", false), Map.of(
                "customers", new RunHistory.PipelineRuns("customers", failed, List.of(ok)),
                SCRIPT, new RunHistory.PipelineRuns(SCRIPT, running, List.of())), 1);
        LineageGraph lineage = LineageGraph.build(List.<Declaration>of(), history);
        return new Snapshot("dev", "jdbc:postgresql://127.0.0.1/db", null, List.of(), List.of(
                entry("rollback", 5, JournalEntry.Outcome.SUCCEEDED, null),
                entry("apply", 3, JournalEntry.Outcome.FAILED, "relation exists\nmore"),
                entry("apply", 1, JournalEntry.Outcome.SUCCEEDED, null)), lineage, AT.plusSeconds(600));
    }

    private static String render(Snapshot s) {
        StringBuilder out = new StringBuilder();
        new JournalPage().body(out, s, Links.EXPORTED);
        return out.toString();
    }

    @Test
    void withTheLocalSchedulersLiveStateListsEveryRecentRunWithTheLineagesTablesWhereItHasThem() {
        Snapshot base = snapshot();
        RecentRuns recent = new RecentRuns(Map.of("customers", List.of(
                new RecentRuns.Run("r2", "failed", "schedule", AT.plusSeconds(240), AT.plusSeconds(244), 0, 0, "boom\nstack"),
                new RecentRuns.Run("r1", "succeeded", "manual", AT.plusSeconds(120), AT.plusMillis(124_100), 10, 9, null),
                new RecentRuns.Run("r0", "succeeded", "schedule", AT.plusSeconds(30), AT.plusSeconds(35), 7, 6, null))),
                Map.of(), Map.of());
        LiveSchedules live = new LiveSchedules(List.of(), recent, AT.plusSeconds(600), ZoneOffset.UTC);
        Snapshot withRuns = new Snapshot(base.environment(), base.databaseUrl(), null, List.of(new ObservedLayer(
                "orchestration", new LayerStatus("orchestration", LayerStatus.State.IN_SYNC, "", List.of()), null, live)),
                base.journal(), base.lineage(), base.observedAt());

        String page = render(withRuns);
        String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));

        // r0 is older than anything the lineage carries: only the layer's recent runs know it.
        assertThat(body).containsSubsequence("<td>failed</td>", "<li>error: boom</li>",
                "<li>run r1, manual, took 4.1 s</li>", "<li>read 10 row(s) from raw.customers</li>",
                "<li>run r0, scheduled, took 5.0 s</li>", "<li>read 7 row(s), wrote 6 row(s)</li>");
        assertThat(page).contains("its latest " + RecentRuns.RECENT + " runs").doesNotContain("stack");
    }

    @Test
    void listsAppliesRollbacksAndRunsNewestFirst() {
        String page = render(snapshot());
        String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));

        assertThat(body.split("<tr ", -1)).hasSize(7);
        assertThat(body).containsSubsequence("data-kind=\"run\"", "datetime=\"2026-01-02T03:06:00Z\"", "running",
                "pipeline &lt;script&gt;alert(1)&lt;/script&gt;",
                "data-kind=\"rollback\"", "datetime=\"2026-01-02T03:05:00Z\"",
                "data-kind=\"run\" class=\"drift\"", "datetime=\"2026-01-02T03:04:04.100Z\"", "<td>failed</td>",
                "<td>pipeline customers</td>",
                "data-kind=\"apply\" class=\"drift\"", "datetime=\"2026-01-02T03:03:00Z\"", "<li>error: relation exists</li>",
                "data-kind=\"run\"", "<td>succeeded</td>", "<li>run r1, took 4.1 s</li>",
                "<li>read 10 row(s) from raw.customers</li>", "<li>wrote 9 row(s) to marts.customers</li>",
                "data-kind=\"apply\"", "datetime=\"2026-01-02T03:01:00Z\"", "<td>succeeded</td>", "<td>a&amp;b&quot;c</td>",
                "<code title=\"0123456789abcdef\">0123456789ab</code>");
        assertThat(page).doesNotContain(SCRIPT).doesNotContain("a&b\"c").doesNotContain("more");
    }

    @Test
    void theFiltersAreLabelledAndHiddenUntilTheScriptRuns() {
        String page = render(snapshot());

        assertThat(page).contains("<table id=\"journal-table\">")
                .contains("<div class=\"journal-filters\" hidden>")
                .contains("<label for=\"journal-filter\">Search</label> <input id=\"journal-filter\" type=\"search\"")
                .contains("<label for=\"journal-kind\">Kind</label> <select id=\"journal-kind\"><option value=\"\">all"
                        + "</option><option value=\"apply\">apply</option><option value=\"rollback\">rollback</option>"
                        + "<option value=\"run\">run</option></select>");
        assertThat(new JournalPage().script()).contains("getElementById('journal')").contains("row.hidden = !match")
                .doesNotContain("innerHTML");
    }

    @Test
    void saysSoWhenThereIsNothing() {
        Snapshot empty = new Snapshot("dev", "url", null, List.of(), List.of(), new LineageGraph(List.of(), List.of(), 1),
                AT);

        assertThat(render(empty)).contains("Nothing applied and no pipeline run yet.").doesNotContain("<table");
    }
}
