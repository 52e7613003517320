package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.config.ConfigException;
import io.strata.orchestration.layer.DeclaredCronJob;
import io.strata.orchestration.local.Engine;
import io.strata.orchestration.local.EngineSettings;
import io.strata.orchestration.manifest.Lineage;
import java.util.List;
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
 * -cp ... SparkEntry Main}) is the same for every environment. Spark runs inside the pod
 * ({@code local[*]} unless {@code spark.master} says otherwise), or, with {@code
 * strata.io/spark-executors: kubernetes}, starts its executors as pods of the same image
 * ({@link SparkExecutorPods}).
 */
final class SparkOnKubernetes {

    /** Executors as pods: {@code kubernetes}, the one value. */
    static final String EXECUTORS = "strata.io/spark-executors";
    static final String OPTIONS_VARIABLE = "JAVA_TOOL_OPTIONS";

    // JAVA_TOOL_OPTIONS splits on white space: a value holding some would become two options.
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");
    private static final String[] CONTAINERS = {"spec", "jobTemplate", "spec", "template", "spec", "containers"};

    private SparkOnKubernetes() {}

    /**
     * Adds the Spark settings to {@code container}, the pipeline's own, when the CronJob runs on
     * Spark; leaves every other CronJob as it is.
     *
     * @param pod the CronJob's pod spec, which holds {@code container}
     * @param namespace the environment's namespace, where executor pods go
     */
    static void configure(DeclaredCronJob cronJob, ObjectNode pod, ObjectNode container, String namespace) {
        EngineSettings engine = EngineSettings.of(cronJob.manifest());
        Map<String, String> annotations = cronJob.manifest().annotations();
        String executors = annotations.get(EXECUTORS);
        if (engine.engine().filter(e -> e == Engine.SPARK).isEmpty()) {
            if (executors != null) {
                throw new ConfigException(annotation(cronJob, EXECUTORS),
                        "CronJob `" + cronJob.name() + "` sets " + EXECUTORS + " but does not run on Spark",
                        "add the annotation " + Lineage.ENGINE + ": spark, or remove " + EXECUTORS);
            }
            return;
        }
        if (executors != null && !executors.equals(SparkExecutorPods.KUBERNETES)) {
            throw new ConfigException(annotation(cronJob, EXECUTORS), "CronJob `" + cronJob.name() + "`: " + EXECUTORS
                    + " is `" + executors + "`; the one value is `" + SparkExecutorPods.KUBERNETES + "`",
                    "write " + EXECUTORS + ": " + SparkExecutorPods.KUBERNETES + ", or remove it to run Spark inside the pod");
        }
        Map<String, String> declared = new TreeMap<>();
        // The CronJob's own strata.io/spark.* annotations: Spark settings passed through as they are.
        engine.spark().forEach((key, value) -> {
            if (!NO_SPACE.matcher(value).matches()) {
                throw new ConfigException(annotation(cronJob, annotationOf(key)),
                        "CronJob `" + cronJob.name() + "`: the value of " + annotationOf(key) + " is empty or holds white space,"
                                + " which JAVA_TOOL_OPTIONS cannot carry", "write the value without spaces");
            }
            declared.put(key, value);
        });
        String own = ownOptions(container);
        Map<String, String> settings = new TreeMap<>();
        if (executors == null) {
            String master = declared.getOrDefault("spark.master", "");
            if (master.startsWith("k8s://")) {
                throw new ConfigException(annotation(cronJob, annotationOf("spark.master")), "CronJob `" + cronJob.name()
                        + "` sets the master " + master + " by hand: executor pods need settings Strata derives"
                        + " (image, namespace, driver address)", "remove the annotation and set " + EXECUTORS + ": "
                        + SparkExecutorPods.KUBERNETES);
            }
            settings.putAll(declared);
        } else {
            settings.putAll(forExecutorPods(cronJob, pod, container, namespace, declared, own));
        }
        if (settings.isEmpty()) {
            return;
        }
        ArrayNode env = container.withArray("env");
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).path("name").asText().equals(OPTIONS_VARIABLE)) {
                env.remove(i);
                break;
            }
        }
        String options = settings.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        // The container's own JAVA_TOOL_OPTIONS is kept, after Strata's: for a repeated -D the last one wins.
        env.addObject().put("name", OPTIONS_VARIABLE).put("value", own == null || own.isBlank() ? options : options + " " + own);
    }

    /**
     * The settings of a driver whose executors run as pods: Strata's own, then the declared ones
     * over the defaults; adds the downward-API variables they name to the container.
     */
    private static Map<String, String> forExecutorPods(DeclaredCronJob cronJob, ObjectNode pod, ObjectNode container,
            String namespace, Map<String, String> declared, String own) {
        SparkExecutorPods pods = SparkExecutorPods.of(cronJob, pod, container.path("image").asText(), namespace);
        pods.owned().forEach((key, value) -> {
            String written = declared.get(key);
            if (written != null && !written.equals(value)) {
                throw new ConfigException(annotation(cronJob, annotationOf(key)), "CronJob `" + cronJob.name()
                        + "` sets " + key + "=" + written + ", but with executors as pods Strata sets it to " + value,
                        "remove the annotation " + annotationOf(key));
            }
            if (own != null && own.contains("-D" + key + "=")) {
                throw new ConfigException(DesiredCronJobs.location(cronJob, CONTAINERS), "CronJob `" + cronJob.name()
                        + "`: the container's own " + OPTIONS_VARIABLE + " sets " + key + ", which Strata sets when"
                        + " executors run as pods (to " + value + ")", "remove -D" + key + " from " + OPTIONS_VARIABLE);
            }
        });
        Map<String, String> settings = new TreeMap<>(pods.defaults());
        settings.putAll(declared);
        settings.putAll(pods.owned());
        ArrayNode env = container.withArray("env");
        for (String name : List.of(SparkExecutorPods.POD_IP, SparkExecutorPods.POD_NAME)) {
            for (JsonNode variable : env) {
                if (variable.path("name").asText().equals(name)) {
                    throw new ConfigException(DesiredCronJobs.location(cronJob, CONTAINERS), "CronJob `" + cronJob.name()
                            + "`: the container sets " + name + ", which Strata sets when executors run as pods",
                            "remove the variable " + name);
                }
            }
        }
        // Before JAVA_TOOL_OPTIONS, which configure appends last: Kubernetes expands $(NAME) only
        // from variables set earlier in the same container.
        downward(env, SparkExecutorPods.POD_IP, "status.podIP");
        downward(env, SparkExecutorPods.POD_NAME, "metadata.name");
        return settings;
    }

    /** The container's own JAVA_TOOL_OPTIONS, null when it sets none. */
    private static String ownOptions(ObjectNode container) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(OPTIONS_VARIABLE)) {
                return variable.path("value").asText("");
            }
        }
        return null;
    }

    private static void downward(ArrayNode env, String name, String field) {
        ObjectNode fieldRef = env.addObject().put("name", name).putObject("valueFrom").putObject("fieldRef");
        fieldRef.put("apiVersion", "v1").put("fieldPath", field);
    }

    private static String annotationOf(String sparkKey) {
        return EngineSettings.SPARK_ANNOTATION + sparkKey.substring("spark.".length());
    }

    private static io.strata.core.config.SourceLocation annotation(DeclaredCronJob cronJob, String name) {
        return DesiredCronJobs.location(cronJob, "metadata", "annotations", name);
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
}
