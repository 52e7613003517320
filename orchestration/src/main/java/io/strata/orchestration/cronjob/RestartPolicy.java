package io.strata.orchestration.cronjob;

import java.util.Arrays;
import java.util.Optional;

/** A Job pod's {@code restartPolicy}; a Job allows only these two. */
public enum RestartPolicy {
    /** A failed attempt is retried in a new pod; {@code backoffLimit} counts failed pods. */
    NEVER("Never"),
    /** A failed attempt is restarted in its pod; {@code backoffLimit} counts container restarts. */
    ON_FAILURE("OnFailure");

    private final String manifestName;

    RestartPolicy(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }

    public static Optional<RestartPolicy> fromManifest(String name) {
        return Arrays.stream(values()).filter(p -> p.manifestName.equals(name)).findFirst();
    }
}
