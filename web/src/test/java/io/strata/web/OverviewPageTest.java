package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.GrantRule;
import io.strata.access.spec.RoleSpec;
import io.strata.core.config.SourceLocation;
import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.storage.StorageState;
import io.strata.storage.catalog.DriftItem;
import io.strata.storage.catalog.ObjectKind;
import io.strata.storage.catalog.SchemaDrift;
import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.migration.MigrationSet;
import io.strata.core.plan.Action;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The overview over hand-made states: counts per layer, links to the pages, the latest apply. */
class OverviewPageTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final SourceLocation HERE = new SourceLocation(Path.of("access/roles.yaml"), 1, 1, "roles");

    private static ObservedLayer storage() {
        Migration one = new Migration(1, "schemas", "migrations/0001_schemas.sql", "CREATE SCHEMA raw;", "aa");
        Migration two = new Migration(2, "customers", "migrations/0002_customers.sql", "CREATE TABLE t (id int);", "bb");
        Migration three = new Migration(3, "orders", "migrations/0003_orders.sql", "CREATE TABLE o (id int);", "cc");
        MigrationHistory history = new MigrationHistory(List.of(
                new AppliedMigration(1, "schemas", one.file(), "aa", true, true, AT, "ci", null, 5, null),
                new AppliedMigration(2, "customers", two.file(), "bb", true, false, AT, "ci", null, 5, "boom")), true);
        SchemaDrift drift = new SchemaDrift.Drifted(AT,
                List.of(new DriftItem(Action.CREATE, ObjectKind.TABLE, "raw.extra", "was added by hand (1 column)")));
        return new ObservedLayer("storage", new LayerStatus("storage", LayerStatus.State.DRIFT, "1 applied", List.of()),
                new MigrationSet("migrations", List.of(one, two, three), List.of()), new StorageState(history, drift));
    }

    private static ObservedLayer access() {
        AccessSpec spec = new AccessSpec(List.of("access/roles.yaml"), Map.of(
                "analyst", new RoleSpec("analyst", "%", false, true, -1, "", List.of(), HERE),
                "a&b\"c", new RoleSpec("a&b\"c", "%", false, true, -1, "", List.of(), HERE)),
                List.of(new GrantRule("analyst", ObjectRef.table("marts", "customers"), false,
                        Map.of(Privilege.SELECT, false), HERE)),
                false, List.of(), List.of(), Set.of(), List.of(), false, null);
        AccessCatalog live = new AccessCatalog("postgresql", 16, "db", "postgres",
                Map.of("analyst", new Role("analyst", "%", false, true, -1, "", false),
                        "postgres", new Role("postgres", "%", true, true, -1, "", true)),
                Set.of(), Map.of("marts", "postgres"), Map.of(ObjectRef.table("marts", "customers"), "postgres"),
                List.of(new AclEntry("analyst", ObjectRef.table("marts", "customers"), Privilege.SELECT, false, "postgres"),
                        new AclEntry("postgres", ObjectRef.table("marts", "customers"), Privilege.SELECT, false, "postgres")),
                List.of());
        return new ObservedLayer("access", new LayerStatus("access", LayerStatus.State.PENDING,
                "2 role(s), 1 grant rule(s) declared; 1 difference(s)", List.of()), spec, live);
    }

    private static JournalEntry entry(String kind, Instant at, String commit, JournalEntry.Outcome outcome) {
        return new JournalEntry(kind, "dev", at, at, "alice", commit, "hash", List.of("+ storage x"), outcome, null);
    }

    private static Snapshot snapshot(List<JournalEntry> journal) {
        ObservedLayer orchestration = new ObservedLayer("orchestration",
                new LayerStatus("orchestration", LayerStatus.State.IN_SYNC, "not in use", List.of()), null, null);
        return new Snapshot("<b>prod</b>", "jdbc:postgresql://127.0.0.1/db", null,
                List.of(storage(), access(), orchestration), journal, new LineageGraph(List.of(), List.of(), 1), AT);
    }

    private static String render(Snapshot s, Links links) {
        StringBuilder out = new StringBuilder();
        new OverviewPage().body(out, s, links);
        return out.toString();
    }

    @Test
    void countsEachLayersObjectsAndLinksToItsPage() {
        String page = render(snapshot(List.of()), Links.EXPORTED);

        assertThat(page).contains("<strong><code>&lt;b&gt;prod&lt;/b&gt;</code></strong>")
                .contains("<code>strata --env NAME observe --serve</code>")
                .contains("<tr><th scope=\"row\">storage</th><td><span class=\"badge drift\">drift</span></td>"
                        + "<td>1 applied</td><td>migrations: 1 applied, 1 pending, 1 failed, 1 object(s) changed by hand"
                        + "</td><td><a href=\"#storage\">Storage page</a></td></tr>")
                .contains("<td>1 of 2 declared role(s) exist; 1 grant rule(s); 1 live privilege(s) held by declared roles"
                        + "</td><td><a href=\"#access\">Access page</a></td>")
                .contains("<tr><th scope=\"row\">orchestration</th><td><span class=\"badge in-sync\">in sync</span></td>"
                        + "<td>not in use</td><td></td><td><a href=\"#pipelines\">Pipelines page</a></td></tr>")
                .contains("<span class=\"badge drift\">drift</span> 1 layer(s)")
                .contains("Latest apply: none among the 0 latest journal entries.");
        assertThat(render(snapshot(List.of()), Links.SERVED)).contains("<a href=\"/storage#storage\">Storage page</a>")
                .contains("<a href=\"/journal#journal\">The journal</a>");
    }

    @Test
    void theLatestApplyIsTheNewestThatChangedSomethingNotARollbackNorANoOp() {
        List<JournalEntry> journal = List.of(
                entry("apply", AT.plusSeconds(30), "3333333333333333", JournalEntry.Outcome.NO_CHANGES),
                entry("rollback", AT.plusSeconds(20), "2222222222222222", JournalEntry.Outcome.SUCCEEDED),
                entry("apply", AT.plusSeconds(10), "1111111111111111", JournalEntry.Outcome.SUCCEEDED),
                entry("apply", AT, "0000000000000000", JournalEntry.Outcome.FAILED));

        assertThat(render(snapshot(journal), Links.EXPORTED)).contains("<p id=\"latest-apply\">Latest apply: succeeded by"
                + " <strong>alice</strong>, <time datetime=\"2026-01-02T03:04:15Z\">2026-01-02 03:04:15 UTC</time>,"
                + " commit <code title=\"1111111111111111\">111111111111</code>, 1 change(s).");
    }
}
