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
    void executorsAsPodsGetTheDriversClientModeSettingsAndTheApiServerAcceptsTheCronJob() throws Exception {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark-executors: kubernetes
                        strata.io/spark.executor.instances: "4"
                        strata.io/spark.sql.shuffle.partitions: "8"
                    """, "spark-driver").replace("          containers:\n",
                    "          imagePullSecrets:\n            - name: registry\n          containers:\n"));

            CronJob cronJob = rendered(platform);

            Container container = container(cronJob);
            String namespace = cronJob.getMetadata().getNamespace();
            assertThat(container.getEnv()).extracting(EnvVar::getName)
                    .as("Kubernetes expands $(STRATA_POD_IP) only from a variable set before it")
                    .containsExactly("STRATA_POD_IP", "STRATA_POD_NAME", "JAVA_TOOL_OPTIONS");
            assertThat(env(container).get("STRATA_POD_IP").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
            assertThat(env(container).get("STRATA_POD_NAME").getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.name");
            assertThat(env(container).get("JAVA_TOOL_OPTIONS").getValue().split(" ")).containsExactly(
                    "-Dspark.authenticate=true",
                    "-Dspark.blockManager.port=7079",
                    "-Dspark.driver.host=$(STRATA_POD_IP)",
                    "-Dspark.driver.port=7078",
                    "-Dspark.executor.instances=4",
                    "-Dspark.kubernetes.container.image=" + IMAGE,
                    "-Dspark.kubernetes.container.image.pullSecrets=registry",
                    "-Dspark.kubernetes.driver.pod.name=$(STRATA_POD_NAME)",
                    "-Dspark.kubernetes.namespace=" + namespace,
                    "-Dspark.master=k8s://https://kubernetes.default.svc",
                    "-Dspark.network.crypto.enabled=true",
                    "-Dspark.speculation=false",
                    "-Dspark.sql.shuffle.partitions=8",
                    "-Dspark.submit.deployMode=client",
                    "-Dspark.task.maxFailures=1");
            assertThat(namespace).isEqualTo(ClusterPlatform.NAMESPACE);
            assertThat(container.getImage()).as("executors run the CronJob's own image").isEqualTo(IMAGE);
            platform.client.batch().v1().cronjobs().inNamespace(ClusterPlatform.NAMESPACE).resource(cronJob).create();
            assertThat(platform.plan().changes()).as("what render wrote is what apply would write").isEmpty();
        }
    }

    @Test
    void planShowsTheExecutorSettings() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("    strata.io/engine: spark\n"
                    + "    strata.io/spark-executors: kubernetes\n", "spark-driver"));

            List<Change> changes = platform.plan().changes();

            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).summary()).contains("spark -Dspark.authenticate=true -Dspark.blockManager.port=7079",
                    "-Dspark.master=k8s://https://kubernetes.default.svc", "-Dspark.task.maxFailures=1");
        }
    }

    @Test
    void executorsAsPodsNeedTheirOwnServiceAccountWithItsToken() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            String annotations = "    strata.io/engine: spark\n    strata.io/spark-executors: kubernetes\n";
            platform.write("k8s/customers.yaml", cronJob(annotations, null));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:17:")
                    .hasMessageContaining("its pod names no serviceAccountName");

            platform.write("k8s/customers.yaml", cronJob(annotations, "spark-driver").replace(
                    "          serviceAccountName: spark-driver\n",
                    "          serviceAccountName: spark-driver\n          automountServiceAccountToken: false\n"));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:19:")
                    .hasMessageContaining("does not mount the token of service account `spark-driver`");
        }
    }

    @Test
    void aSettingStrataOwnsIsRefusedAtItsAnnotationButTheSameValueIsAccepted() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark-executors: kubernetes
                        strata.io/spark.master: local[2]
                    """, "spark-driver"));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:10:")
                    .hasMessageContaining("sets spark.master=local[2], but with executors as pods Strata sets it to"
                            + " k8s://https://kubernetes.default.svc");

            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark-executors: kubernetes
                        strata.io/spark.task.maxFailures: "4"
                    """, "spark-driver"));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:10:")
                    .hasMessageContaining("sets spark.task.maxFailures=4, but with executors as pods Strata sets it to 1")
                    .extracting(e -> ((ConfigException) e).hint()).asString()
                    .isEqualTo("remove the annotation strata.io/spark.task.maxFailures");

            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark-executors: kubernetes
                        strata.io/spark.submit.deployMode: client
                    """, "spark-driver"));

            assertThat(platform.layer.declare(platform.workspace()).cronJobs()).hasSize(1);
        }
    }

    @Test
    void theContainersOwnOptionsMayNotSetWhatStrataOwns() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark-executors: kubernetes
                    """, "spark-driver").replace("              envFrom:\n", """
                                  env:
                                    - name: JAVA_TOOL_OPTIONS
                                      value: -Dspark.master=local[*]
                                  envFrom:
                    """));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:")
                    .hasMessageContaining("the container's own JAVA_TOOL_OPTIONS sets spark.master");
        }
    }

    @Test
    void aKubernetesMasterWithoutExecutorPodsOrAnotherExecutorsValueIsRefused() {
        try (ClusterPlatform platform = new ClusterPlatform(root.resolve("platform")).pipeline("customers")) {
            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark.master: k8s://https://kubernetes.default.svc
                    """, "spark-driver"));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:9:")
                    .hasMessageContaining("sets the master k8s://https://kubernetes.default.svc by hand")
                    .extracting(e -> ((ConfigException) e).hint()).asString()
                    .contains("set strata.io/spark-executors: kubernetes");

            platform.write("k8s/customers.yaml", cronJob("""
                        strata.io/engine: spark
                        strata.io/spark-executors: yarn
                    """, "spark-driver"));

            assertThatThrownBy(() -> platform.layer.declare(platform.workspace())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("k8s/customers.yaml:9:")
                    .hasMessageContaining("strata.io/spark-executors is `yarn`; the one value is `kubernetes`");
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
