package io.strata.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An environment's policy and variables as written in {@code strata.yaml}: what makes staging
 * differ from production besides its database. Checked against the production rules when a command
 * plans ({@link ProductionRules}), not when the file is loaded, so {@code strata env list} still
 * shows a misconfigured environment.
 *
 * @param production {@code production: true}: the production rules apply to this environment
 * @param allowUnsafe whether {@code apply --allow-unsafe} is accepted; default true, false for production
 * @param suspendSchedules register every CronJob with {@code suspend: true}; default false
 * @param required setting paths ({@code lock_timeout}, {@code variables.ALERT_EMAIL}) that every
 *     environment must write, declared by a production environment
 * @param variables {@code variables:} by name, in declaration order, unresolved
 * @param written every key path written under the environment ({@code database.url},
 *     {@code variables.X}), relative to it, with where it is written: what {@code required} checks
 */
public record EnvironmentPolicy(boolean production, boolean allowUnsafe, boolean suspendSchedules,
        List<String> required, Map<String, ConfigValue> variables, Map<String, SourceLocation> written) {

    public EnvironmentPolicy {
        required = List.copyOf(required);
        // Declaration order is what env show prints.
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    }

    /** An environment that writes no policy: not production, unsafe changes allowed with the flag, schedules active. */
    public static EnvironmentPolicy defaults() {
        return new EnvironmentPolicy(false, true, false, List.of(), Map.of(), Map.of());
    }

    /** Where {@code path} is written, or null. */
    public SourceLocation where(String path) {
        Objects.requireNonNull(path, "path");
        return written.get(path);
    }
}
