package io.strata.cli;

import io.strata.cli.command.AccessCommand;
import io.strata.cli.command.ApplyCommand;
import io.strata.cli.command.BuildCommand;
import io.strata.cli.command.EmbeddedCommand;
import io.strata.cli.command.EnvCommand;
import io.strata.cli.command.InitCommand;
import io.strata.cli.command.LineageCommand;
import io.strata.cli.command.LintCommand;
import io.strata.cli.command.MigrationsCommand;
import io.strata.cli.command.ObserveCommand;
import io.strata.cli.command.PlanCommand;
import io.strata.cli.command.RenderCommand;
import io.strata.cli.command.RollbackCommand;
import io.strata.cli.command.RunCommand;
import io.strata.cli.command.SchedulerCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The subcommands of {@code strata}, registered lazily: picocli builds a command's model from its
 * annotations by reflection, about 5–10 ms per command on a cold JVM, and a run needs only the one
 * it was asked for. Everything is registered when the command line names none, or one picocli must
 * report as unknown (help and suggestions list all of them then).
 */
final class Subcommands {

    /** In help order. The names are the {@code @Command(name)} of each class (a test checks). */
    static final Map<String, Class<?>> ALL = all();

    private Subcommands() {}

    private static Map<String, Class<?>> all() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("init", InitCommand.class);
        all.put("plan", PlanCommand.class);
        all.put("apply", ApplyCommand.class);
        all.put("observe", ObserveCommand.class);
        all.put("migrations", MigrationsCommand.class);
        all.put("embedded", EmbeddedCommand.class);
        all.put("lint", LintCommand.class);
        all.put("access", AccessCommand.class);
        all.put("run", RunCommand.class);
        all.put("scheduler", SchedulerCommand.class);
        all.put("build", BuildCommand.class);
        all.put("lineage", LineageCommand.class);
        all.put("env", EnvCommand.class);
        all.put("render", RenderCommand.class);
        all.put("rollback", RollbackCommand.class);
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Adds to {@code root} the subcommand {@code args} names, or all of them. */
    static void register(CommandLine root, String[] args) {
        Optional<String> named = named(args).filter(ALL::containsKey);
        ALL.forEach((name, command) -> {
            if (named.isEmpty() || named.get().equals(name)) {
                root.addSubcommand(name, command);
            }
        });
    }

    /**
     * The first argument that is not one of the root's options or an option's value; empty when
     * there is none, or when an argument before it is not a root option (picocli reports it).
     */
    static Optional<String> named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-C") || arg.equals("--env")) {
                i++;
            } else if (arg.startsWith("-C") || arg.startsWith("--env=")) {
                continue;
            } else if (arg.startsWith("-")) {
                return Optional.empty();
            } else {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }
}
