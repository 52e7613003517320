package io.strata.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One environment as declared in {@code strata.yaml}, before its references are resolved.
 *
 * @param name the environment name, e.g. {@code staging}
 * @param declared false for the {@code dev} environment Strata adds when the file does not declare it
 * @param database its database settings, unresolved
 * @param lockTimeout how long apply waits for another apply's lock
 * @param images what pipeline images are built on and pushed to
 * @param scheduler where its CronJobs run: the local scheduler or a Kubernetes cluster
 * @param location where the environment is declared (the file's start for an implicit {@code dev})
 * @param policy production, allow_unsafe, suspend_schedules, required and variables
 * @param lineage its {@code lineage:}, else the top-level one, else {@link LineageConfig#NONE}
 */
public record EnvironmentConfig(
        String name, boolean declared, DatabaseConfig database, Duration lockTimeout, ImagesConfig images,
        SchedulerConfig scheduler, SourceLocation location, EnvironmentPolicy policy, LineageConfig lineage) {

    /** Used when {@code lock_timeout} is omitted. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(lineage, "lineage");
    }

    /** An environment that writes no scheduler, no policy and no variables: the local scheduler. */
    public EnvironmentConfig(String name, boolean declared, DatabaseConfig database, Duration lockTimeout,
            ImagesConfig images, SourceLocation location, LineageConfig lineage) {
        this(name, declared, database, lockTimeout, images, new SchedulerConfig.Local(), location,
                EnvironmentPolicy.defaults(), lineage);
    }
}
