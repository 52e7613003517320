package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.Membership;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.model.Role;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Workspace;
import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.kubernetes.ClusterCronJob;
import io.strata.orchestration.kubernetes.DesiredCluster;
import io.strata.orchestration.layer.DeclaredCronJob;
import io.strata.orchestration.layer.DeclaredSchedules;
import io.strata.orchestration.layer.ScheduleFiles;
import io.strata.orchestration.lineage.Declaration;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.RunHistory;
import io.strata.orchestration.lineage.TableNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lineage page over hand-made snapshots: the graph, its details, mismatches, hostile names. */
class LineagePageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String QUOTED = "raw.a&b\"c";
    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");

    @TempDir
    Path platform;

    @Test
    void drawsEveryNodeLinkedToItsDetailsWithRunsCronJobsAndReaders() throws IOException {
        String page = render(snapshot(true));

        assertThat(page).contains("<svg id=\"lineage-graph\"").contains("<title id=\"lineage-graph-title\">");
        for (String id : List.of("node-pipeline-customers", "node-pipeline-orders", "node-table-raw_2e_customers",
                "node-table-marts_2e_customers", "node-table-raw_2e_orders", "node-table-marts_2e_orders")) {
            String kind = id.startsWith("node-pipeline") ? "pipeline" : "table";
            assertThat(page).containsPattern("<g class=\"node node-" + kind + "( mismatch)?\" id=\"" + id
                    + "\" data-name=\"[^\"]+\" tabindex=\"0\" transform=\"translate\\([0-9.]+,[0-9.]+\\)\">")
                    .contains("<a href=\"#details-" + id.substring("node-".length()) + "\" tabindex=\"-1\">")
                    .contains("id=\"details-" + id.substring("node-".length()) + "\"");
        }
        assertThat(page).contains("data-name=\"raw.customers\"");

        String customers = block(page, "details-pipeline-customers");
        assertThat(customers).contains("<dt>State</dt><dd>in sync</dd>")
                .contains("<code>customers-enrichment</code>, schedule <code>0 3 * * *</code>, image <code>${image:customers}"
                        + " (the image Strata builds for customers)</code>")
                .contains("<dt>Last run</dt><dd><span class=\"run-status\" data-status=\"succeeded\">succeeded</span>,"
                        + " started <time>2026-11-20T03:00:00Z</time>, took 1 min 5 s, read 120 row(s), wrote 118 row(s)")
                .contains("<a href=\"#details-table-raw_2e_customers\"><code>raw.customers</code></a>, 120 row(s)")
                .doesNotContain("mismatch");
        assertThat(block(page, "details-pipeline-orders"))
                .contains("schedule <code>30 1 * * * (Europe/Paris), suspended</code>")
                .contains("<dt>Last run</dt><dd><span class=\"run-status\" data-status=\"failed\">failed</span>");

        String marts = block(page, "details-table-marts_2e_customers");
        assertThat(marts).contains("<dt>Written by</dt><dd><ul><li><a href=\"#details-pipeline-customers\">")
                .contains("<dt>Readers (roles with SELECT)</dt><dd><ul><li><code>analyst</code></li>"
                        + "<li><code>alice</code> (through <code>analyst</code>)</li>"
                        + "<li><code>bob</code> (through <code>analyst</code>, after SET ROLE)</li></ul>");
        assertThat(block(page, "details-table-raw_2e_customers")).contains("<li><code>PUBLIC</code> (every role)</li>");
        assertThat(block(page, "details-table-raw_2e_orders")).contains("Readers (roles with SELECT)</dt><dd>none</dd>");
    }

    @Test
    void marksWhereTheCronJobsAndTheRunsDiffer() throws IOException {
        String page = render(snapshot(true));

        assertThat(page).contains("<strong>3 mismatch(es)</strong>")
                .contains("<a href=\"#details-pipeline-orders\"><code>orders</code></a> reads <a href=\""
                        + "#details-table-raw_2e_customers\"><code>raw.customers</code></a>: observed, not declared</li>")
                .contains("<code>orders</code></a> writes <a href=\"#details-table-marts_2e_orders\"><code>marts.orders"
                        + "</code></a>: declared, not observed</li>");
        assertThat(page).contains("<g class=\"node node-pipeline mismatch\" id=\"node-pipeline-orders\"")
                .contains("<g class=\"node node-table mismatch\" id=\"node-table-marts_2e_orders\"")
                .contains("<g class=\"node node-pipeline\" id=\"node-pipeline-customers\"")
                .contains("<g class=\"edge edge-write mismatch unobserved\" data-source=\"node-pipeline-orders\""
                        + " data-target=\"node-table-marts_2e_orders\"><title>orders writes marts.orders: declared,"
                        + " not observed</title>")
                .contains("<g class=\"edge edge-read mismatch undeclared\" data-source=\"node-table-raw_2e_customers\""
                        + " data-target=\"node-pipeline-orders\"><title>orders reads raw.customers: observed, not"
                        + " declared</title>")
                .contains("<g class=\"edge edge-read\" data-source=\"node-table-raw_2e_customers\""
                        + " data-target=\"node-pipeline-customers\">");
        assertThat(block(page, "details-pipeline-orders")).contains("<dt>State</dt><dd>mismatch</dd>")
                .contains("<li class=\"mismatch\"><a href=\"#details-table-marts_2e_orders\"><code>marts.orders</code>"
                        + "</a> <strong>declared, not observed</strong></li>");
    }

    @Test
    void escapesHostileNamesInTheSvgTextAndAttributes() throws IOException {
        String page = render(snapshot(true));

        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(svg).doesNotContain(SCRIPT).doesNotContain(QUOTED)
                .contains("data-name=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .contains("data-name=\"raw.a&amp;b&quot;c\"")
                .contains(">raw.a&amp;b&quot;c</text>")
                .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; reads raw.a&amp;b&quot;c: observed, not declared</title>")
                .contains("id=\"" + Html.id("node-pipeline", SCRIPT) + "\"");
        assertThat(page).doesNotContain(SCRIPT).doesNotContain(QUOTED)
                .contains("id=\"" + Html.id("details-pipeline", SCRIPT) + "\"")
                .contains("<dt>State</dt><dd>undeclared</dd>")
                .contains("<dt>CronJobs</dt><dd>none in <code>k8s/</code> runs it</dd>");
        // Every element id is made of safe characters only.
        Matcher ids = Pattern.compile(" id=\"([^\"]*)\"").matcher(page);
        while (ids.find()) {
            assertThat(ids.group(1)).matches("[a-z0-9_-]+");
        }
        assertThat(page).doesNotContainIgnoringCase("url(").doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(?!#)");
    }

    @Test
    void cutsLongNamesInTheBoxOnlyKeepingThemWholeInTitlesAndDetails() {
        String table = "marts." + "x".repeat(30) + "&" + "y".repeat(30);
        ObservedRun run = new ObservedRun("r1", "succeeded", T0, T0.plusSeconds(2), Map.of(), Map.of(table, 5L));
        LineageGraph lineage = LineageGraph.build(List.of(), new RunHistory(new TableNames("public", false),
                Map.of("p", new RunHistory.PipelineRuns("p", run, List.of(run))), 1));
        String page = render(new Snapshot("dev", "jdbc:postgresql://x/y", null, List.of(), List.of(), lineage, T0));

        String shown = table.substring(0, LineageSvg.MAX_LABEL - 1);
        assertThat(page).contains("<text class=\"label\" x=\"10\" y=\"17\">" + Html.esc(shown) + "…</text>")
                .contains("data-name=\"" + Html.esc(table) + "\"")
                .contains("<title>" + Html.esc(table) + " (table, declared and observed differ)</title>")
                .contains("<h3>Table <code>" + Html.esc(table) + "</code></h3>");
    }

    @Test
    void showsTheImageStrataBuiltInAKubernetesEnvironment() throws IOException {
        Snapshot local = snapshot(true);
        DeclaredSchedules declared = local.desired(DeclaredSchedules.class).orElseThrow();
        List<ClusterCronJob> cronJobs = declared.cronJobs().stream()
                .map(job -> new ClusterCronJob(job, "data", job.pipeline().equals("customers")
                        ? "registry.example.com/data/customers:4f2a9c" : null, JsonNodeFactory.instance.objectNode()))
                .toList();
        ObservedLayer cluster = new ObservedLayer("orchestration", local.layers().get(0).status(),
                new DesiredCluster(declared, cronJobs, List.of()), null);
        String page = render(new Snapshot("production", local.databaseUrl(), null, List.of(cluster, local.layers().get(1)),
                List.of(), local.lineage(), T0));

        assertThat(block(page, "details-pipeline-customers"))
                .contains("schedule <code>0 3 * * *</code>, image <code>registry.example.com/data/customers:4f2a9c</code>");
        // No image built yet for orders: the reference as its manifest writes it.
        assertThat(block(page, "details-pipeline-orders"))
                .contains("image <code>${image:orders} (the image Strata builds for orders)</code>");
    }

    @Test
    void saysSoWhenTheAccessLayerWasNotObserved() throws IOException {
        String page = render(snapshot(false));

        assertThat(block(page, "details-table-marts_2e_customers"))
                .contains("<dt>Readers (roles with SELECT)</dt><dd>not known: the access layer was not observed</dd>");
    }

    @Test
    void keepsTheOldSentenceWithoutPipelines() {
        Snapshot empty = new Snapshot("dev", "jdbc:postgresql://x/y", null, List.of(), List.of(),
                new LineageGraph(List.of(), List.of(), 1), T0);
        assertThat(render(empty)).contains("No pipeline is declared").doesNotContain("<svg");
    }

    @Test
    void scriptIsScopedToTheLineageSection() {
        String script = new LineagePage().script();
        assertThat(script).contains("document.getElementById('lineage')").contains("if (!svg) { return; }")
                .doesNotContain("document.querySelector(");
    }

    private static String render(Snapshot snapshot) {
        StringBuilder out = new StringBuilder();
        new LineagePage().body(out, snapshot, Links.EXPORTED);
        return out.toString();
    }

    /** The text of the details block with this id. */
    private static String block(String page, String id) {
        int start = page.indexOf(" id=\"" + id + "\"");
        assertThat(start).as(id).isGreaterThan(0);
        return page.substring(start, page.indexOf("</article>", start));
    }

    Snapshot snapshot(boolean withAccess) throws IOException {
        for (String pipeline : List.of("customers", "orders")) {
            Files.createDirectories(platform.resolve("pipelines/" + pipeline));
            Files.writeString(platform.resolve("pipelines/" + pipeline + "/pom.xml"), "<project/>\n");
        }
        Files.createDirectories(platform.resolve("k8s"));
        Files.writeString(platform.resolve("k8s/jobs.yaml"), cronJob("customers-enrichment", "customers", "0 3 * * *",
                "", "raw.customers", "marts.customers", "false") + "---\n" + cronJob("orders-nightly", "orders",
                "30 1 * * *", "  timeZone: Europe/Paris\n", "raw.orders", "marts.orders", "true"));
        DeclaredSchedules declared = ScheduleFiles.read(new Workspace(platform, ""), false);

        ObservedRun customers = new ObservedRun("r1", "succeeded", T0, T0.plusSeconds(65),
                Map.of("raw.customers", 120L), Map.of("marts.customers", 118L));
        ObservedRun ordersOk = new ObservedRun("r2", "succeeded", T0.minusSeconds(86_400), T0.minusSeconds(86_000),
                Map.of("raw.orders", 10L, "raw.customers", 120L), Map.of());
        ObservedRun ordersFailed = new ObservedRun("r3", "failed", T0, T0.plusSeconds(3), Map.of(), Map.of());
        ObservedRun hostile = new ObservedRun("r4", "succeeded", T0, T0.plusSeconds(1), Map.of(QUOTED, 1L), Map.of());
        RunHistory history = new RunHistory(new TableNames("public", false), Map.of(
                "customers", new RunHistory.PipelineRuns("customers", customers, List.of(customers)),
                "orders", new RunHistory.PipelineRuns("orders", ordersFailed, List.of(ordersOk)),
                SCRIPT, new RunHistory.PipelineRuns(SCRIPT, hostile, List.of(hostile))), 1);
        LineageGraph lineage = LineageGraph.build(
                Declaration.of(declared.cronJobs().stream().map(DeclaredCronJob::manifest).toList()), history);

        ObservedLayer orchestration = new ObservedLayer("orchestration",
                new LayerStatus("orchestration", LayerStatus.State.IN_SYNC, "2 CronJob(s)", List.of()), declared, null);
        ObservedLayer access = new ObservedLayer("access",
                new LayerStatus("access", LayerStatus.State.IN_SYNC, "3 role(s)", List.of()), null, catalog());
        return new Snapshot("dev", "jdbc:postgresql://127.0.0.1/db", null,
                withAccess ? List.of(orchestration, access) : List.of(orchestration), List.of(), lineage, T0);
    }

    private static AccessCatalog catalog() {
        Map<String, Role> roles = Map.of(
                "analyst", new Role("analyst", "", false, true, -1, "", false),
                "alice", new Role("alice", "", true, true, -1, "", false),
                "bob", new Role("bob", "", true, false, -1, "", false));
        ObjectRef marts = ObjectRef.table("marts", "customers");
        ObjectRef raw = ObjectRef.table("raw", "customers");
        Map<ObjectRef, String> owners = new java.util.LinkedHashMap<>();
        for (ObjectRef t : List.of(marts, raw, ObjectRef.table("raw", "orders"), ObjectRef.table("marts", "orders"))) {
            owners.put(t, "owner");
        }
        return new AccessCatalog("postgresql", 16, "db", "owner", roles,
                Set.of(new Membership("analyst", "alice"), new Membership("analyst", "bob")),
                Map.of("raw", "owner", "marts", "owner"), owners,
                List.of(new AclEntry("analyst", marts, Privilege.SELECT, false, "owner"),
                        new AclEntry("analyst", marts, Privilege.INSERT, false, "owner"),
                        new AclEntry("public", raw, Privilege.SELECT, false, "owner")),
                List.of());
    }

    private static String cronJob(String name, String pipeline, String schedule, String zone, String reads,
            String writes, String suspend) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %s
                  annotations:
                    strata.io/pipeline: %s
                    strata.io/reads: %s
                    strata.io/writes: %s
                spec:
                  schedule: "%s"
                %s  suspend: %s
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: main
                              image: ${image:%s}
                """.formatted(name, pipeline, reads, writes, schedule, zone, suspend, pipeline);
    }
}
