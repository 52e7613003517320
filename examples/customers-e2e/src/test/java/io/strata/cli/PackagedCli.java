package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The packaged CLI, {@code java -jar cli/target/strata.jar ARGS}, as the {@code ./strata} launcher runs it. */
final class PackagedCli {

    private PackagedCli() {}

    static Path jar() {
        return PipelineRepository.repositoryRoot().resolve("cli/target/strata.jar");
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Cli.Result run(String... args) {
        return run(Map.of(), args);
    }

    /** With {@code environment} added to this process's variables. */
    static Cli.Result run(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return exec(new ProcessBuilder(command), environment, "strata " + String.join(" ", args));
    }

    /** Runs {@code builder} with stdin from /dev/null, for at most three minutes. */
    static Cli.Result exec(ProcessBuilder builder, Map<String, String> environment, String what) {
        builder.environment().putAll(environment);
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(what + " ended").isTrue();
            return new Cli.Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
