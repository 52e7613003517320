package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.AccessSpecReader;
import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.lineage.LineageGraph;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The access page over hand-made catalogs and specs: effective privileges, how they are held, drift per cell. */
class AccessPageTest {

    private static final String HOSTILE_ROLE = "<script>alert(1)</script>";
    private static final String HOSTILE_TABLE = "a&b\"c";

    private static final String SPEC = """
            public:
              tables:
                marts.stats: [SELECT]
            roles:
              analyst:
                grants:
                  schemas: {marts: [USAGE]}
                  tables: {marts.*: [SELECT]}
              alice:
                login: true
                member_of: [analyst]
              carol:
                login: true
                inherit: false
                member_of: [analyst]
              juniors:
                member_of: [analyst]
              eve:
                login: true
                member_of: [juniors]
              bob:
                login: true
              "<script>alert(1)</script>":
                grants:
                  tables: {'marts."a&b""c"': [SELECT]}
              newcomer:
                login: true
                grants:
                  tables: {marts.orders: [SELECT]}
            """;

    /** The live side: as declared, except bob's hand-made DELETE and analyst's missing SELECT on marts.orders. */
    private static AccessCatalog catalog() {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String r : List.of("postgres", "owner", "analyst", "juniors", HOSTILE_ROLE)) {
            roles.put(r, new Role(r, "", false, true, -1, "", r.equals("postgres")));
        }
        for (String r : List.of("alice", "eve", "bob")) {
            roles.put(r, new Role(r, "", true, true, -1, "", false));
        }
        roles.put("carol", new Role("carol", "", true, false, -1, "", false));
        ObjectRef customers = ObjectRef.table("marts", "customers");
        ObjectRef orders = ObjectRef.table("marts", "orders");
        ObjectRef stats = ObjectRef.table("marts", "stats");
        ObjectRef hostile = ObjectRef.table("marts", HOSTILE_TABLE);
        ObjectRef lonely = ObjectRef.table("marts", "lonely");
        Map<ObjectRef, String> owners = new LinkedHashMap<>();
        List<AclEntry> grants = new ArrayList<>();
        for (ObjectRef t : List.of(customers, orders, stats, hostile, lonely)) {
            owners.put(t, "owner");
            for (Privilege p : ObjectKind.TABLE.all()) {
                grants.add(new AclEntry("owner", t, p, false, "owner"));
            }
        }
        grants.add(new AclEntry("analyst", ObjectRef.schema("marts"), Privilege.USAGE, false, "owner"));
        for (ObjectRef t : List.of(customers, stats, hostile, lonely)) {
            grants.add(new AclEntry("analyst", t, Privilege.SELECT, false, "owner"));
        }
        grants.add(new AclEntry("bob", customers, Privilege.DELETE, false, "owner"));
        grants.add(new AclEntry("public", stats, Privilege.SELECT, false, "owner"));
        grants.add(new AclEntry(HOSTILE_ROLE, hostile, Privilege.SELECT, false, "owner"));
        Set<Membership> memberships = Set.of(new Membership("analyst", "alice"), new Membership("analyst", "carol"),
                new Membership("analyst", "juniors"), new Membership("juniors", "eve"));
        return new AccessCatalog("postgresql", 16, "app", "postgres", roles, memberships, Map.of("marts", "owner"),
                owners, grants, List.of());
    }

    private static AccessSpec spec(String yaml) {
        return new AccessSpecReader("postgresql").parse(Map.of("access/team.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static Snapshot snapshot(AccessSpec spec, AccessCatalog live) {
        LayerStatus status = new LayerStatus("access", LayerStatus.State.DRIFT, "roles", List.of());
        return new Snapshot("dev", "jdbc:postgresql://localhost/app", null,
                List.of(new ObservedLayer("access", status, spec, live)), List.of(),
                new LineageGraph(List.of(), List.of(), 1), Instant.parse("2026-01-02T03:05:00Z"));
    }

    private static String page() {
        StringBuilder out = new StringBuilder();
        new AccessPage().body(out, snapshot(spec(SPEC), catalog()), Links.EXPORTED);
        return out.toString();
    }

    /** The opening tag and text of the matrix cell of a role and an object. */
    private static String cell(String page, String role, String object) {
        Matcher m = Pattern.compile("<td data-role=\"" + Pattern.quote(Html.esc(role)) + "\" data-object=\""
                + Pattern.quote(Html.esc(object)) + "\"[^>]*>(.*?)</td>").matcher(page);
        assertThat(m.find()).as("cell %s × %s", role, object).isTrue();
        return m.group();
    }

    /** An empty cell carries no attributes: the role holds nothing there, and no drift either. */
    private static void assertNoCell(String page, String role, String object) {
        assertThat(page).contains("<th scope=\"row\"").contains("title=\"" + Html.esc(object) + "\"")
                .doesNotContain("<td data-role=\"" + Html.esc(role) + "\" data-object=\"" + Html.esc(object) + "\"");
    }

    private static String text(String cell) {
        return cell.replaceAll("<[^>]*>", "");
    }

    @Test
    void showsDirectAndInheritedPrivilegesWithHowTheyAreHeld() {
        String page = page();

        assertThat(page).contains("<table id=\"access-matrix\" class=\"matrix\">")
                .contains("\">analyst</th>").contains("data-tags=\"login\"");
        assertThat(text(cell(page, "analyst", "marts.customers"))).isEqualTo("SELECT");
        // Routes are listed once per row, best first; a cell names a privilege and its route's index.
        assertThat(page).contains("<th scope=\"row\" data-routes=\"[&quot;direct&quot;,&quot;PUBLIC&quot;]\">analyst</th>");
        assertThat(cell(page, "analyst", "marts.customers")).contains("data-how=\"SELECT=0\"").doesNotContain("drift");
        assertThat(text(cell(page, "alice", "marts.customers"))).isEqualTo("SELECT");
        assertThat(page).contains("<th scope=\"row\" data-tags=\"login\" data-routes=\"[&quot;via alice → analyst&quot;,"
                + "&quot;PUBLIC&quot;]\">alice</th>");
        assertThat(cell(page, "alice", "marts.customers")).contains("data-how=\"SELECT=0\"");
        assertThat(page).contains("data-routes=\"[&quot;PUBLIC&quot;,&quot;via eve → juniors → analyst&quot;]\">eve</th>");
        assertThat(cell(page, "eve", "marts.customers")).contains("data-how=\"SELECT=1\"");
        assertNoCell(page, "bob", "marts.lonely");
    }

    @Test
    void marksWhatANoInheritMemberHoldsOnlyAfterSetRole() {
        String page = page();

        assertThat(text(cell(page, "carol", "marts.customers"))).isEqualTo("SELECT (after SET ROLE analyst)");
        assertThat(page).contains("&quot;via carol → analyst (after SET ROLE analyst)&quot;]\">carol</th>");
    }

    @Test
    void givesEveryRoleWhatPublicHolds() {
        String page = page();

        assertThat(page).contains("<th scope=\"row\" data-routes=\"[&quot;granted to PUBLIC: every role holds it&quot;]\">"
                + "PUBLIC</th>");
        assertThat(text(cell(page, "PUBLIC", "marts.stats"))).isEqualTo("SELECT");
        assertThat(text(cell(page, "bob", "marts.stats"))).isEqualTo("SELECT");
        assertThat(page).contains("data-routes=\"[&quot;direct&quot;,&quot;PUBLIC&quot;]\">bob</th>");
        assertThat(cell(page, "bob", "marts.stats")).contains("data-how=\"SELECT=1\"");
        // analyst holds it directly too: the direct route is the one shown.
        assertThat(cell(page, "analyst", "marts.stats")).contains("data-how=\"SELECT=0\"");
    }

    @Test
    void marksCellsWhereLiveDiffersFromTheSpec() {
        String page = page();

        assertThat(cell(page, "bob", "marts.customers")).startsWith("<td data-role=\"bob\" data-object=\"marts.customers\""
                + " class=\"drift\"");
        assertThat(text(cell(page, "bob", "marts.customers"))).isEqualTo("DELETE (extra: DELETE)");
        assertThat(cell(page, "analyst", "marts.orders")).contains("class=\"drift\"");
        assertThat(text(cell(page, "analyst", "marts.orders"))).isEqualTo("(missing: SELECT)");
        // alice's missing SELECT comes through analyst: effective, the cell differs too.
        assertThat(text(cell(page, "alice", "marts.orders"))).isEqualTo("(missing: SELECT)");
        assertThat(page).contains("<th scope=\"row\" data-tags=\"login, not created\">newcomer</th>");
        assertThat(text(cell(page, "newcomer", "marts.orders"))).isEqualTo("(missing: SELECT)");
        // PUBLIC's SELECT on marts.stats will reach newcomer once created: not newcomer's drift.
        assertNoCell(page, "newcomer", "marts.stats");
        assertThat(cell(page, "alice", "marts.customers")).doesNotContain("drift");
        // The owner's privileges are not the spec's business: never drift.
        assertThat(text(cell(page, "owner", "marts.customers"))).startsWith("SELECT, INSERT, UPDATE, DELETE");
        assertThat(cell(page, "owner", "marts.customers")).doesNotContain("drift").contains("SELECT=0o INSERT=0o");
    }

    @Test
    void marksWhatPublicHoldsByHandOnPublicsRowOnly() {
        AccessCatalog base = catalog();
        List<AclEntry> grants = new ArrayList<>(base.grants());
        grants.add(new AclEntry("public", ObjectRef.table("marts", "customers"), Privilege.INSERT, false, "owner"));
        AccessCatalog live = new AccessCatalog("postgresql", 16, "app", "postgres", base.roles(), base.memberships(),
                base.schemaOwners(), base.objectOwners(), grants, List.of());
        StringBuilder out = new StringBuilder();
        new AccessPage().body(out, snapshot(spec(SPEC), live), Links.EXPORTED);
        String page = out.toString();

        assertThat(cell(page, "PUBLIC", "marts.customers")).contains("class=\"drift\"");
        assertThat(text(cell(page, "PUBLIC", "marts.customers"))).isEqualTo("INSERT (extra: INSERT)");
        assertThat(cell(page, "alice", "marts.customers")).doesNotContain("drift");
        assertThat(text(cell(page, "alice", "marts.customers"))).isEqualTo("SELECT, INSERT");
    }

    @Test
    void showsSuperusersAndLeavesOutTheServersOwnRoles() {
        String page = page();

        // postgres is a superuser too, but the server's own: left out like pg_* roles.
        assertThat(page).doesNotContain("data-role=\"postgres\"").doesNotContain("Superusers read everything");
        AccessCatalog live = catalog();
        Map<String, Role> roles = new LinkedHashMap<>(live.roles());
        roles.put("root_like", new Role("root_like", "", true, true, -1, "", true));
        AccessCatalog withSuperuser = new AccessCatalog(live.dialect(), 16, "app", "postgres", roles,
                live.memberships(), live.schemaOwners(), live.objectOwners(), live.grants(), List.of());
        StringBuilder out = new StringBuilder();
        new AccessPage().body(out, snapshot(spec(SPEC), withSuperuser), Links.EXPORTED);
        assertThat(text(cell(out.toString(), "root_like", "marts.customers"))).isEqualTo("all (superuser)");
        assertThat(out).contains("Superusers read everything, whatever the grants: root_like.");
    }

    @Test
    void listsColumnsForObjectsSomeoneBesidesTheOwnerHoldsSomethingOn() {
        String page = page();

        assertThat(page).contains("<th scope=\"col\" title=\"marts.customers\">customers</th>")
                .contains("<th scope=\"colgroup\" colspan=\"5\" id=\"access-schema-marts\">marts</th>")
                .contains("<table id=\"access-schemas\" class=\"matrix\">");
        assertThat(text(cell(page, "alice", "schema marts"))).isEqualTo("USAGE");
        assertThat(page).doesNotContain("<nav aria-label=\"Schemas in the matrix\">");
    }

    @Test
    void answersWhoCanReadWithoutAScript() {
        String page = page();

        assertThat(page).contains("<input id=\"who-can\" type=\"search\"").contains("<label for=\"who-can\">")
                .contains("<div id=\"who-can-result\" aria-live=\"polite\"></div>");
        Matcher row = Pattern.compile("<tr><th scope=\"row\">marts.customers</th><td>(.*?)</td></tr>").matcher(page);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).contains("alice (via alice → analyst)").contains("analyst (direct)")
                .contains("carol (via carol → analyst (after SET ROLE analyst))")
                .contains("eve (via eve → juniors → analyst)").doesNotContain("bob");
        assertThat(page).contains("<tr><th scope=\"row\">marts.stats</th><td>everyone (PUBLIC); ");
    }

    @Test
    void escapesHostileRoleAndTableNamesEverywhere() {
        String page = page();

        assertThat(page).doesNotContain(HOSTILE_ROLE).doesNotContain(HOSTILE_TABLE).doesNotContainIgnoringCase("<script");
        assertThat(text(cell(page, HOSTILE_ROLE, "marts." + HOSTILE_TABLE))).isEqualTo("SELECT");
        assertThat(page).contains("\">&lt;script&gt;alert(1)&lt;/script&gt;</th>")
                .contains("data-object=\"marts.a&amp;b&quot;c\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; (direct)");
    }

    @Test
    void offersLinksToEachSchemasColumnsWhenThereAreMany() {
        AccessCatalog base = catalog();
        Map<ObjectRef, String> owners = new LinkedHashMap<>(base.objectOwners());
        List<AclEntry> grants = new ArrayList<>(base.grants());
        for (int i = 0; i < 70; i++) {
            ObjectRef t = ObjectRef.table(i % 2 == 0 ? "marts" : "raw", "t" + i);
            owners.put(t, "owner");
            grants.add(new AclEntry("analyst", t, Privilege.SELECT, false, "owner"));
        }
        AccessCatalog many = new AccessCatalog("postgresql", 16, "app", "postgres", base.roles(), base.memberships(),
                Map.of("marts", "owner", "raw", "owner"), owners, grants, List.of());
        StringBuilder out = new StringBuilder();
        new AccessPage().body(out, snapshot(spec(SPEC), many), Links.SERVED);

        assertThat(out).contains("<nav aria-label=\"Schemas in the matrix\"><p>75 tables and views: jump to a schema's"
                + " columns: <a href=\"/access#access-schema-marts\">marts</a> (40) <a href=\"/access#access-schema-raw\">raw</a> (35)");
        // raw is not in the spec, so not managed: what analyst holds there is no drift.
        assertThat(cell(out.toString(), "analyst", "raw.t1")).doesNotContain("drift");
    }

    @Test
    void showsOnlyTheStatusWhenAccessIsNotObserved() {
        StringBuilder out = new StringBuilder();
        new AccessPage().body(out, SiteTest.hostile(), Links.EXPORTED);

        assertThat(out).doesNotContain("access-matrix").contains("Differences per role and object");
    }
}
