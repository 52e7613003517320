package io.strata.orchestration.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.strata.core.config.ConfigException;
import io.strata.core.plan.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark pipeline's CronJob on a Kubernetes environment: its Spark settings reach the driver as
 * {@code JAVA_TOOL_OPTIONS}, executors as pods get the settings Spark's client mode needs, and
 * what render writes loads strictly and is accepted by the (mock) API server.
 */
class SparkOnKubernetesTest {

    private static final String IMAGE = ClusterPlatform.REGISTRY + "customers:0000000000000001";

    @TempDir
    Path root;

    /** The article's CronJob with {@code annotations} added and, when not null, a service account. */
    private static String cronJob(String annotations, String serviceAccount) {
        String yaml = ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", "")
                .replace("    strata.io/writes: marts.customers\n", "    strata.io/writes: marts.customers\n" + annotations);
        return serviceAccount == null ? yaml : yaml.replace("          restartPolicy: OnFailure\n",
                "          restartPolicy: OnFailure\n          serviceAccountName: " + serviceAccount + "\n");
    }

    private static Container container(CronJob cronJob) {
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, v -> v));
    }

    private CronJob rendered(ClusterPlatform platform) throws Exception {
        List<Path> files = RenderedManifests.write(platform.layer.declare(platform.workspace()).cronJobs(), "staging",
                root.resolve("out"));
        return StrictCronJobs.read(files.get(0));
    }

    @Test
    void aSparkDriverGetsItsSettingsAndTheApiServerAcceptsTheCronJob() throws Exception {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark.sql.shuffle.partitions: "8"
                        strata.io/spark.master: local[2]
                    """, null));

            CronJob cronJob = rendered(platform);

            Container container = container(cronJob);
            assertThat(container.getImage()).isEqualTo(IMAGE);
            assertThat(env(container).get("JAVA_TOOL_OPTIONS").getValue().split(" "))
                    .containsExactly("-Dspark.master=local[2]", "-Dspark.sql.shuffle.partitions=8");
            platform.client.batch().v1().cronjobs().inNamespace(ClusterPlatform.NAMESPACE).resource(cronJob).create();
            assertThat(platform.plan().changes()).as("what render wrote is what apply would write").isEmpty();
        }
    }

    @Test
    void planShowsTheSparkSettingsAsPartOfTheCronJobsChange() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", ""));
            platform.planAndApply();
            platform.write("k8s/customers.yaml", cronJob("    strata.io/engine: spark\n"
                    + "    strata.io/spark.sql.shuffle.partitions: \"8\"\n", null));

            List<Change> changes = platform.plan().changes();

            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).summary()).contains("spark (unset) → -Dspark.sql.shuffle.partitions=8");
            platform.apply(platform.plan());
            Map<String, EnvVar> env = env(container(platform.live("customers-enrichment")));
            assertThat(env.get("JAVA_TOOL_OPTIONS").getValue()).as("Spark inside the pod: only the declared settings")
                    .isEqualTo("-Dspark.sql.shuffle.partitions=8");
            assertThat(env).doesNotContainKey("STRATA_POD_IP");
        }
    }

    @Test
    void executorsAsPodsAreRefusedAsNotBuiltAtTheAnnotation() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark-executors: kubernetes
                    """, "spark-driver"));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:")
                    .hasMessageContaining("Spark executors as pods (strata.io/spark-executors) are not built yet");
        }
    }

    @Test
    void aPlainPipelinesCronJobIsUnchanged() throws Exception {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", ""));

            Container container = container(rendered(platform));

            assertThat(container.getEnv()).isEmpty();
            assertThat(container.getImage()).isEqualTo(IMAGE);
        }
    }

    @Test
    void executorsAnnotationOnAPlainPipelineIsAnError() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("    strata.io/spark-executors: kubernetes\n", "spark-driver"));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:8:")
                    .hasMessageContaining("does not run on Spark");
        }
    }

}
