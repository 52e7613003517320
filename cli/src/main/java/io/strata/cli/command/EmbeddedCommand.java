package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.core.config.ProjectConfig;
import io.strata.storage.embedded.EmbeddedInstance;
import io.strata.storage.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata embedded status|stop}: the embedded PostgreSQL of an environment. */
@Command(name = "embedded", mixinStandardHelpOptions = true,
        description = "The embedded PostgreSQL: it starts with the first command that needs it and keeps running.")
public final class EmbeddedCommand {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Is it running, and where.")
    int status() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<EmbeddedInstance> instance = EmbeddedPostgres.status(stateDir());
        if (instance.isEmpty()) {
            out.println("The embedded PostgreSQL of environment " + root.environment() + " is not running.");
            return ExitCode.OK;
        }
        // The server is found by its data directory; commands use the platform's own database on it.
        EmbeddedInstance i = instance.get().withDatabase(ProjectConfig.load(root.root()).name());
        out.println("running, pid " + i.pid() + "\n  url:  " + i.jdbcUrl() + "\n  psql: " + i.psqlCommand()
                + "\n  data: " + i.dataDirectory());
        return ExitCode.OK;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop it; its data stays on disk.")
    int stop() {
        boolean stopped = EmbeddedPostgres.stop(stateDir());
        spec.commandLine().getOut().println(stopped ? "Stopped the embedded PostgreSQL of environment "
                + root.environment() + "; its data stays in " + stateDir() + "." : "It was not running.");
        return ExitCode.OK;
    }

    private Path stateDir() {
        return Platform.embeddedStateDir(root.root(), root.environment());
    }
}
