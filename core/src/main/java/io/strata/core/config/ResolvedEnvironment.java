package io.strata.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One environment with every reference resolved: what plan and apply connect to.
 *
 * @param name the environment name, e.g. {@code staging}
 * @param database where its database is
 * @param lockTimeout how long apply waits for another apply's lock before giving up
 * @param lineage where its pipelines send OpenLineage events; {@link LineageSettings#childEnvironment()}
 *     gives them as a pipeline's environment variables
 */
public record ResolvedEnvironment(String name, DatabaseSettings database, Duration lockTimeout,
        LineageSettings lineage) {

    public ResolvedEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(lineage, "lineage");
    }

    /** An environment without lineage settings. */
    public ResolvedEnvironment(String name, DatabaseSettings database, Duration lockTimeout) {
        this(name, database, lockTimeout, LineageSettings.NONE);
    }
}
