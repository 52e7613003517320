package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.orchestration.layer.DeclaredCronJob;
import java.util.Objects;
import java.util.Optional;

/**
 * A CronJob as it should be in the cluster: the manifest of {@code k8s/} with its image filled in,
 * Strata's labels added and the environment's namespace set. Exactly what {@code apply} writes
 * (plus Strata's bookkeeping annotations) and {@code render} prints.
 *
 * @param declared the CronJob as read from {@code k8s/}
 * @param namespace where it goes
 * @param image the pipeline's own image, filled in for {@code ${image:NAME}}; null when the manifest names its images itself
 * @param object the whole object, as JSON
 */
public record ClusterCronJob(DeclaredCronJob declared, String namespace, String image, ObjectNode object) {

    public ClusterCronJob {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(object, "object");
        object = object.deepCopy();
    }

    public String name() {
        return declared.name();
    }

    public String pipeline() {
        return declared.pipeline();
    }

    public Optional<String> imageIfFilled() {
        return Optional.ofNullable(image);
    }

    /** A copy of the object, for the caller to change. */
    @Override
    public ObjectNode object() {
        return object.deepCopy();
    }
}
