package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.StrataCommand;
import io.strata.cli.env.EnvDown;
import io.strata.cli.env.EnvUp;
import io.strata.cli.env.EnvironmentView;
import io.strata.core.config.ProjectConfig;
import io.strata.core.environment.EphemeralEnvironment;
import io.strata.core.environment.EphemeralEnvironment.Data;
import io.strata.core.environment.EphemeralFiles;
import io.strata.core.error.StrataException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata env list|show|up|down}: the environments of strata.yaml, and ephemeral ones. Glue only. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "The platform's environments: list and show them; make and remove ephemeral ones.")
public final class EnvCommand {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every environment: its database (url redacted), its policy, whether it is ephemeral.")
    int list() {
        Path dir = root.root();
        spec.commandLine().getOut().print(EnvironmentView.list(ProjectConfig.load(dir), EphemeralFiles.list(dir)));
        return ExitCode.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "All settings of one environment; secrets as their references, never their values.")
    int show(@Parameters(paramLabel = "NAME", description = "The environment.") String name) {
        Path dir = root.root();
        ProjectConfig config = ProjectConfig.load(dir);
        Optional<EphemeralEnvironment> ephemeral = config.environments().containsKey(name) ? Optional.empty()
                : EphemeralFiles.read(dir, name);
        spec.commandLine().getOut().print(ephemeral.isPresent() ? EnvironmentView.show(config, ephemeral.get())
                : EnvironmentView.show(config, config.environment(name)));
        return ExitCode.OK;
    }

    /** --sample N or --clone; neither: an empty database built from the files. */
    static final class DataOption {
        @Option(names = "--sample", paramLabel = "N",
                description = "Copy the source's schema and the first N rows of each table.")
        Integer sample;

        @Option(names = "--clone", description = "Copy the source whole (PostgreSQL: CREATE DATABASE … TEMPLATE).")
        boolean clone;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Make an ephemeral environment: a new database on the source's server, every layer applied"
                    + " (schedules suspended). Again: a no-op, or resumes one that stopped.")
    int up(@Parameters(paramLabel = "NAME", description = "A name or a branch name (made a safe identifier).") String name,
            @Option(names = "--from", paramLabel = "ENV", defaultValue = "dev",
                    description = "The declared environment to copy settings and server from (default: ${DEFAULT-VALUE}).")
            String from,
            @ArgGroup(exclusive = true) DataOption data,
            @Option(names = "--allow-unsafe", description = "Apply unsafe changes of the files to the new environment.")
            boolean allowUnsafe) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Data kind = data == null ? Data.EMPTY : data.clone ? Data.CLONE : Data.SAMPLE;
        int rows = kind == Data.SAMPLE ? data.sample : 0;
        if (kind == Data.SAMPLE && rows < 0) {
            throw new StrataException("--sample " + rows + ": expected a number of rows, 0 or more",
                    "e.g. --sample 1000");
        }
        Path dir = root.root();
        EnvUp.Result result = new EnvUp(dir, ProjectConfig.load(dir), root.variables(), StrataCommand.userName(),
                StrataCommand.version(), Clock.systemUTC())
                .up(new EnvUp.Request(name, from, kind, rows, allowUnsafe), line -> {
                    err.println(line);
                    err.flush();
                });
        EphemeralEnvironment env = result.environment();
        out.println(result.alreadyUp()
                ? "Environment " + env.name() + " is already up (from " + env.from() + ", " + env.describeData()
                        + "); nothing was changed."
                : "Environment " + env.name() + " is up: database " + env.database() + " on the server of "
                        + env.from() + " (" + env.describeData() + "), every layer applied, schedules suspended.");
        out.print(result.connection());
        return ExitCode.OK;
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Remove an environment made by `env up`: its database, the roles it created, its local"
                    + " files. Refuses declared environments.")
    int down(@Parameters(paramLabel = "NAME", description = "As given to `env up`.") String name) {
        PrintWriter err = spec.commandLine().getErr();
        Path dir = root.root();
        EnvDown.Result result = new EnvDown(dir, ProjectConfig.load(dir), root.variables()).down(name, line -> {
            err.println(line);
            err.flush();
        });
        EphemeralEnvironment env = result.environment();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Environment " + env.name() + " is down: dropped database " + env.database()
                + (result.rolesDropped().isEmpty() ? "" : " and role(s) " + String.join(", ", result.rolesDropped()))
                + ", removed .strata/environments/" + env.name() + ".yaml.");
        result.rolesKept().forEach(r -> out.println("Kept role " + r + " (roles are server-wide; drop it once nothing"
                + " needs it)."));
        return ExitCode.OK;
    }
}
