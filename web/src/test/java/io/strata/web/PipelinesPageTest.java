package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.strata.core.layer.LayerStatus;
import io.strata.core.loop.ObservedLayer;
import io.strata.orchestration.kubernetes.Labels;
import io.strata.orchestration.kubernetes.LiveCluster;
import io.strata.orchestration.layer.DeclaredCronJob;
import io.strata.orchestration.layer.DeclaredSchedules;
import io.strata.orchestration.layer.LiveSchedules;
import io.strata.orchestration.layer.RecentRuns;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.ManifestDocuments;
import io.strata.orchestration.manifest.ManifestReader;
import io.strata.orchestration.manifest.NormalizedManifest;
import io.strata.orchestration.registry.RegisteredCronJob;
import io.strata.orchestration.registry.ScheduleFields;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pipelines page over hand-made live and desired states of both orchestration layers. */
class PipelinesPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Instant APPLIED = Instant.parse("2026-11-01T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static String manifest(String name, String pipeline, String writes) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %s
                  annotations:
                    strata.io/pipeline: '%s'
                    strata.io/reads: raw.customers
                    strata.io/writes: '%s'
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: main
                              image: ${image:customers}
                """.formatted(name, pipeline.replace("'", "''"), writes.replace("'", "''"));
    }

    private static CronJobManifest parse(Path path, String text) {
        return ManifestReader.read(path, text.getBytes(StandardCharsets.UTF_8)).cronJobs().get(0);
    }

    /** The row applying {@code text} writes into the registry. */
    private static RegisteredCronJob registered(String text) {
        Path path = Path.of("k8s/cronjobs.yaml");
        CronJobManifest cronJob = parse(path, text);
        return new RegisteredCronJob(cronJob.name(), cronJob.lineage().pipeline().orElseThrow(), path.toString(), text,
                NormalizedManifest.hash(ManifestDocuments.parse(path, text)), ScheduleFields.of(cronJob), APPLIED,
                APPLIED, "commit-1");
    }

    private static DeclaredCronJob declared(String text) {
        Path path = Path.of("k8s/cronjobs.yaml");
        var tree = ManifestDocuments.parse(path, text);
        return new DeclaredCronJob(parse(path, text), path.toString(), text, tree, NormalizedManifest.hash(tree));
    }

    private static RecentRuns.Run run(String id, String status, Instant started, Duration took, long read, long wrote,
            String error) {
        return new RecentRuns.Run(id, status, "schedule", started, took == null ? null : started.plus(took), read,
                wrote, error);
    }

    private static Snapshot snapshot(Object desired, Object live) {
        LayerStatus status = new LayerStatus("orchestration", LayerStatus.State.IN_SYNC, "as observed", List.of());
        return new Snapshot("dev", "jdbc:postgresql://127.0.0.1/dev", null,
                List.of(new ObservedLayer("orchestration", status, desired, live)), List.of(),
                new LineageGraph(List.of(), List.of(), 1), NOW);
    }

    private static String render(Snapshot s) {
        StringBuilder out = new StringBuilder();
        new PipelinesPage().body(out, s, Links.EXPORTED);
        return out.toString();
    }

    /** The customers pipeline scheduled nightly, with these runs (newest first) and its table last written at {@code lastWrite}. */
    private static String customers(List<RecentRuns.Run> runs, Instant lastWrite) {
        String text = manifest("customers-enrichment", "customers", "marts.customers");
        RecentRuns recent = new RecentRuns(runs.isEmpty() ? Map.of() : Map.of("customers", runs), Map.of(),
                lastWrite == null ? Map.of() : Map.of("marts.customers", lastWrite));
        return render(snapshot(new DeclaredSchedules(List.of(declared(text)), Set.of("customers"), List.of(), true),
                new LiveSchedules(List.of(registered(text)), recent, NOW, ZoneOffset.UTC)));
    }

    private static String row(String page, String pipeline) {
        int start = page.indexOf("<tr id=\"" + Html.id("pipelines-row", pipeline) + "\"");
        assertThat(start).as(page).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static List<String> statuses(String html) {
        Matcher m = Pattern.compile("<li data-status=\"([a-z]+)\"").matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void aNeverRunPipelineShowsItsScheduleAndNextRunAndItsTableStaleFromWhenItWasApplied() {
        String page = customers(List.of(), null);

        assertThat(page).contains("<table id=\"pipelines-table\">")
                .contains("<th scope=\"col\">Next run</th>").doesNotContain("Pending and drift");
        assertThat(row(page, "customers")).contains("<th scope=\"row\">customers</th><td>customers-enrichment</td>"
                        + "<td><code>0 3 * * *</code> (UTC)</td><td><time>2026-11-27 03:00</time></td><td>no runs</td>"
                        + "<td>never run</td>")
                .contains("<td class=\"stale\"><ul><li class=\"stale\">marts.customers stale (never written)</li></ul></td>");
    }

    @Test
    void aFailedRunTakesItsPlaceInTheTimelineOldestFirst() {
        List<RecentRuns.Run> runs = List.of(
                run("r3", "running", Instant.parse("2026-11-26T11:59:00Z"), null, 0, 0, null),
                run("r2", "failed", Instant.parse("2026-11-26T03:00:00Z"), Duration.ofSeconds(1), 0, 0,
                        "connection refused\n  at somewhere"),
                run("r1", "succeeded", Instant.parse("2026-11-25T03:00:00Z"), Duration.ofMillis(4_100), 10_000, 9_500,
                        null));
        String row = row(customers(runs, Instant.parse("2026-11-25T03:00:04Z")), "customers");

        String timeline = row.substring(row.indexOf("<ol class=\"timeline\""), row.indexOf("</ol>"));
        assertThat(statuses(timeline)).containsExactly("succeeded", "failed", "running");
        assertThat(timeline).contains("title=\"succeeded 2026-11-25 03:00:00, 4.1 s, scheduled, read 10,000, wrote 9,500\"",
                "title=\"failed 2026-11-26 03:00:00, 1.0 s, scheduled, read 0, wrote 0\"",
                "title=\"running since 2026-11-26 11:59:00, scheduled\"",
                "aria-label=\"Last 3 run(s) of customers, oldest first\"");
        assertThat(row).contains("<div class=\"axis\"><span>2026-11-25 03:00:00</span><span>2026-11-26 11:59:00</span>")
                .contains("<td><span class=\"run-status\" data-status=\"running\">running</span> since "
                        + "<time>2026-11-26 11:59:00</time> (scheduled)</td>");
    }

    @Test
    void theLatestRunShowsItsRowsAndItsErrorsFirstLine() {
        String row = row(customers(List.of(run("r2", "failed", Instant.parse("2026-11-26T03:00:00Z"),
                Duration.ofSeconds(75), 12, 0, "connection refused\n  at somewhere")), null), "customers");

        assertThat(row).contains("<span class=\"run-status\" data-status=\"failed\">failed</span> "
                + "<time>2026-11-26 03:00:00</time> (1 min 15 s, scheduled)<br>read 12, wrote 0"
                + "<br><span class=\"error\">connection refused</span>").doesNotContain("somewhere");
    }

    @Test
    void aTableTwoMissedRunsOldIsStaleInWordsAndByClass() {
        // Written on the 23rd at 03:00; the 24th and the 25th at 03:00 have passed since.
        String stale = row(customers(List.of(run("r1", "succeeded", Instant.parse("2026-11-23T03:00:00Z"),
                Duration.ofSeconds(4), 8, 7, null)), Instant.parse("2026-11-23T03:00:04Z")), "customers");
        assertThat(stale).contains("<td class=\"stale\"><ul><li class=\"stale\">marts.customers stale (3 d old)</li></ul></td>");

        String fresh = row(customers(List.of(run("r1", "succeeded", Instant.parse("2026-11-26T03:00:00Z"),
                Duration.ofSeconds(4), 8, 7, null)), Instant.parse("2026-11-26T03:00:04Z")), "customers");
        assertThat(fresh).contains("<td><ul><li>marts.customers fresh (8 h old)</li></ul></td>").doesNotContain("stale");
    }

    @Test
    void escapesHostilePipelineAndTableNames() {
        String text = manifest("hostile", "hostile", "marts.a&b\"c");
        RegisteredCronJob row = registered(text);
        // The registry's pipeline column edited outside Strata: the manifest reader would refuse such a name.
        RegisteredCronJob edited = new RegisteredCronJob(row.name(), SCRIPT, row.manifestPath(), row.manifest(),
                row.manifestHash(), row.fields(), row.createdAt(), row.updatedAt(), row.appliedByCommit());
        RecentRuns runs = new RecentRuns(Map.of(SCRIPT, List.of(run("r1", "succeeded",
                Instant.parse("2026-11-26T03:00:00Z"), Duration.ofSeconds(1), 1, 1, null))), Map.of(), Map.of());
        String page = render(snapshot(new DeclaredSchedules(List.of(declared(text)), Set.of("hostile"), List.of(), true),
                new LiveSchedules(List.of(edited), runs, NOW, ZoneOffset.UTC)));

        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContain("a&b\"c")
                .contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>")
                .contains("aria-label=\"Last 1 run(s) of &lt;script&gt;alert(1)&lt;/script&gt;, oldest first\"")
                .contains("<li class=\"stale\">marts.a&amp;b&quot;c stale (never written)</li>")
                .contains("<li class=\"drift\">drift: hostile: pipeline is `&lt;script&gt;alert(1)&lt;/script&gt;` but"
                        + " the manifest&#39;s annotation says `hostile`</li>")
                .contains("<li class=\"drift\">drift: hostile: its pipeline folder pipelines/&lt;script&gt;alert(1)"
                        + "&lt;/script&gt;/ is gone</li>");
        assertThat(row(page, SCRIPT)).startsWith("<tr id=\"pipelines-row-_3c_script_3e_alert_28_1_29__3c__2f_script_3e_\"");
    }

    @Test
    void aDeclaredPipelineNotScheduledAndOneRunOnlyByHandHaveRowsToo() {
        RecentRuns runs = new RecentRuns(Map.of("adhoc", List.of(new RecentRuns.Run("r1", "succeeded", "manual",
                Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:02Z"), 3, 3, null))),
                Map.of(), Map.of());
        String page = render(snapshot(new DeclaredSchedules(List.of(), Set.of("orders"), List.of(), true),
                new LiveSchedules(List.of(), runs, NOW, ZoneOffset.UTC)));

        assertThat(row(page, "adhoc")).contains("<td>not scheduled</td>").contains("2.0 s, manual)<br>read 3, wrote 3");
        assertThat(row(page, "orders")).contains("<td>not scheduled</td>").contains("<td>never run</td>");
    }

    @Test
    void inAClusterShowsScheduleSuspensionAndTheJobsOfEachCronJob() {
        CronJob cronJob = new CronJobBuilder().withNewMetadata().withName("customers-enrichment").withUid("cj-1")
                .addToLabels(Labels.MANAGED_BY, Labels.STRATA).addToLabels(Labels.PIPELINE, "customers")
                .addToAnnotations(Labels.IMAGE, "registry.example/customers:abc").endMetadata()
                .withNewSpec().withSchedule("0 3 * * *").withTimeZone("Europe/Berlin").withSuspend(true).endSpec()
                .build();
        LiveCluster live = new LiveCluster("data", List.of(cronJob), List.of(
                job("customers-2", "2026-11-26T02:00:00Z", "2026-11-26T02:00:30Z", "Failed"),
                job("customers-1", "2026-11-25T02:00:00Z", "2026-11-25T02:00:05Z", "Complete")), List.of(), NOW);
        String page = render(snapshot(null, live));

        String row = row(page, "customers");
        assertThat(row).contains("<td>customers-enrichment</td><td><code>0 3 * * *</code> (Europe/Berlin)</td>"
                + "<td><span class=\"suspended\">suspended</span></td><td><code>registry.example/customers:abc</code></td>");
        assertThat(statuses(row.substring(row.indexOf("<ol"), row.indexOf("</ol>")))).containsExactly("succeeded", "failed");
        assertThat(row).contains("title=\"Job customers-2 failed (BackoffLimitExceeded), started 2026-11-26 02:00:00 UTC, 30.0 s\"")
                .contains("<span class=\"run-status\" data-status=\"failed\">failed</span>");
    }

    private static Job job(String name, String started, String ended, String condition) {
        Map<String, String> none = new HashMap<>();
        return new JobBuilder().withNewMetadata().withName(name).withUid(name).withCreationTimestamp(started)
                .addNewOwnerReference().withUid("cj-1").withName("customers-enrichment").withKind("CronJob")
                .endOwnerReference().withLabels(none).endMetadata()
                .withNewStatus().withStartTime(started)
                .withCompletionTime(condition.equals("Complete") ? ended : null)
                .addNewCondition().withType(condition).withStatus("True").withLastTransitionTime(ended)
                .withReason(condition.equals("Failed") ? "BackoffLimitExceeded" : null).endCondition()
                .endStatus().build();
    }
}
