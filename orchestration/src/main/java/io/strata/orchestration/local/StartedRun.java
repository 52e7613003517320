package io.strata.orchestration.local;

import io.strata.pipeline.run.Trigger;
import java.util.Objects;

/**
 * A pipeline run in its own JVM, as started: the id its run record will carry, why it runs, the
 * image it records, and the process.
 */
public record StartedRun(String pipeline, String runId, Trigger trigger, String image, ChildRun child) {
    public StartedRun {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(child, "child");
    }
}
