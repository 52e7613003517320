package io.strata.cli;

import io.strata.core.config.EnvironmentName;
import io.strata.core.error.StrataException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: the options every subcommand shares. */
@Command(
        name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = StrataCommand.Version.class,
        description = "A data platform as a Git repository: declare, plan, apply, observe.")
// The subcommands are registered by Subcommands, only the one a run needs.
public final class StrataCommand implements Callable<Integer> {

    @Option(names = "-C", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The platform repository (default: the current directory).")
    private Path directory = Path.of(".");

    @Option(names = "--env", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The environment (default: ${DEFAULT-VALUE}).")
    private String environment = "dev";

    private final Map<String, String> env;
    private final Main.Prompt prompt;

    StrataCommand(Map<String, String> env, Main.Prompt prompt) {
        this.env = env;
        this.prompt = prompt;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.ERROR;
    }

    /** The platform root, checked to exist. */
    public Path root() {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new StrataException("-C " + directory + ": no such directory", "pass the platform repository's folder");
        }
        return root;
    }

    /** The environment name, checked to be an identifier (never a path). */
    public String environment() {
        EnvironmentName.validate(environment);
        return environment;
    }

    public Platform platform() {
        return Platform.open(root(), environment(), env, user());
    }

    /** The process's environment variables (tests pass their own). */
    public Map<String, String> variables() {
        return env;
    }

    public Main.Prompt prompt() {
        return prompt;
    }

    public static String version() {
        String version = StrataCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Who runs the command, {@code user@host}: for the journal. */
    public static String userName() {
        return user();
    }

    static String user() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }

    /** Prints the version for {@code --version}. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"strata " + version()};
        }
    }
}
