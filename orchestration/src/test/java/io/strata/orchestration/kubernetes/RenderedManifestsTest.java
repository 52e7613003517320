package io.strata.orchestration.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata render}'s files: strictly valid {@code batch/v1} CronJobs that the API server accepts as they are. */
class RenderedManifestsTest {

    @TempDir
    Path root;

    @Test
    void renderedFilesLoadStrictlyAndTheApiServerAcceptsThem() throws Exception {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *",
                    "  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 600\n"));
            DesiredCluster desired = platform.layer.declare(platform.workspace());

            List<Path> files = RenderedManifests.write(desired.cronJobs(), "staging", root.resolve("out"));

            assertThat(files).containsExactly(root.resolve("out/customers-enrichment.yaml"));
            assertThat(Files.readString(files.get(0))).startsWith("# Rendered by `strata render` for environment staging"
                    + " from k8s/customers.yaml.");
            CronJob cronJob = StrictCronJobs.read(files.get(0));
            assertThat(cronJob.getMetadata().getNamespace()).isEqualTo("data-pipelines");
            assertThat(cronJob.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "strata");
            assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getImage()).isEqualTo("registry.example.com/data/customers:0000000000000001");
            assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getResources().getRequests().get("cpu").toString()).isEqualTo("500m");

            platform.client.batch().v1().cronjobs().inNamespace("data-pipelines").resource(cronJob).create();
            assertThat(platform.plan().changes()).as("what render wrote is what apply would write").isEmpty();
        }
    }

    @Test
    void strictLoadingRefusesAnUnknownField() {
        assertThatThrownBy(() -> StrictCronJobs.read("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: x}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: x, image: y, imagePullPolicyy: Always}]}}}}
                """)).hasMessageContaining("imagePullPolicyy");
    }
}
