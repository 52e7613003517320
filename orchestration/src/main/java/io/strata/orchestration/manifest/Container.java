package io.strata.orchestration.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A container of the CronJob's pod: for a Strata pipeline, the one that runs the pipeline's main.
 *
 * @param name the container's name
 * @param image its image, or the placeholder for a pipeline's image
 * @param envFrom its {@code envFrom} entries, in order
 */
public record Container(String name, ImageReference image, List<EnvFrom> envFrom) {
    public Container {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        envFrom = List.copyOf(envFrom);
    }
}
