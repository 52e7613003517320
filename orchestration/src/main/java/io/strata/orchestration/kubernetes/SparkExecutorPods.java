package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.core.config.ConfigException;
import io.strata.orchestration.layer.DeclaredCronJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark settings of a driver whose executors run as pods ({@code strata.io/spark-executors:
 * kubernetes}): the CronJob's pod is the driver, in client mode, and Spark's Kubernetes scheduler
 * starts each executor as a pod of the same image in the same namespace. The image's entrypoint
 * ({@code SparkEntry} of {@code strata-pipeline-spark}) starts an executor when Spark passes it
 * {@code executor}, so no setting names an executor command.
 *
 * @param owned what Strata sets and a {@code strata.io/spark.*} annotation may not change
 * @param defaults what Strata sets unless an annotation says otherwise
 */
record SparkExecutorPods(Map<String, String> owned, Map<String, String> defaults) {

    /** The value of {@link SparkOnKubernetes#EXECUTORS} that asks for executor pods; the only one. */
    static final String KUBERNETES = "kubernetes";
    /** The API server as every pod reaches it (client mode: the driver talks to it with its pod's token). */
    static final String MASTER = "k8s://https://kubernetes.default.svc";
    /** The pod's IP and name, from the downward API, set before {@code JAVA_TOOL_OPTIONS} names them. */
    static final String POD_IP = "STRATA_POD_IP";
    static final String POD_NAME = "STRATA_POD_NAME";
    /** Spark's own defaults on Kubernetes, written out so that a NetworkPolicy can name them. */
    static final String DRIVER_PORT = "7078";
    static final String BLOCK_MANAGER_PORT = "7079";
    static final String EXECUTOR_INSTANCES = "2";

    SparkExecutorPods {
        owned = Map.copyOf(owned);
        defaults = Map.copyOf(defaults);
    }

    /**
     * The settings for {@code cronJob}, whose pipeline container runs {@code image} in {@code namespace}.
     *
     * @param pod the CronJob's pod spec as it will be deployed
     * @throws ConfigException when the pod has no service account of its own, or does not mount its token
     */
    static SparkExecutorPods of(DeclaredCronJob cronJob, JsonNode pod, String image, String namespace) {
        String[] podSpec = {"spec", "jobTemplate", "spec", "template", "spec"};
        String account = pod.path("serviceAccountName").asText("");
        if (account.isBlank()) {
            throw new ConfigException(DesiredCronJobs.location(cronJob, podSpec), "CronJob `" + cronJob.name()
                    + "` runs its Spark executors as pods, but its pod names no serviceAccountName: the driver creates,"
                    + " watches and deletes the executor pods with its pod's service account, and `default` should not"
                    + " be allowed to", "set spec.jobTemplate.spec.template.spec.serviceAccountName to an account bound"
                    + " to the Role in docs/kubernetes.md#spark");
        }
        if (pod.path("automountServiceAccountToken").asText("").equals("false")) {
            String[] at = {"spec", "jobTemplate", "spec", "template", "spec", "automountServiceAccountToken"};
            throw new ConfigException(DesiredCronJobs.location(cronJob, at), "CronJob `" + cronJob.name()
                    + "` runs its Spark executors as pods, but its pod does not mount the token of service account `"
                    + account + "`, with which the driver talks to the API server",
                    "remove automountServiceAccountToken: false");
        }
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("spark.master", MASTER);
        // Client mode: the CronJob's pod is the driver (the pipeline's main); cluster mode would
        // start a second driver pod, which Strata neither plans nor watches.
        owned.put("spark.submit.deployMode", "client");
        owned.put("spark.kubernetes.container.image", image);
        // Executors in the environment's namespace, where the Role lets the driver create them.
        owned.put("spark.kubernetes.namespace", namespace);
        // Executors connect to the driver at this address themselves, so the pod's IP does without a
        // Service. Kubernetes puts the IP into $(STRATA_POD_IP) because the variable is set earlier
        // in the same container; JAVA_TOOL_OPTIONS is not read by a shell.
        owned.put("spark.driver.host", "$(" + POD_IP + ")");
        // The driver's own pod owns the executor pods, so they go when it goes (a killed Job too).
        owned.put("spark.kubernetes.driver.pod.name", "$(" + POD_NAME + ")");
        // Each task of a write COPYs its rows into the one staging table and commits them: a second
        // attempt of a task (a retry, or a speculative copy) would load its rows twice. A failed task
        // fails the write instead, and the staging table is dropped; the target is untouched.
        owned.put("spark.task.maxFailures", "1");
        owned.put("spark.speculation", "false");
        // Tasks carry the pipeline's database connection, password included, over the pod network:
        // only processes that hold the secret the driver makes for this application (Spark hands it
        // to the executor pods it creates) may join, and what they exchange is encrypted.
        owned.put("spark.authenticate", "true");
        owned.put("spark.network.crypto.enabled", "true");
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("spark.driver.port", DRIVER_PORT);
        defaults.put("spark.blockManager.port", BLOCK_MANAGER_PORT);
        defaults.put("spark.executor.instances", EXECUTOR_INSTANCES);
        // Executor pods pull the same image from the same registry, so they need the driver pod's pull secrets.
        List<String> secrets = new ArrayList<>();
        pod.path("imagePullSecrets").forEach(secret -> secrets.add(secret.path("name").asText()));
        if (!secrets.isEmpty()) {
            defaults.put("spark.kubernetes.container.image.pullSecrets", String.join(",", secrets));
        }
        return new SparkExecutorPods(owned, defaults);
    }
}
