package io.strata.cli.env;

import io.strata.cli.Platform;
import io.strata.core.config.DatabaseSettings;
import io.strata.core.config.ProductionRules;
import io.strata.core.config.ProjectConfig;
import io.strata.core.environment.EphemeralEnvironment;
import io.strata.core.environment.EphemeralEnvironment.Data;
import io.strata.core.environment.EphemeralEnvironment.Step;
import io.strata.core.environment.EphemeralFiles;
import io.strata.core.environment.EphemeralNames;
import io.strata.core.error.StrataException;
import io.strata.core.loop.ApplyOptions;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code strata env up}: a new database beside the source environment's, filled as asked, then
 * every layer applied to it through the loop. Each step is recorded in the environment's local file
 * before it starts, so a run that stops half-way is resumed by running it again, or removed by
 * {@code env down}.
 *
 * @param root the platform
 * @param config its strata.yaml
 * @param variables the process environment, for the source's references
 * @param user who runs it, for the journal
 * @param version Strata's version, for the plan
 * @param clock when it started
 */
public record EnvUp(Path root, ProjectConfig config, Map<String, String> variables, String user, String version,
        Clock clock) {

    /** What to make. */
    public record Request(String requested, String from, Data data, int sampleRows, boolean allowUnsafe) {}

    /** Where it is and how to use it. */
    public record Result(EphemeralEnvironment environment, boolean alreadyUp, String connection) {}

    /** {@code CREATE SCHEMA} / {@code CREATE DATABASE}: on MySQL a server-wide database, shared with the source. */
    private static final Pattern CREATES_DATABASE = Pattern.compile("(?i)\\bcreate\\s+(schema|database)\\b");

    public Result up(Request request, Consumer<String> progress) {
        String name = EphemeralNames.environment(request.requested());
        Optional<EphemeralEnvironment> existing = EphemeralFiles.read(root, name);
        if (existing.isPresent() && !existing.get().requested().equals(request.requested())) {
            // Another branch name became the same identifier: this one gets a hash of its own.
            name = EphemeralNames.disambiguated(request.requested());
            existing = EphemeralFiles.read(root, name);
        }
        refuseDeclared(config, name, "up");
        if (name.equals("environments")) {
            throw new StrataException("`environments` is reserved: .strata/environments/ holds the ephemeral"
                    + " environments' files", "choose another name");
        }
        EphemeralEnvironment env = null;
        if (existing.isPresent()) {
            env = existing.get();
            if (!env.from().equals(request.from()) || env.data() != request.data()
                    || env.sampleRows() != request.sampleRows()) {
                throw new StrataException("environment " + name + " already exists, made from " + env.from() + " ("
                        + env.describeData() + ")", "remove it first with `strata env down " + name
                        + "`, or run the same `env up` again");
            }
            if (env.step() == Step.UP) {
                return new Result(env, true, connection(Platform.open(root, name, variables, user)));
            }
            progress.accept("Resuming env up " + name + ": it stopped while " + env.step().word());
        } else {
            config.environment(request.from()); // declared, or an error listing the declared ones
            ProductionRules.check(config, request.from());
        }
        // Resolved once: the source's references may run `terraform output`.
        ServerOf server = ServerOf.environment(config, root, request.from(), variables::get);
        if (env == null) {
            env = start(request, name, server);
        }
        if (env.step() == Step.CREATING_DATABASE) {
            if (existing.isPresent()) {
                // Recorded before it was created, after checking that the name was free: it is ours,
                // unless the file was edited since.
                EnvDown.refuseEdited(root, env, server);
                server.databases().drop(env.database());
            }
            progress.accept("Creating database " + env.database() + (env.data() == Data.EMPTY ? ""
                    : " as a copy of " + server.sourceDatabase()) + " ...");
            if (env.data() == Data.EMPTY) {
                server.databases().create(env.database());
            } else {
                server.databases().copy(server.sourceDatabase(), env.database(),
                        env.data() == Data.SAMPLE ? env.sampleRows() : null, progress);
            }
            env = record(env.at(Step.APPLYING));
        }
        Platform platform = Platform.open(root, name, variables, user);
        if (env.step() == Step.APPLYING) {
            env = apply(platform, env, request.allowUnsafe(), progress);
        }
        return new Result(env, false, connection(platform));
    }

    /** Checks the request and records the environment before anything is created. */
    private EphemeralEnvironment start(Request request, String name, ServerOf server) {
        if (server.dialect().equals("mysql")) {
            refuseSharedDatabases();
        }
        String database = EphemeralNames.database(server.sourceDatabase(), name);
        if (server.databases().exists(database)) {
            throw new StrataException("database " + database + " already exists on the server of " + request.from()
                    + ", and no `strata env up` here made it; nothing was changed",
                    "drop it if it is a leftover, or choose another environment name");
        }
        return record(new EphemeralEnvironment(name, request.requested(), request.from(), database, request.data(),
                request.sampleRows(), clock.instant(), Step.CREATING_DATABASE, List.of()));
    }

    private EphemeralEnvironment apply(Platform platform, EphemeralEnvironment env, boolean allowUnsafe,
            Consumer<String> progress) {
        EphemeralEnvironment[] current = {env};
        ApplyOptions options = new ApplyOptions(null, allowUnsafe, platform.lockTimeout(), user,
                plan -> {
                    // Recorded before apply creates them, so that even a crash leaves env down able to drop them.
                    Set<String> roles = new LinkedHashSet<>(current[0].rolesCreated());
                    plan.changes().stream().filter(EnvUp::createsRole).map(c -> c.attribute("role")).forEach(roles::add);
                    // Roles another ephemeral environment of this source created are shared with it:
                    // whichever goes down last drops them (env down keeps them while one uses them).
                    EphemeralFiles.list(root).stream().filter(other -> other.from().equals(env.from())
                            && !other.name().equals(env.name())).forEach(other -> roles.addAll(other.rolesCreated()));
                    current[0] = record(current[0].withRolesCreated(List.copyOf(roles)));
                    progress.accept("Applying " + plan.changes().size() + " change(s) to " + env.name() + " ...");
                },
                plan -> true, progress);
        ApplyResult result = platform.loop(version).apply(options);
        progress.accept(result.status() == ApplyResult.Status.NO_CHANGES ? "Nothing to apply: the copy matches the files."
                : "Applied " + result.plan().changes().size() + " change(s).");
        return record(current[0].at(Step.UP));
    }

    static boolean createsRole(Change change) {
        return change.layer().equals("access") && change.action() == Action.CREATE && "role".equals(change.attribute("kind"))
                && change.attribute("role") != null;
    }

    private EphemeralEnvironment record(EphemeralEnvironment env) {
        EphemeralFiles.write(root, env);
        return env;
    }

    /**
     * On MySQL a schema is a database of the server: a platform whose migrations create schemas
     * would share them with its source, so such an environment would not be isolated.
     */
    private void refuseSharedDatabases() {
        Path migrations = root.resolve("migrations");
        if (!Files.isDirectory(migrations)) {
            return;
        }
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.toString().endsWith(".sql") && CREATES_DATABASE.matcher(Files.readString(file)).find()) {
                    throw new StrataException("an ephemeral environment on MySQL/MariaDB is one new database, and "
                            + root.relativize(file) + " creates a schema, which on MySQL is a database of the whole"
                            + " server: the new environment would share it with its source; nothing was changed",
                            "keep the platform's tables in the database of its url (unqualified names) to use"
                                    + " ephemeral environments on MySQL, or make them from a PostgreSQL environment");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + migrations, e);
        }
    }

    /** Refuses {@code name} when strata.yaml declares it: env up and down touch only their own. */
    static void refuseDeclared(ProjectConfig config, String name, String command) {
        if (config.environments().containsKey(name)) {
            throw new StrataException("environment " + name + " is declared in " + config.file() + "; `strata env "
                    + command + "` " + (command.equals("down") ? "removes" : "makes") + " only environments made by"
                    + " `strata env up`; nothing was changed",
                    command.equals("down") ? "remove a declared environment's database yourself, if you mean to"
                            : "choose another name, e.g. pr-1");
        }
    }

    /** The url, a client command and how to use the environment. */
    static String connection(Platform platform) {
        String name = platform.target().environment();
        StringBuilder out = new StringBuilder();
        out.append("  url:  ").append(platform.database().displayUrl()).append('\n');
        Optional<String> client = platform.embedded().map(i -> i.psqlCommand());
        if (client.isEmpty() && platform.environment().database() instanceof DatabaseSettings.Jdbc jdbc) {
            client = ClientCommand.of(jdbc);
        }
        client.ifPresent(c -> out.append("  ").append(platform.database().dialect().equals("mysql") ? "mysql" : "psql")
                .append(": ").append(c).append('\n'));
        out.append("  use:  strata --env ").append(name).append(" plan | apply | observe | run PIPELINE\n");
        out.append("  down: strata env down ").append(name).append('\n');
        return out.toString();
    }
}
