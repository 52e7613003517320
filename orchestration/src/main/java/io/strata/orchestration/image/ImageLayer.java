package io.strata.orchestration.image;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One layer Strata adds on top of the base image.
 *
 * @param name what the layer holds: {@code dependencies}, {@code snapshot-dependencies},
 *     {@code resources} or {@code classes}
 * @param files its files, sorted by their path in the container (the order Jib writes them in)
 */
public record ImageLayer(String name, List<File> files) {

    /**
     * A file of the layer.
     *
     * @param source where it is on this machine
     * @param pathInContainer absolute, e.g. {@code /app/libs/postgresql-42.7.14.jar}
     */
    public record File(Path source, String pathInContainer) {
        public File {
            Objects.requireNonNull(source, "source");
            if (!pathInContainer.startsWith("/")) {
                throw new IllegalArgumentException("not absolute: " + pathInContainer);
            }
        }
    }

    public ImageLayer {
        Objects.requireNonNull(name, "name");
        files = files.stream().sorted(Comparator.comparing(File::pathInContainer)).toList();
    }
}
