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
 * @param location where the environment is declared (the file's start for an implicit {@code dev})
 * @param lineage its {@code lineage:}, else the top-level one, else {@link LineageConfig#NONE}
 */
public record EnvironmentConfig(String name, boolean declared, DatabaseConfig database, Duration lockTimeout,
        ImagesConfig images, SourceLocation location, LineageConfig lineage) {

    /** Used when {@code lock_timeout} is omitted. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(lineage, "lineage");
    }
}
