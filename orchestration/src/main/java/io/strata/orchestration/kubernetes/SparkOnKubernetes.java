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
 * -cp ... Main}) is the same for every environment. Spark runs inside the pod ({@code local[*]}
 * unless {@code spark.master} says otherwise). Executors as pods ({@code strata.io/spark-executors:
 * kubernetes}) are refused as not built: the image carries neither Spark's Kubernetes scheduler nor
 * an executor entry point, so such a CronJob could not start its executors (docs/kubernetes.md).
 */
final class SparkOnKubernetes {

    /** Executors as pods: not built; the annotation is refused so that no CronJob is deployed that cannot start them. */
    static final String EXECUTORS = "strata.io/spark-executors";
    static final String OPTIONS_VARIABLE = "JAVA_TOOL_OPTIONS";

    // JAVA_TOOL_OPTIONS splits on white space: a value holding some would become two options.
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");

    private SparkOnKubernetes() {}

    /**
     * Adds the Spark settings to {@code container}, the pipeline's own, when the CronJob runs on
     * Spark; leaves every other CronJob as it is.
     */
    static void configure(DeclaredCronJob cronJob, ObjectNode container) {
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
        if (executors != null) {
            throw new ConfigException(DesiredCronJobs.location(cronJob, "metadata", "annotations", EXECUTORS),
                    "CronJob `" + cronJob.name() + "`: Spark executors as pods (" + EXECUTORS + ") are not built yet:"
                            + " the image carries neither Spark's Kubernetes scheduler nor an executor entry point",
                    "remove the annotation: Spark then runs inside the pipeline's pod (local[*]), as with strata run");
        }
        Map<String, String> settings = new TreeMap<>();
        // The CronJob's own strata.io/spark.* annotations: Spark settings passed through as they are.
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
}
