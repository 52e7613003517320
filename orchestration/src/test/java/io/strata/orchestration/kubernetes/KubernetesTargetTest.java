package io.strata.orchestration.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.strata.core.config.ConfigException;
import io.strata.core.error.StrataException;
import io.strata.core.layer.LayerStatus;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes target against fabric8's mock API server in CRUD mode: plan, apply, observe, prune, rollback. */
class KubernetesTargetTest {

    private static final String CUSTOMERS = "k8s/customers-cronjob.yaml";

    @TempDir
    Path root;

    private ClusterPlatform platform;

    @BeforeEach
    void setUp() {
        platform = new ClusterPlatform(root).pipeline("customers").pipeline("orders");
        platform.write(CUSTOMERS, ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", ""));
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void firstDeployCreatesTheCronJobWithItsImageLabelsAndNamespace() {
        LayerPlan plan = platform.plan();

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.CREATE);
            assertThat(c.summary()).contains("pipeline customers", "schedule \"0 3 * * *\"",
                    "image registry.example.com/data/customers:0000000000000001");
        });
        platform.apply(plan);

        CronJob live = platform.live("customers-enrichment");
        assertThat(live.getMetadata().getNamespace()).isEqualTo("data-pipelines");
        assertThat(live.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "strata")
                .containsEntry("strata.io/pipeline", "customers");
        assertThat(live.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/data/customers:0000000000000001");
        assertThat(live.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("rds-credentials");
        assertThat(platform.plan().changes()).as("applied: nothing left to do").isEmpty();
        assertThat(status().state()).isEqualTo(LayerStatus.State.IN_SYNC);
    }

    @Test
    void aNewContentTagIsAnImageChangeOfThatPipelineOnly() {
        platform.write("k8s/orders.yaml", ClusterPlatform.cronJob("orders-hourly", "orders", "15 * * * *",
                "  startingDeadlineSeconds: 300\n"));
        platform.planAndApply();
        platform.tags.put("customers", "00000000000000a2");

        LayerPlan plan = platform.plan();

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.ALTER);
            assertThat(c.object()).isEqualTo("customers-enrichment");
            assertThat(c.summary()).isEqualTo("image …:0000000000000001 → …:00000000000000a2");
            assertThat(c.unsafe()).isFalse();
        });
        platform.apply(plan);
        CronJob live = platform.live("customers-enrichment");
        assertThat(live.getMetadata().getAnnotations()).containsEntry("strata.io/previous-image",
                "registry.example.com/data/customers:0000000000000001");
        assertThat(platform.plan().changes()).isEmpty();
    }

    @Test
    void aScheduleChangeIsShownFieldByField() {
        platform.planAndApply();
        platform.write(CUSTOMERS, ClusterPlatform.cronJob("customers-enrichment", "customers", "0 4 * * *",
                "  timeZone: Europe/Berlin\n"));

        assertThat(platform.plan().changes()).singleElement()
                .satisfies(c -> assertThat(c.summary()).isEqualTo("schedule \"0 3 * * *\" → \"0 4 * * *\"; timeZone (unset) → \"Europe/Berlin\""));
    }

    @Test
    void aHandEditIsDriftAndTheNextApplyWritesItAgain() {
        platform.planAndApply();
        platform.client.batch().v1().cronjobs().inNamespace(ClusterPlatform.NAMESPACE).withName("customers-enrichment")
                .edit(c -> {
                    c.getSpec().setSchedule("*/5 * * * *");
                    c.getSpec().setSuspend(true);
                    return c;
                });

        LayerStatus status = status();
        assertThat(status.state()).isEqualTo(LayerStatus.State.DRIFT);
        assertThat(status.details()).anySatisfy(d -> assertThat(d).startsWith("drift: customers-enrichment: edited"
                + " outside Strata (spec.schedule, spec.suspend)"));
        Change change = platform.plan().changes().get(0);
        assertThat(change.summary()).contains("schedule \"*/5 * * * *\" → \"0 3 * * *\"", "suspend true → (unset)",
                "edited outside Strata (spec.schedule, spec.suspend): written again from k8s/customers-cronjob.yaml");

        platform.planAndApply();
        assertThat(platform.live("customers-enrichment").getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertThat(status().state()).isEqualTo(LayerStatus.State.IN_SYNC);
    }

    @Test
    void aManagedCronJobThatLeftGitIsPrunedAsAnUnsafeChange() {
        platform.write("k8s/orders.yaml", ClusterPlatform.cronJob("orders-hourly", "orders", "15 * * * *",
                "  startingDeadlineSeconds: 300\n"));
        platform.planAndApply();
        // Another tool's CronJob in the same namespace is never pruned.
        platform.client.batch().v1().cronjobs().inNamespace(ClusterPlatform.NAMESPACE).resource(foreign()).create();
        platform.delete("k8s/orders.yaml");

        LayerPlan plan = platform.plan();

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.DROP);
            assertThat(c.object()).isEqualTo("orders-hourly");
            assertThat(c.unsafe()).isTrue();
            assertThat(c.summary()).contains("pipeline orders", "no longer in k8s/");
        });
        platform.apply(plan);
        assertThat(platform.live("orders-hourly")).isNull();
        assertThat(platform.live("someone-elses")).isNotNull();
    }

    @Test
    void aCronJobThatMovedBetweenPlanAndApplyIsRefused() {
        platform.planAndApply();
        platform.tags.put("customers", "00000000000000b3");
        LayerPlan plan = platform.plan();
        platform.client.batch().v1().cronjobs().inNamespace(ClusterPlatform.NAMESPACE).withName("customers-enrichment")
                .edit(c -> {
                    c.getSpec().setSchedule("0 5 * * *");
                    return c;
                });

        assertThatThrownBy(() -> platform.apply(plan)).isInstanceOf(StrataException.class)
                .hasMessageContaining("customers-enrichment changed between plan and apply (resourceVersion")
                .satisfies(e -> assertThat(((StrataException) e).hint()).contains("re-run `strata plan`"));
        assertThat(platform.live("customers-enrichment").getSpec().getSchedule()).as("nothing written").isEqualTo("0 5 * * *");
    }

    @Test
    void aNameTakenBetweenPlanAndApplyIsRefused() {
        LayerPlan plan = platform.plan();
        platform.client.batch().v1().cronjobs().inNamespace(ClusterPlatform.NAMESPACE)
                .resource(Json.convert(Json.parse(plan.changes().get(0).attribute("object")), CronJob.class)).create();

        assertThatThrownBy(() -> platform.apply(plan)).isInstanceOf(StrataException.class)
                .hasMessageContaining("changed between plan and apply");
    }

    @Test
    void rollbackGoesBackToThePreviousImageAndPlanShowsGitsImage() {
        platform.planAndApply();
        platform.tags.put("customers", "00000000000000c4");
        platform.planAndApply();

        Rollback rollback = new Rollback(platform.client, ClusterPlatform.NAMESPACE);
        assertThat(rollback.rollback("customers", Optional.empty(), Instant.parse("2026-11-26T10:00:00Z")))
                .containsExactly(new Rollback.Result("customers-enrichment",
                        "registry.example.com/data/customers:00000000000000c4",
                        "registry.example.com/data/customers:0000000000000001"));

        assertThat(platform.live("customers-enrichment").getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo("registry.example.com/data/customers:0000000000000001");
        assertThat(platform.plan().changes()).singleElement().satisfies(c -> assertThat(c.summary())
                .startsWith("image …:0000000000000001 → …:00000000000000c4")
                .contains("rolled back by `strata rollback` (to registry.example.com/data/customers:0000000000000001 at"
                        + " 2026-11-26T10:00:00Z); Git says otherwise"));
        assertThat(status().state()).as("a rollback is not a hand edit").isEqualTo(LayerStatus.State.PENDING);

        rollback.rollback("customers", Optional.of("00000000000000ff"), Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(platform.live("customers-enrichment").getMetadata().getAnnotations())
                .containsEntry("strata.io/image", "registry.example.com/data/customers:00000000000000ff");
    }

    @Test
    void aRollbackThatOneCronJobCannotTakeWritesNone() {
        platform.planAndApply();
        platform.tags.put("customers", "00000000000000c4");
        platform.write("k8s/customers-late-cronjob.yaml",
                ClusterPlatform.cronJob("customers-late", "customers", "0 5 * * *", ""));
        platform.planAndApply();

        Rollback rollback = new Rollback(platform.client, ClusterPlatform.NAMESPACE);
        assertThatThrownBy(() -> rollback.rollback("customers", Optional.empty(), Instant.parse("2026-11-26T10:00:00Z")))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("CronJob customers-late has no previous image");
        assertThat(platform.live("customers-enrichment").getMetadata().getAnnotations())
                .as("refused before the first write").containsEntry("strata.io/image",
                        "registry.example.com/data/customers:00000000000000c4");
    }

    @Test
    void aManifestNamingAnotherNamespaceIsRefusedWithItsLine() {
        platform.write(CUSTOMERS, ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", "")
                .replace("  name: customers-enrichment\n", "  name: customers-enrichment\n  namespace: prod\n"));

        assertThatThrownBy(platform::plan).isInstanceOf(ConfigException.class)
                .hasMessageContaining("k8s/customers-cronjob.yaml:5:14: metadata.namespace")
                .hasMessageContaining("names namespace `prod`, but the environment deploys to namespace `data-pipelines`");
    }

    @Test
    void observeFollowsTheLastJobAndItsPods() {
        platform.planAndApply();
        CronJob cronJob = platform.live("customers-enrichment");
        ClusterObjects.failedJob(platform.client, cronJob, "customers-enrichment-29000100");

        LayerStatus status = status();

        assertThat(status.details()).anySatisfy(d -> assertThat(d).startsWith("customers: customers-enrichment  0 3 * * *"
                + "  image registry.example.com/data/customers:0000000000000001  last job customers-enrichment-29000100"
                + " failed (BackoffLimitExceeded)").contains("pod customers-enrichment-29000100-x1: Failed, exit 1 (Error)"));
    }

    private LayerStatus status() {
        return platform.layer.status(platform.layer.declare(platform.workspace()),
                platform.layer.observe(ClusterPlatform.target()));
    }

    private static CronJob foreign() {
        return Json.convert(Json.parse("""
                {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"someone-elses","namespace":"data-pipelines"},
                 "spec":{"schedule":"0 1 * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never",
                 "containers":[{"name":"x","image":"busybox@sha256:%s"}]}}}}}}""".formatted("a".repeat(64))), CronJob.class);
    }
}
