package io.strata.core.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One environment with every reference resolved: what plan and apply connect to.
 *
 * @param name the environment name, e.g. {@code staging}
 * @param database where its database is
 * @param lockTimeout how long apply waits for another apply's lock before giving up
 * @param lineage where its pipelines send OpenLineage events; {@link LineageSettings#childEnvironment()}
 *     gives them as a pipeline's environment variables
 * @param variables its {@code variables:}, resolved, in declaration order; each held as a
 *     {@link Secret} so that none is ever printed (which are secrets is a matter of naming)
 */
public record ResolvedEnvironment(String name, DatabaseSettings database, Duration lockTimeout,
        LineageSettings lineage, Map<String, Secret> variables) {

    public ResolvedEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(lineage, "lineage");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** An environment without lineage settings or variables. */
    public ResolvedEnvironment(String name, DatabaseSettings database, Duration lockTimeout) {
        this(name, database, lockTimeout, LineageSettings.NONE, Map.of());
    }

    /**
     * The environment variables a pipeline run gets from this environment's settings: its
     * {@code variables} by name, then where its OpenLineage events go (those names win).
     */
    public Map<String, String> pipelineEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        variables.forEach((name, value) -> env.put(name, value.reveal()));
        env.putAll(lineage.childEnvironment());
        return env;
    }
}
