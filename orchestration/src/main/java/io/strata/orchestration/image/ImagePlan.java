package io.strata.orchestration.image;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything that goes into one pipeline image, before anything is built: the base, the layers
 * Strata adds, and the container configuration. A plain value, like Jib's
 * {@code ContainerBuildPlan}: where the image goes and with which credentials stays out of it, so
 * its {@link ContentHash} depends only on what the image will contain.
 *
 * @param pipeline the pipeline's name
 * @param base what it is built on
 * @param layers added on top of the base, in order
 * @param entrypoint the command the container runs
 * @param user the numeric user it runs as: never root
 * @param workingDirectory where it runs
 * @param labels image labels, sorted by key
 */
public record ImagePlan(String pipeline, BaseImage base, List<ImageLayer> layers, List<String> entrypoint,
        String user, String workingDirectory, Map<String, String> labels) {

    public ImagePlan {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(base, "base");
        layers = List.copyOf(layers);
        entrypoint = List.copyOf(entrypoint);
        Objects.requireNonNull(user, "user");
        if (user.equals("0") || user.startsWith("0:") || user.equals("root")) {
            throw new IllegalArgumentException("a pipeline image never runs as root");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
