package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import io.strata.core.plan.Action;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.storage.StorageState;
import io.strata.storage.catalog.DriftItem;
import io.strata.storage.catalog.ObjectKind;
import io.strata.storage.catalog.SchemaDrift;
import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Checksum;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.migration.MigrationSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage page over hand-made states: one row per migration, checksums, durations, drift per object. */
class StoragePageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private static Migration file(long version, String name, String sql) {
        return new Migration(version, name, String.format("migrations/%04d_%s.sql", version, name), sql,
                Checksum.of(sql.getBytes(StandardCharsets.UTF_8)));
    }

    private static AppliedMigration row(Migration m, boolean success, long durationMs, String error) {
        return new AppliedMigration(m.version(), m.name(), m.file(), m.checksum(), true, success, AT, "a&b\"c",
                "0123456789abcdef0123", durationMs, error);
    }

    private static String render(MigrationSet files, StorageState live) {
        Snapshot s = new Snapshot("dev", "jdbc:postgresql://127.0.0.1/db", null, List.of(new ObservedLayer("storage",
                new LayerStatus("storage", LayerStatus.State.DRIFT, "summary", List.of()), files, live)),
                List.of(), new LineageGraph(List.of(), List.of(), 1), AT);
        StringBuilder out = new StringBuilder();
        new StoragePage().body(out, s, Links.EXPORTED);
        return out.toString();
    }

    @Test
    void listsAppliedPendingFailedAndEditedMigrationsOneRowEach() {
        Migration schemas = file(1, "create_schemas", "CREATE SCHEMA raw;\n");
        Migration hostile = file(2, SCRIPT, "CREATE TABLE raw.customers (id int);\n");
        Migration edited = file(3, "orders", "CREATE TABLE raw.orders (id bigint);\n");
        Migration editedBefore = file(3, "orders", "CREATE TABLE raw.orders (id int);\n");
        Migration failed = file(4, "payments", "CREATE TABLE raw.payments (id int);\n");
        Migration pending = file(5, "segment", "ALTER TABLE raw.customers ADD segment text;\n");
        MigrationSet files = new MigrationSet("migrations", List.of(schemas, hostile, edited, failed, pending), List.of());
        MigrationHistory history = new MigrationHistory(List.of(row(schemas, true, 35, null),
                row(hostile, true, 1_234, null), row(editedBefore, true, 125_000, null),
                row(failed, false, 7, "relation \"payments\" already exists\nat line 1")), true);

        String page = render(files, new StorageState(history, new SchemaDrift.InSync(AT)));

        assertThat(page).contains("<table id=\"migrations\">")
                .contains("<th scope=\"col\">Version</th><th scope=\"col\">Description</th><th scope=\"col\">File</th>"
                        + "<th scope=\"col\">Status</th><th scope=\"col\">Checksum</th><th scope=\"col\">Applied at</th>"
                        + "<th scope=\"col\">Applied by</th><th scope=\"col\">Commit</th><th scope=\"col\">Duration</th>")
                .contains("<tr id=\"migration-1\"><th scope=\"row\">1</th><td>create_schemas</td>"
                        + "<td><code>migrations/0001_create_schemas.sql</code></td><td>applied</td><td><code title=\""
                        + schemas.checksum() + "\">" + schemas.checksum().substring(0, 12) + "</code></td>"
                        + "<td><time datetime=\"2026-01-02T03:04:05Z\">2026-01-02 03:04:05 UTC</time></td>"
                        + "<td>a&amp;b&quot;c</td><td><code title=\"0123456789abcdef0123\">0123456789ab</code></td>"
                        + "<td>35 ms</td></tr>")
                .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>").contains("<td>1.2 s</td>")
                .contains("<tr id=\"migration-3\" class=\"drift\">").contains("<td>edited after apply</td>")
                .contains("MISMATCH: recorded <code title=\"" + editedBefore.checksum() + "\">",
                        "file now <code title=\"" + edited.checksum() + "\">")
                .contains("<td>2 min 5 s</td>")
                .contains("<tr id=\"migration-4\" class=\"drift\">")
                .contains("<td>failed: relation &quot;payments&quot; already exists</td>")
                .contains("<tr id=\"migration-5\" class=\"pending\"><th scope=\"row\">5</th><td>segment</td>"
                        + "<td><code>migrations/0005_segment.sql</code></td><td>pending</td><td><code title=\""
                        + pending.checksum() + "\">")
                .doesNotContain(SCRIPT).doesNotContain("a&b\"c");
        assertThat(page.split("<tr id=\"migration-", -1)).hasSize(6);
        // The refusals in MigrationDiff's words, with what to do.
        assertThat(page).contains("<h3 id=\"storage-problems\">")
                .contains("migrations/0003_orders.sql was edited after it was applied")
                .contains("run `strata migrations repair` so it is retried");
    }

    @Test
    void listsEveryObjectChangedByHandAsADriftRow() {
        Migration schemas = file(1, "create_schemas", "CREATE SCHEMA raw;\n");
        SchemaDrift drift = new SchemaDrift.Drifted(AT, List.of(
                new DriftItem(Action.CREATE, ObjectKind.TABLE, "marts." + SCRIPT, "was added by hand (1 column)"),
                new DriftItem(Action.ALTER, ObjectKind.COLUMN, "marts.customers.segment",
                        "type character varying(50) → text")));

        String page = render(new MigrationSet("migrations", List.of(schemas), List.of()),
                new StorageState(new MigrationHistory(List.of(row(schemas, true, 35, null)), true), drift));

        assertThat(page).contains("<p>2 objects changed by hand since the catalog snapshot of 2026-01-02T03:04:05Z.</p>")
                .contains("<table id=\"schema-drift\">")
                .contains("<tr class=\"drift\"><th scope=\"row\"><code>marts.&lt;script&gt;alert(1)&lt;/script&gt;</code>"
                        + "</th><td>table</td><td>+ added</td><td>was added by hand (1 column)</td></tr>")
                .contains("<tr class=\"drift\"><th scope=\"row\"><code>marts.customers.segment</code></th><td>column</td>"
                        + "<td>~ changed</td><td>type character varying(50) → text</td></tr>")
                .doesNotContain(SCRIPT).doesNotContain("class=\"pending\"");
    }

    @Test
    void saysWhenThereIsNoSnapshotToCompareWith() {
        String page = render(new MigrationSet("migrations", List.of(), List.of()),
                new StorageState(MigrationHistory.empty(), new SchemaDrift.NoSnapshot()));

        assertThat(page).contains("No migration files in <code>migrations</code> and nothing in the history table.")
                .contains("no catalog snapshot yet").doesNotContain("<table");
    }

    @Test
    void writesDurationsForPeople() {
        assertThat(HumanTime.duration(0)).isEqualTo("0 ms");
        assertThat(HumanTime.duration(999)).isEqualTo("999 ms");
        assertThat(HumanTime.duration(1_000)).isEqualTo("1.0 s");
        assertThat(HumanTime.duration(59_960)).isEqualTo("1 min 0 s");
        assertThat(HumanTime.duration(3_725_000)).isEqualTo("1 h 2 min");
    }
}
