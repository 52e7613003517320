package io.strata.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors as pods without a cluster: a driver with Spark's Kubernetes master creates its executor
 * pod on fabric8's mock API server; the test then does what the kubelet would, starting the pod's
 * container as the image's entrypoint would ({@code SparkEntry MAIN executor}, this JVM's flags and
 * class path standing in for the image's) with the pod's variables, the downward API's two filled
 * in; that executor registers with the driver and runs its tasks.
 */
class ExecutorPodTest {

    private static final String NAMESPACE = "data-pipelines";
    private static final String IMAGE = "registry.example/customers:0000000000000001";

    @TempDir
    Path tmp;

    @Test
    void theExecutorSparkEntryStartsFromThePodSparkCreatedRunsTheDriversTasks() throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        String api = server.url("/").replaceAll("/$", "");
        SparkConf conf = new SparkConf().setAppName("executor-pod")
                .set("spark.master", "k8s://" + api)
                .set("spark.submit.deployMode", "client")
                .set("spark.kubernetes.container.image", IMAGE)
                .set("spark.kubernetes.namespace", NAMESPACE)
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.executor.instances", "1")
                .set("spark.executor.memory", "512m")
                .set("spark.task.maxFailures", "1")
                .set("spark.ui.enabled", "false")
                // The context is ready at once rather than after 30 s without executors: this test
                // starts the executor only once the driver has made its pod.
                .set("spark.scheduler.minRegisteredResourcesRatio", "0");
        Process executor = null;
        try {
            try (KubernetesClient client = new KubernetesClientBuilder()
                            .withConfig(new ConfigBuilder().withMasterUrl(api).withNamespace(NAMESPACE).build()).build();
                    JavaSparkContext driver = new JavaSparkContext(conf)) {
                Pod pod = awaitPod(client);
                Container container = pod.getSpec().getContainers().get(0);
                assertThat(container.getImage()).isEqualTo(IMAGE);
                assertThat(container.getCommand()).as("Spark leaves the command to the image's entrypoint").isEmpty();
                assertThat(container.getArgs()).containsExactly("executor");

                // What the kubelet reports once the container runs; the mock API server sets no status of
                // its own (a real one says Pending at once), so Spark's watcher saw the first event without one.
                pod = client.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).editStatus(p ->
                        new PodBuilder(p).withNewStatus().withPhase("Running").withPodIP("127.0.0.1").endStatus().build());
                Path log = tmp.resolve("executor.log");
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
                command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkEntry.class.getName(),
                        "com.example.customers.SparkMain"));
                command.addAll(container.getArgs());
                ProcessBuilder kubelet = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                kubelet.environment().clear();
                kubelet.environment().putAll(variables(container, pod.getMetadata().getName()));
                executor = kubelet.start();

                List<String> ran;
                try {
                    ran = driver.parallelize(List.of(1, 2, 3, 4, 5, 6), 2)
                            .map(i -> SparkEnv.get().executorId() + ":" + i * 2).collectAsync().get(90, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // Without an executor the job waits for one for ever.
                    throw new AssertionError("no executor ran the job in 90 s; its log:\n" + Files.readString(log), e);
                }

                assertThat(ran).as("every task on the executor of the pod Spark created")
                        .containsExactly("1:2", "1:4", "1:6", "1:8", "1:10", "1:12");
            }
            // The driver's stop tells its executor to exit; the launcher exits with it.
            assertThat(executor.waitFor(60, TimeUnit.SECONDS)).as("the executor exits when the driver stops").isTrue();
        } finally {
            if (executor != null && executor.isAlive()) {
                executor.descendants().forEach(ProcessHandle::destroyForcibly);
                executor.destroyForcibly();
            }
            server.destroy();
        }
    }

    private static Pod awaitPod(KubernetesClient client) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            List<Pod> pods = client.pods().inNamespace(NAMESPACE).list().getItems();
            if (!pods.isEmpty()) {
                return pods.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the driver created no executor pod in 60 s");
    }

    /** The container's variables as the kubelet sets them: values as written, the pod's IP and name from the downward API. */
    private static Map<String, String> variables(Container container, String podName) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            } else {
                String field = variable.getValueFrom().getFieldRef().getFieldPath();
                env.put(variable.getName(), switch (field) {
                    case "status.podIP" -> "127.0.0.1";
                    case "metadata.name" -> podName;
                    default -> throw new AssertionError("an executor pod variable from " + field);
                });
            }
        }
        return env;
    }
}
