package io.strata.orchestration.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a pipeline's Maven build produced that goes into its image.
 *
 * @param classesDirectory {@code target/classes}: compiled classes and processed resources
 * @param dependencies the runtime classpath's jars, in Maven's order
 */
public record ModuleOutput(Path classesDirectory, List<Path> dependencies) {

    public ModuleOutput {
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        dependencies = List.copyOf(dependencies);
    }
}
