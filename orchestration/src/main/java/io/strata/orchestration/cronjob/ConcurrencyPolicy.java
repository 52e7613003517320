package io.strata.orchestration.cronjob;

import java.util.Arrays;
import java.util.Optional;

/** {@code spec.concurrencyPolicy}: what a due run does when an earlier one is still running. */
public enum ConcurrencyPolicy {
    /** Start it anyway (the default). */
    ALLOW("Allow"),
    /** Do not start it while an earlier run is active; it stays due until it can start or is too late. */
    FORBID("Forbid"),
    /** Stop the active runs, then start it. */
    REPLACE("Replace");

    private final String manifestName;

    ConcurrencyPolicy(String manifestName) {
        this.manifestName = manifestName;
    }

    /** As written in a manifest: {@code Allow}, {@code Forbid}, {@code Replace}. */
    public String manifestName() {
        return manifestName;
    }

    /** The policy a manifest names; the API server matches case-sensitively. */
    public static Optional<ConcurrencyPolicy> fromManifest(String name) {
        return Arrays.stream(values()).filter(p -> p.manifestName.equals(name)).findFirst();
    }
}
