package io.strata.orchestration.layer;

import static io.strata.orchestration.layer.OrchestrationPlatform.cronJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.config.ConfigException;
import io.strata.core.error.StrataException;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import io.strata.core.plan.Plan;
import io.strata.core.plan.PlanFile;
import io.strata.orchestration.registry.PlatformTables;
import io.strata.orchestration.registry.RegisteredCronJob;
import io.strata.orchestration.registry.ScheduleFields;
import io.strata.orchestration.testing.TestClock;
import io.strata.storage.testing.Harness;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The orchestration layer's plan, apply and observe against the schedule registry, on the
 * embedded PostgreSQL and on the MariaDB server from one body.
 */
@ParameterizedClass
@EnumSource(Harness.Kind.class)
class OrchestrationLayerTest {

    static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");
    static final String FILE = "k8s/customers-cronjob.yaml";
    static final String CUSTOMERS = cronJob("customers-enrichment", "customers", "0 3 * * *", "");

    @Parameter
    Harness.Kind kind;

    @TempDir
    Path root;

    private OrchestrationPlatform p;

    @BeforeEach
    void platformWithOneCronJob() {
        p = new OrchestrationPlatform(root, kind, new TestClock(NOW));
        p.pipeline("customers");
        p.write(FILE, CUSTOMERS);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        p.close();
    }

    private List<Change> changes() {
        return p.plan().changes();
    }

    @Test
    void aNewCronJobIsCreatedAppliedAndThenInSync() {
        List<Change> planned = changes();

        assertThat(planned).hasSize(1);
        Change create = planned.get(0);
        assertThat(create.action()).isEqualTo(Action.CREATE);
        assertThat(create.object()).isEqualTo("customers-enrichment");
        assertThat(create.summary()).isEqualTo("pipeline customers, schedule \"0 3 * * *\", " + FILE);
        assertThat(create.unsafe()).isFalse();
        assertThat(create.attribute("manifest")).isEqualTo(CUSTOMERS);
        assertThat(create.attribute("path")).isEqualTo(FILE);

        assertThat(p.apply("commit-1").status()).isEqualTo(ApplyResult.Status.APPLIED);

        RegisteredCronJob row = p.registry().get(0);
        assertThat(p.registry()).hasSize(1);
        assertThat(row.name()).isEqualTo("customers-enrichment");
        assertThat(row.pipeline()).isEqualTo("customers");
        assertThat(row.manifestPath()).isEqualTo(FILE);
        assertThat(row.manifest()).isEqualTo(CUSTOMERS);
        assertThat(row.fields()).isEqualTo(new ScheduleFields("0 3 * * *", null, "Allow", false, null, 2, null));
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(row.updatedAt()).isEqualTo(NOW);
        assertThat(row.appliedByCommit()).isEqualTo("commit-1");
        assertThat(row.cronJob().lineage().writes()).containsExactly("marts.customers");
        assertThat(row.outOfBand()).isEmpty();

        assertThat(p.plan().hasChanges()).isFalse();
        assertThat(p.apply("commit-1").status()).isEqualTo(ApplyResult.Status.NO_CHANGES);
        assertThat(p.observe().state()).isEqualTo(LayerStatus.State.IN_SYNC);
    }

