package io.strata.orchestration.image;

import io.strata.core.config.ImageSettings;
import java.nio.file.Path;
import java.util.Objects;

/** Where a built image goes. Kept out of {@link ImagePlan}: the same image may go to either. */
public sealed interface ImageTarget {

    /** Pushed to the environment's registry, as {@code <registry>/<pipeline>:<tag>}. */
    record Registry(ImageSettings.Registry registry) implements ImageTarget {
        public Registry {
            Objects.requireNonNull(registry, "registry");
        }
    }

    /** Written as an OCI image layout tarball ({@code oci-layout}, {@code index.json}, {@code blobs/}). */
    record Tarball(Path file) implements ImageTarget {
        public Tarball {
            Objects.requireNonNull(file, "file");
        }
    }
}
