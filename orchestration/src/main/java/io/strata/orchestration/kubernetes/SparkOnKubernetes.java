package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.config.ConfigException;
import io.strata.orchestration.layer.DeclaredCronJob;
import io.strata.orchestration.local.Engine;
import io.strata.orchestration.local.EngineSettings;
import io.strata.orchestration.manifest.Lineage;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Spark settings of a CronJob that declares {@code strata.io/engine: spark}, handed to the
 * pipeline's container as JVM system properties in {@code JAVA_TOOL_OPTIONS}: the pipeline's main
 * is the Spark driver (client mode), and {@code SparkEngine.start} reads {@code spark.*} system
 * properties as {@code strata run} passes them. An environment variable rather than container
 * args, because args go to the pipeline's main, and the image's entrypoint ({@code java <flags>
 * -cp ... Main}) is the same for every environment. With {@code strata.io/spark-executors:
 * kubernetes} the driver starts its executors as pods of the same image in the same namespace.
 */
final class SparkOnKubernetes {

    /** {@code kubernetes}: executors run as pods. Not under {@code strata.io/spark.}, which passes Spark settings through. */
    static final String EXECUTORS = "strata.io/spark-executors";
    static final String KUBERNETES = "kubernetes";
    static final String OPTIONS_VARIABLE = "JAVA_TOOL_OPTIONS";
    /** The pod's IP, from the downward API: the address executors call the driver back on. */
    static final String POD_IP_VARIABLE = "STRATA_POD_IP";
    static final String MASTER = "k8s://https://kubernetes.default.svc";
    /** Spark's own defaults on Kubernetes, fixed so that a headless Service (or a NetworkPolicy) can name them. */
    static final int DRIVER_PORT = 7078;
    static final int BLOCK_MANAGER_PORT = 7079;
    static final String IMAGE_SETTING = "spark.kubernetes.container.image";

    // JAVA_TOOL_OPTIONS splits on white space: a value holding some would become two options.
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");

    private SparkOnKubernetes() {}

    /**
     * Adds the Spark settings to {@code container}, the pipeline's own, when the CronJob runs on
     * Spark; leaves every other CronJob as it is.
     *
     * @param image the pipeline's image reference: the executors' image too
     */
    static void configure(DeclaredCronJob cronJob, ObjectNode pod, ObjectNode container, String image, String namespace) {
        EngineSettings engine = EngineSettings.of(cronJob.manifest());
        Map<String, String> annotations = cronJob.manifest().annotations();
        String executors = annotations.get(EXECUTORS);
        if (engine.engine().filter(e -> e == Engine.SPARK).isEmpty()) {
            if (executors != null) {
                throw new ConfigException(DesiredCronJobs.location(cronJob, "metadata", "annotations", EXECUTORS),
                        "CronJob `" + cronJob.name() + "` sets " + EXECUTORS + " but does not run on Spark",
                        "add the annotation " + Lineage.ENGINE + ": spark, or remove " + EXECUTORS);
            }
            return;
        }
        Map<String, String> settings = new TreeMap<>();
        if (executors != null) {
            if (!executors.equals(KUBERNETES)) {
                throw new ConfigException(DesiredCronJobs.location(cronJob, "metadata", "annotations", EXECUTORS),
                        "CronJob `" + cronJob.name() + "`: " + EXECUTORS + " is `" + executors + "`",
                        "the only value is `kubernetes`; remove the annotation to run Spark inside the pod (local[*])");
            }
            String account = pod.path("serviceAccountName").asText("");
            if (account.isEmpty()) {
                throw new ConfigException(DesiredCronJobs.location(cronJob, "spec", "jobTemplate", "spec", "template", "spec"),
                        "CronJob `" + cronJob.name() + "` starts Spark executors as pods but its pod names no serviceAccountName",
                        "set serviceAccountName to an account bound to the driver's Role (docs/kubernetes.md, section Spark)");
            }
            settings.put("spark.master", MASTER);
            settings.put("spark.submit.deployMode", "client");
            settings.put(IMAGE_SETTING, image);
            settings.put("spark.kubernetes.namespace", namespace);
            settings.put("spark.kubernetes.authenticate.driver.serviceAccountName", account);
            settings.put("spark.driver.host", "$(" + POD_IP_VARIABLE + ")");
            settings.put("spark.driver.bindAddress", "0.0.0.0");
            settings.put("spark.driver.port", Integer.toString(DRIVER_PORT));
            settings.put("spark.blockManager.port", Integer.toString(BLOCK_MANAGER_PORT));
            // The staged sink commits part by part: a task retried after its part committed would load it twice.
            settings.put("spark.task.maxFailures", "1");
        }
        // The CronJob's own strata.io/spark.* annotations come last: a team may tune what Strata sets.
        engine.spark().forEach((key, value) -> {
            if (!NO_SPACE.matcher(value).matches()) {
                String annotation = EngineSettings.SPARK_ANNOTATION + key.substring("spark.".length());
                throw new ConfigException(DesiredCronJobs.location(cronJob, "metadata", "annotations", annotation),
                        "CronJob `" + cronJob.name() + "`: the value of " + annotation + " is empty or holds white space,"
                                + " which JAVA_TOOL_OPTIONS cannot carry", "write the value without spaces");
            }
            settings.put(key, value);
        });
        if (settings.isEmpty()) {
            return;
        }
        ArrayNode env = container.withArray("env");
        String own = null;
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).path("name").asText().equals(OPTIONS_VARIABLE)) {
                own = env.get(i).path("value").asText("");
                env.remove(i);
                break;
            }
        }
        if (executors != null) {
            env.addObject().put("name", POD_IP_VARIABLE).putObject("valueFrom").putObject("fieldRef")
                    .put("fieldPath", "status.podIP");
        }
        String options = settings.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        // The container's own JAVA_TOOL_OPTIONS is kept, after Strata's: for a repeated -D the last one wins.
        env.addObject().put("name", OPTIONS_VARIABLE).put("value", own == null || own.isBlank() ? options : options + " " + own);
    }

    /** The {@code JAVA_TOOL_OPTIONS} of the pipeline's own container in a CronJob object: its Spark settings, for plan. */
    static java.util.Optional<String> options(JsonNode cronJob) {
        String image = cronJob.at("/metadata/annotations").path(Labels.IMAGE).asText(null);
        for (JsonNode container : cronJob.at("/spec/jobTemplate/spec/template/spec/containers")) {
            if (container.path("image").asText().equals(image)) {
                for (JsonNode variable : container.path("env")) {
                    if (variable.path("name").asText().equals(OPTIONS_VARIABLE)) {
                        return java.util.Optional.of(variable.path("value").asText());
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Points the executors of {@code container} at {@code target} too, so that {@code strata rollback} moves driver and executors together. */
    static void repoint(JsonNode container, String current, String target) {
        String from = "-D" + IMAGE_SETTING + "=" + current;
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(OPTIONS_VARIABLE) && variable.has("value")) {
                ((ObjectNode) variable).put("value", java.util.Arrays.stream(variable.path("value").asText().split(" "))
                        .map(option -> option.equals(from) ? "-D" + IMAGE_SETTING + "=" + target : option)
                        .collect(Collectors.joining(" ")));
            }
        }
    }
}
