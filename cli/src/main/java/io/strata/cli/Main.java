package io.strata.cli;

import io.strata.core.error.StrataException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** The {@code strata} executable: parses, runs, maps errors to exit codes. Glue only. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Warmup.start();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Console console = System.console();
        Prompt prompt = console == null ? question -> Optional.empty() : question -> {
            err.print(question);
            err.flush();
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return Optional.ofNullable(line);
            } catch (IOException e) {
                return Optional.empty();
            }
        };
        System.exit(run(args, out, err, System.getenv(), prompt));
    }

    /** Runs one command line; returns the exit code. Tests call this in-process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Prompt prompt) {
        CommandLine cli = new CommandLine(new StrataCommand(env, prompt));
        Subcommands.register(cli, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run `strata " + (e.getCommandLine().getCommandName().equals("strata") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help` for usage.");
            return ExitCode.ERROR;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof StrataException s) {
                err.println("error: " + s.describe());
            } else {
                err.println("error: " + e);
                e.printStackTrace(err);
            }
            return ExitCode.ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Asks the person at the terminal; empty when there is no terminal. */
    @FunctionalInterface
    public interface Prompt {
        Optional<String> ask(String question);
    }
}
