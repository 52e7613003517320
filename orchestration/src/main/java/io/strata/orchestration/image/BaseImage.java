package io.strata.orchestration.image;

import java.nio.file.Path;
import java.util.Objects;

/** What a pipeline image is built on: an image in a registry, or a {@code docker save} tarball on disk. */
public sealed interface BaseImage {

    /** {@code images.base} as resolved: {@code tar:/abs/path.tar}, or an image reference. */
    static BaseImage parse(String base) {
        return base.startsWith("tar:") ? new Tarball(Path.of(base.substring(4))) : new Registry(base);
    }

    /**
     * An image reference such as {@code eclipse-temurin:17-jre} or {@code repo@sha256:...}.
     * Pulled anonymously: a base image is public, or in the target registry's mirror.
     */
    record Registry(String reference) implements BaseImage {
        public Registry {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String toString() {
            return reference;
        }
    }

    /** A tarball written by {@code docker save} (or by Jib's tar target in Docker format): for sites without a registry. */
    record Tarball(Path file) implements BaseImage {
        public Tarball {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String toString() {
            return "tar:" + file;
        }
    }
}
