package io.strata.orchestration.image;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code strata build} did for one pipeline: what the benchmark measures and the CLI prints.
 *
 * @param pipeline the pipeline's name
 * @param reference {@code <repository>:<tag>}
 * @param digest the manifest digest, {@code sha256:...}
 * @param outcome built, or unchanged (the tag already held this very image: nothing was pushed)
 * @param sizeBytes compressed size of all layers and the config
 * @param elapsed from the Maven build to the push, or to finding the image unchanged
 */
public record BuildResult(String pipeline, String reference, String digest, Outcome outcome, long sizeBytes,
        Duration elapsed) {

    public enum Outcome { BUILT, UNCHANGED }

    public BuildResult {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** {@code reference@digest}: what a manifest should pin. */
    public String pinned() {
        return reference + "@" + digest;
    }
}
