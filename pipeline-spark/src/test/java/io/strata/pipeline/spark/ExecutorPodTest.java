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
import io.strata.pipeline.WriteResult;
import io.strata.pipeline.jdbc.Database;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors as pods without a cluster: a driver with Spark's Kubernetes master creates its executor
 * pod on fabric8's mock API server; the test then does what the kubelet would, starting the pod's
 * container as the image's entrypoint would ({@code SparkEntry MAIN executor}, this JVM's flags and
 * class path standing in for the image's) with the pod's variables, the downward API's two filled
 * in; that executor registers with the driver, runs its tasks and a staged write to PostgreSQL
 * (each part's COPY from the executor's JVM, the commit on the driver), and exits when the driver
 * stops.
 */
class ExecutorPodTest {

    private static final String NAMESPACE = "data-pipelines";
    private static final String IMAGE = "registry.example/customers:0000000000000001";

    @TempDir
    Path tmp;

    @Test
    void theExecutorSparkEntryStartsFromThePodSparkCreatedRunsTheDriversTasksAndWrite() throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        String api = server.url("/").replaceAll("/$", "");
        // What Strata's rendered JAVA_TOOL_OPTIONS gives the driver (SparkOnKubernetes), with the
        // mock's address for the API server's and 127.0.0.1 for the pod's; SparkEngine reads them.
        Map<String, String> driverOptions = new HashMap<>(Map.of(
                "spark.master", "k8s://" + api,
                "spark.submit.deployMode", "client",
                "spark.kubernetes.container.image", IMAGE,
                "spark.kubernetes.namespace", NAMESPACE,
                "spark.driver.host", "127.0.0.1",
                "spark.executor.instances", "1",
                "spark.task.maxFailures", "1",
                "spark.speculation", "false",
                "spark.executor.memory", "512m"));
        // The executor can join only with the secret Spark put on the pod it created, and talks encrypted.
        driverOptions.put("spark.authenticate", "true");
        driverOptions.put("spark.network.crypto.enabled", "true");
        // The session is ready at once rather than after 30 s without executors: this test starts
        // the executor only once the driver has made its pod.
        driverOptions.put("spark.scheduler.minRegisteredResourcesRatio", "0");
        driverOptions.forEach(System::setProperty);
        Process executor = null;
        try {
            try (KubernetesClient client = new KubernetesClientBuilder()
                            .withConfig(new ConfigBuilder().withMasterUrl(api).withNamespace(NAMESPACE).build()).build();
                    PostgresDatabase db = new PostgresDatabase();
                    SparkEngine spark = SparkEngine.start("customers")) {
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

                Database database = db.database();
                db.execute("CREATE SCHEMA raw", "CREATE SCHEMA marts",
                        "CREATE TABLE raw.items (id bigint, name text, amount numeric(12,2), at timestamp)",
                        "INSERT INTO raw.items SELECT i, 'item ' || i, i * 1.5, timestamp '2026-01-01' + i * interval '1 hour'"
                                + " FROM generate_series(1, 100) i",
                        "CREATE TABLE marts.items (id bigint, label text, amount numeric(12,2), at timestamp)");
                List<String> ran;
                WriteResult written;
                try {
                    // Without an executor a job waits for one for ever: each gets a bound.
                    ran = JavaSparkContext.fromSparkContext(spark.session().sparkContext())
                            .parallelize(List.of(1, 2, 3, 4, 5, 6), 2)
                            .map(i -> SparkEnv.get().executorId() + ":" + i * 2).collectAsync().get(90, TimeUnit.SECONDS);
                    written = CompletableFuture.supplyAsync(() -> spark.write(spark.table(database, "raw.items", "id", 3)
                            .through(SparkEngineTest.labels(false)), database.replace("marts.items")))
                            .get(90, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("no executor ran the job in 90 s; its log:\n" + Files.readString(log), e);
                }

                assertThat(ran).as("every task on the executor of the pod Spark created")
                        .containsExactly("1:2", "1:4", "1:6", "1:8", "1:10", "1:12");
                // The staged sink from the executor's JVM: its parts COPY there, the driver commits.
                assertThat(written.rows()).isEqualTo(100 - 14);
                assertThat(db.column("SELECT count(*) FROM marts.items")).containsExactly("86");
                assertThat(db.column("SELECT count(*) FROM (SELECT id, amount, at FROM raw.items WHERE id % 7 <> 0"
                        + " EXCEPT ALL SELECT id, amount, at FROM marts.items) missing")).containsExactly("0");
            }
            // The driver's stop tells its executor to exit; the launcher exits with it.
            assertThat(executor.waitFor(60, TimeUnit.SECONDS)).as("the executor exits when the driver stops").isTrue();
        } finally {
            if (executor != null && executor.isAlive()) {
                executor.descendants().forEach(ProcessHandle::destroyForcibly);
                executor.destroyForcibly();
            }
            driverOptions.keySet().forEach(System::clearProperty);
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