    @Test
    void aScheduleChangeIsPlannedFieldByFieldAndKeepsTheCreationTime() {
        p.apply("commit-1");
        p.clock.advance(Duration.ofHours(1));
        p.write(FILE, cronJob("customers-enrichment", "customers", "0 4 * * *", "  suspend: true\n"));

        List<Change> planned = changes();

        assertThat(planned).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.ALTER);
            assertThat(c.summary()).isEqualTo("schedule \"0 3 * * *\" → \"0 4 * * *\"; suspend false → true");
            assertThat(c.unsafe()).isFalse();
        });
        p.apply("commit-2");
        RegisteredCronJob row = p.registry().get(0);
        assertThat(row.fields().schedule()).isEqualTo("0 4 * * *");
        assertThat(row.fields().suspend()).isTrue();
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(row.updatedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(row.appliedByCommit()).isEqualTo("commit-2");
        assertThat(p.plan().hasChanges()).isFalse();
    }

    @Test
    void otherManifestEditsAreNamedByTheirPath() {
        p.apply("commit-1");
        p.write(FILE, CUSTOMERS.replace("image: ${image:customers}", "image: registry.example/customers:1.2")
                .replace("backoffLimit: 2", "backoffLimit: 3"));

        assertThat(changes()).singleElement().extracting(Change::summary).isEqualTo("backoff limit 2 → 3;"
                + " manifest changed: spec.jobTemplate.spec.template.spec.containers[0].image");
    }

    @Test
    void reformattingCommentingOrMovingAManifestIsNoChangeOfContent() {
        p.apply("commit-1");
        p.write(FILE, """
                # reformatted, with other comments and key order
                kind: CronJob
                apiVersion: 'batch/v1'
                spec:
                    jobTemplate:
                        spec:
                            template:
                                spec:
                                    containers: [{name: customers-enrichment, image: "${image:customers}"}]
                                    restartPolicy: OnFailure
                            backoffLimit: 2
                    schedule: '0 3 * * *'      # nightly
                metadata:
                    annotations:
                        strata.io/writes: marts.customers
                        strata.io/reads: raw.customers
                        strata.io/pipeline: customers
                    name: customers-enrichment
                """);

        assertThat(p.plan().hasChanges()).isFalse();

        p.delete(FILE);
        p.write("k8s/nightly.yml", CUSTOMERS);
        assertThat(changes()).singleElement().extracting(Change::summary)
                .isEqualTo("file " + FILE + " → k8s/nightly.yml");
    }

    @Test
    void removingACronJobIsUnsafeAndNeedsAllowUnsafe() {
        p.pipeline("orders");
        p.write("k8s/orders.yaml", cronJob("orders-hourly", "orders", "0 * * * *", ""));
        p.apply("commit-1");
        p.delete("k8s/orders.yaml");

        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.DROP);
            assertThat(c.object()).isEqualTo("orders-hourly");
            assertThat(c.unsafe()).isTrue();
            assertThat(c.destructive()).isFalse();
            assertThat(c.summary()).isEqualTo("pipeline orders, was k8s/orders.yaml: no longer in k8s/, so the local"
                    + " scheduler stops running it");
        });
        assertThatThrownBy(() -> p.apply("commit-2")).isInstanceOf(StrataException.class)
                .hasMessageContaining("1 unsafe change(s); nothing was applied")
                .hasMessageContaining("- orders-hourly");
        assertThat(p.registry()).hasSize(2);

        p.apply("commit-2", true, null);
        assertThat(p.registry()).extracting(RegisteredCronJob::name).containsExactly("customers-enrichment");
    }

    @Test
    void removingTheLastCronJobOrTheWholeFolderUnschedulesIt() {
        p.apply("commit-1");
        p.delete(FILE);
        p.delete("k8s");

        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.DROP);
            assertThat(c.object()).isEqualTo("customers-enrichment");
        });
        p.apply("commit-2", true, null);
        assertThat(p.registry()).isEmpty();
        assertThat(p.plan().hasChanges()).isFalse();
    }

    @Test
    void aMissingPipelineFolderIsAnErrorAtItsAnnotationAndAppliesNothing() {
        p.write(FILE, cronJob("customers-enrichment", "cusotmers", "0 3 * * *", ""));

        assertRefused("k8s/customers-cronjob.yaml:7:25: metadata.annotations.strata.io/pipeline: pipeline"
                + " `cusotmers` has no folder: expected pipelines/cusotmers/ with a pom.xml", "(customers)");
    }

    @Test
    void twoCronJobsOfOneNameAreAnErrorNamingBoth() {
        p.write("k8s/zz-copy.yaml", CUSTOMERS);

        assertRefused("k8s/zz-copy.yaml:5:9: metadata.name: a second CronJob named `customers-enrichment`;"
                + " the first is at k8s/customers-cronjob.yaml:5", "its own metadata.name");
    }

    @Test
    void anInvalidScheduleIsAnErrorAtItsLine() {
        p.write(FILE, cronJob("customers-enrichment", "customers", "0 25 * * *", ""));

        assertRefused("k8s/customers-cronjob.yaml:11:13: spec.schedule:", "25");
    }

    private void assertRefused(String... fragments) {
        for (Runnable attempt : List.<Runnable>of(p::plan, () -> p.apply("commit-1"))) {
            assertThatThrownBy(attempt::run).isInstanceOf(ConfigException.class).satisfies(e -> {
                for (String fragment : fragments) {
                    assertThat(e.getMessage() + " " + ((StrataException) e).hint()).contains(fragment);
                }
            });
        }
        assertThat(p.registry()).isEmpty();
    }

    @Test
    void aSavedPlanAppliesFromItsFileAndIsRefusedOnceTheRegistryMoved() throws Exception {
        Path file = root.resolve("plan.json");
        PlanFile.write(p.plan(), file);
        p.apply("commit-1", false, PlanFile.read(file));
        assertThat(p.registry()).extracting(RegisteredCronJob::manifest).containsExactly(CUSTOMERS);

        p.write(FILE, cronJob("customers-enrichment", "customers", "0 4 * * *", ""));
        PlanFile.write(p.plan(), file);
        p.execute("UPDATE " + p.schedulesTable() + " SET applied_by_commit = 'someone-else'");

        assertThatThrownBy(() -> p.apply("commit-2", false, PlanFile.read(file))).isInstanceOf(StrataException.class)
                .hasMessageContaining("stale plan: the live state of layer orchestration changed");
        assertThat(p.registry().get(0).fields().schedule()).isEqualTo("0 3 * * *");
    }

    @Test
    void aRowChangedByHandIsDriftAndApplyWritesItAgain() {
        p.apply("commit-1");
        p.execute("UPDATE " + p.schedulesTable() + " SET schedule = '0 5 * * *'");

        LayerStatus status = p.observe();
        assertThat(status.state()).isEqualTo(LayerStatus.State.DRIFT);
        assertThat(status.details()).contains("drift: customers-enrichment: columns differ from the manifest:"
                + " schedule \"0 3 * * *\" → \"0 5 * * *\"");
        assertThat(changes()).singleElement().extracting(Change::summary).isEqualTo("schedule \"0 5 * * *\" →"
                + " \"0 3 * * *\"; changed outside Strata (columns differ from the manifest: schedule \"0 3 * * *\" →"
                + " \"0 5 * * *\"): written again from " + FILE);

        p.apply("commit-2");
        assertThat(p.observe().state()).isEqualTo(LayerStatus.State.IN_SYNC);

        p.execute("UPDATE " + p.schedulesTable() + " SET manifest = REPLACE(manifest, '0 3 * * *', '0 6 * * *')");
        assertThat(p.observe().details()).contains("drift: customers-enrichment: its manifest text does not match"
                + " manifest_hash");
        assertThat(changes()).hasSize(1);
    }

    @Test
    void applyRefusesARowThatMovedAfterItWasPlanned() {
        p.apply("commit-1");
        p.write(FILE, cronJob("customers-enrichment", "customers", "0 4 * * *", ""));
        OrchestrationLayer layer = p.layer();
        Target target = new Target("dev", p.database());
        LayerPlan plan = layer.plan(layer.declare(new Workspace(root, "commit-2")), layer.observe(target));
        p.execute("UPDATE " + p.schedulesTable() + " SET manifest_hash = 'sha256:moved'");

        assertThatThrownBy(() -> layer.apply(plan, target, new ApplyContext("tester", "commit-2", line -> {})))
                .isInstanceOf(StrataException.class)
                .hasMessage("the registry row of CronJob `customers-enrichment` changed since the plan was made"
                        + " (another apply, or an edit by hand); nothing was applied");
        assertThat(p.registry().get(0).fields().schedule()).isEqualTo("0 3 * * *");
    }

    @Test
    void aRegisteredPipelineWhoseFolderIsGoneIsDrift() throws Exception {
        p.pipeline("orders");
        p.write("k8s/orders.yaml", cronJob("orders-hourly", "orders", "0 * * * *", ""));
        p.apply("commit-1");
        p.delete("k8s/orders.yaml");
        p.delete("pipelines/orders/pom.xml");

        LayerStatus status = p.observe();

        assertThat(status.state()).isEqualTo(LayerStatus.State.DRIFT);
        assertThat(status.summary()).isEqualTo("2 CronJob(s) on the local scheduler, 1 change(s) pending,"
                + " 1 changed outside Strata");
        assertThat(status.details()).contains("- orders-hourly pending: pipeline orders, was k8s/orders.yaml: no longer"
                + " in k8s/, so the local scheduler stops running it",
                "drift: orders-hourly: its pipeline folder pipelines/orders/ is gone");
    }

    @Test
    void observeNeverWritesAndShowsWhatIsPending() throws Exception {
        LayerStatus pending = p.observe();

        assertThat(pending.state()).isEqualTo(LayerStatus.State.PENDING);
        assertThat(pending.summary()).isEqualTo("0 CronJob(s) on the local scheduler, 1 change(s) pending");
        assertThat(pending.details()).containsExactly("+ customers-enrichment pending: pipeline customers,"
                + " schedule \"0 3 * * *\", " + FILE);
        PlatformTables tables = PlatformTables.of(p.database().dialect());
        try (Connection c = p.database().connect()) {
            assertThat(tables.exists(c, tables.schedules())).isFalse();
        }
    }

    @Test
    void aFileOfSeveralDocumentsRegistersEachCronJobWithItsOwnText() {
        p.pipeline("orders");
        String orders = cronJob("orders-hourly", "orders", "0 * * * *", "");
        String unscheduled = cronJob("cleanup", "customers", "0 0 * * 0", "").replace("    strata.io/pipeline: customers\n", "");
        p.delete(FILE);
        p.write("k8s/all.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\n" + CUSTOMERS
                + "---\n" + orders + "---\n" + unscheduled);

        Plan plan = p.plan();

        assertThat(plan.layers().get(0).warnings()).containsExactly(
                "k8s/all.yaml:1:1: left aside: a ConfigMap is not a CronJob, and Strata schedules CronJobs only",
                "k8s/all.yaml:49: CronJob `cleanup` has no strata.io/pipeline annotation: not scheduled by Strata");
        p.apply("commit-1");
        assertThat(p.registry()).extracting(RegisteredCronJob::name, RegisteredCronJob::manifest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("customers-enrichment", CUSTOMERS),
                        org.assertj.core.groups.Tuple.tuple("orders-hourly", orders));
        assertThat(p.plan().hasChanges()).isFalse();
    }
}
