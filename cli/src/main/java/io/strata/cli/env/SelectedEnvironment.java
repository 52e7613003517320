package io.strata.cli.env;

import io.strata.cli.Platform;
import io.strata.core.config.DatabaseSettings;
import io.strata.core.config.EnvironmentPolicy;
import io.strata.core.config.ProjectConfig;
import io.strata.core.config.ResolvedEnvironment;
import io.strata.core.environment.DatabaseUrls;
import io.strata.core.environment.EphemeralEnvironment;
import io.strata.core.environment.EphemeralFiles;
import io.strata.core.error.StrataException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code --env NAME} means: an environment declared in {@code strata.yaml}, or one made by
 * {@code strata env up} (a file under {@code .strata/environments/}), which is its source's
 * settings with its own database on the same server, not production, and its schedules suspended.
 *
 * @param environment resolved: the database to connect to (not the pipelines' variables and lineage:
 *     {@link ProjectConfig#resolve} of {@code declared} gives those, when a pipeline runs)
 * @param policy the policy in force (an ephemeral environment's, not its source's)
 * @param declared the declared environment whose settings apply: itself, or the ephemeral one's source
 * @param embeddedStateDir where the embedded server runs, for an embedded database: the declared
 *     environment's, so an ephemeral environment is a database in its source's server
 * @param embeddedDatabase the database in that server
 * @param ephemeral the file of an ephemeral environment; null for a declared one
 */
public record SelectedEnvironment(ResolvedEnvironment environment, EnvironmentPolicy policy, String declared,
        Path embeddedStateDir, String embeddedDatabase, EphemeralEnvironment ephemeral) {

    /** The environment named {@code name}: declared wins; otherwise {@code env up}'s file. */
    public static SelectedEnvironment select(ProjectConfig config, Path root, String name,
            Function<String, String> variables) {
        if (config.environments().containsKey(name)) {
            ResolvedEnvironment resolved = config.resolveConnection(name, variables);
            return new SelectedEnvironment(resolved, config.environment(name).policy(), name,
                    Platform.embeddedStateDir(root, name), config.name(), null);
        }
        Optional<EphemeralEnvironment> ephemeral = EphemeralFiles.read(root, name);
        if (ephemeral.isEmpty()) {
            config.environment(name); // throws, listing the declared environments
        }
        return ephemeral(config, root, ephemeral.get(), variables);
    }

    /** An ephemeral environment: its source's settings with its own database. */
    public static SelectedEnvironment ephemeral(ProjectConfig config, Path root, EphemeralEnvironment ephemeral,
            Function<String, String> variables) {
        if (!config.environments().containsKey(ephemeral.from())) {
            throw new StrataException("ephemeral environment `" + ephemeral.name() + "` was made from `"
                    + ephemeral.from() + "`, which strata.yaml no longer declares",
                    "declare it again, or remove the environment with `strata env down " + ephemeral.name() + "`");
        }
        ResolvedEnvironment source = config.resolveConnection(ephemeral.from(), variables);
        DatabaseSettings database = source.database() instanceof DatabaseSettings.Jdbc jdbc
                ? new DatabaseSettings.Jdbc(DatabaseUrls.withDatabase(jdbc.url(), jdbc.redactedUrl(), ephemeral.database()),
                        jdbc.user(), jdbc.password())
                : source.database();
        EnvironmentPolicy from = config.environment(ephemeral.from()).policy();
        // Not production whatever the source is; unsafe changes with the flag; nothing runs on a schedule.
        EnvironmentPolicy policy = new EnvironmentPolicy(false, true, true, List.of(), from.variables(), from.written());
        return new SelectedEnvironment(new ResolvedEnvironment(ephemeral.name(), database, source.lockTimeout()),
                policy, ephemeral.from(), Platform.embeddedStateDir(root, ephemeral.from()), ephemeral.database(), ephemeral);
    }

    public String name() {
        return environment.name();
    }

    public Optional<EphemeralEnvironment> ephemeralFile() {
        return Optional.ofNullable(ephemeral);
    }
}
