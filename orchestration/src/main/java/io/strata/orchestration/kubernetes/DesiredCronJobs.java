package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.config.ConfigException;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import io.strata.orchestration.layer.DeclaredCronJob;
import io.strata.orchestration.layer.DeclaredSchedules;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the CronJobs of {@code k8s/} into the objects the cluster should hold: {@code ${image:NAME}}
 * replaced by the image {@code strata build} makes for pipeline NAME, the labels that mark them as
 * Strata's, and the environment's namespace. A manifest naming another namespace is refused, as
 * {@code kubectl apply -n} refuses it: one environment is one namespace, so that prune never
 * reaches into another environment's objects. A CronJob that runs on Spark gets its Spark settings
 * ({@link SparkOnKubernetes}).
 */
public final class DesiredCronJobs {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{image:([^}]*)}");

    private DesiredCronJobs() {}

    /**
     * @param images the image reference of a pipeline ({@code repository:content-tag}), asked only
     *     for pipelines a manifest names in {@code ${image:NAME}}
     */
    public static List<ClusterCronJob> of(DeclaredSchedules declared, String namespace, Function<String, String> images) {
        return declared.cronJobs().stream().map(cronJob -> of(cronJob, namespace, images)).toList();
    }

    static ClusterCronJob of(DeclaredCronJob cronJob, String namespace, Function<String, String> images) {
        ObjectNode object = (ObjectNode) Json.of(cronJob.tree());
        ObjectNode metadata = object.withObjectProperty("metadata");
        String written = metadata.path("namespace").asText(null);
        if (written != null && !written.equals(namespace)) {
            throw new ConfigException(location(cronJob, "metadata", "namespace"), "CronJob `" + cronJob.name()
                    + "` names namespace `" + written + "`, but the environment deploys to namespace `" + namespace + "`",
                    "remove metadata.namespace (the environment's namespace is used), or set the environment's"
                            + " scheduler.kubernetes.namespace to `" + written + "` in strata.yaml");
        }
        metadata.put("namespace", namespace);
        ObjectNode labels = metadata.withObjectProperty("labels");
        labels.put(Labels.MANAGED_BY, Labels.STRATA);
        labels.put(Labels.PIPELINE, cronJob.pipeline());
        String image = null;
        ObjectNode driver = null;
        ObjectNode pod = (ObjectNode) object.at("/spec/jobTemplate/spec/template/spec");
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : pod.path(list)) {
                Matcher m = PLACEHOLDER.matcher(container.path("image").asText());
                if (m.matches()) {
                    String reference = images.apply(m.group(1));
                    ((ObjectNode) container).put("image", reference);
                    if (m.group(1).equals(cronJob.pipeline())) {
                        image = reference;
                        if (list.equals("containers") && driver == null) {
                            driver = (ObjectNode) container;
                        }
                    }
                }
            }
        }
        if (driver != null) {
            SparkOnKubernetes.configure(cronJob, pod, driver, namespace);
        }
        if (image != null) {
            metadata.withObjectProperty("annotations").put(Labels.IMAGE, image);
        }
        return new ClusterCronJob(cronJob, namespace, image, object);
    }

    /** Where the value at {@code keys} is written; the document's start when a key is missing. */
    static SourceLocation location(DeclaredCronJob cronJob, String... keys) {
        YamlNode node = cronJob.tree();
        for (String key : keys) {
            if (!(node instanceof YamlNode.Mapping map) || !map.entries().containsKey(key)) {
                break;
            }
            node = map.entries().get(key).value();
        }
        return new SourceLocation(Path.of(cronJob.path()), node.mark().line(), node.mark().column(), String.join(".", keys));
    }
}
