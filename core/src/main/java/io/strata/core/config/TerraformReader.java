package io.strata.core.config;

import io.strata.core.config.ConfigValue.Part;
import io.strata.core.config.ConfigValue.StateOutput;
import io.strata.core.config.ConfigValue.TerraformOutput;
import io.strata.core.config.TerraformOutputs.FormatException;
import io.strata.core.config.TerraformOutputs.Output;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads the Terraform outputs that {@code ${terraform:DIR/OUTPUT}} and {@code ${tfstate:PATH#OUTPUT}}
 * references name: the hand-off from the tool that made the database instance to the tool that
 * converges what is inside it. Each directory is asked, and each state file read, at most once per
 * reader, however many references point at it. Errors name the reference and where it was written,
 * never a value: outputs may be sensitive.
 */
final class TerraformReader {

    /** A remote backend (S3, Terraform Cloud) answers over the network: give it time, not forever. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path baseDirectory;
    private final Function<String, String> environmentVariables;
    private final Map<Path, TerraformOutputs> byDirectory = new HashMap<>();
    private final Map<Path, TerraformOutputs> byStateFile = new HashMap<>();

    /**
     * @param baseDirectory the directory holding {@code strata.yaml}; relative paths start here
     * @param environmentVariables where {@code PATH} is looked up to find {@code terraform}
     */
    TerraformReader(Path baseDirectory, Function<String, String> environmentVariables) {
        this.baseDirectory = baseDirectory;
        this.environmentVariables = environmentVariables;
    }

    /** The output a reference names, as it was written. */
    Output output(Part reference, ConfigValue value) {
        Path place;
        TerraformOutputs outputs;
        String name;
        if (reference instanceof TerraformOutput terraform) {
            place = baseDirectory.resolve(terraform.directory()).normalize();
            outputs = byDirectory.computeIfAbsent(place, dir -> fromCommand(dir, terraform, value));
            name = terraform.output();
        } else if (reference instanceof StateOutput state) {
            place = baseDirectory.resolve(state.path()).normalize();
            outputs = byStateFile.computeIfAbsent(place, file -> fromStateFile(file, state, value));
            name = state.output();
        } else {
            throw new IllegalArgumentException("not a Terraform reference: " + reference);
        }
        return outputs.get(name).orElseThrow(() -> missing(reference, name, place, outputs, value));
    }

    private TerraformOutputs fromCommand(Path directory, TerraformOutput reference, ConfigValue value) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigException(value.location(), "`" + reference + "`: directory " + directory + " does not exist",
                    "name the directory holding the Terraform configuration, relative to the directory holding strata.yaml");
        }
        Path terraform = executable().orElseThrow(() -> new ConfigException(value.location(),
                "`" + reference + "` needs the `terraform` command, and it is not on PATH",
                "install Terraform (developer.hashicorp.com/terraform/install), read a state file instead with `${tfstate:"
                        + reference.directory() + "/terraform.tfstate#" + reference.output()
                        + "}`, or choose another environment with --env"));
        CommandResult result = run(terraform, directory, reference, value);
        if (result.exitCode() != 0) {
            throw new ConfigException(value.location(), "`" + reference + "`: `terraform output -json` in " + directory
                    + " failed (exit " + result.exitCode() + ")" + result.firstError().map(e -> ": " + e).orElse(""),
                    "run `terraform init` in " + directory + " (a remote backend needs it) and check that"
                            + " `terraform output` works there");
        }
        try {
            return TerraformOutputs.fromOutputCommand(result.stdout());
        } catch (FormatException e) {
            throw new ConfigException(value.location(), "`" + reference + "`: `terraform output -json` in " + directory
                    + " printed something Strata cannot read: " + e.getMessage(), "check the Terraform version (0.12 or later)");
        }
    }

    private static TerraformOutputs fromStateFile(Path file, StateOutput reference, ConfigValue value) {
        String where = "`" + reference + "`: state file " + file;
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(value.location(), where + " does not exist",
                    "run `terraform apply` with a local backend, or fetch the state file first; with a remote backend"
                            + " use `${terraform:DIR/" + reference.output() + "}`");
        } catch (AccessDeniedException e) {
            throw new ConfigException(value.location(), where + " cannot be read: permission denied",
                    "grant read permission to the user running strata");
        } catch (IOException e) {
            throw new ConfigException(value.location(), where + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    Files.isDirectory(file) ? "name the state file, e.g. `infra/terraform.tfstate`, not its directory"
                            : "check that the file exists and is readable");
        }
        try {
            return TerraformOutputs.fromStateFile(content);
        } catch (FormatException e) {
            throw new ConfigException(value.location(), where + " cannot be used: " + e.getMessage(),
                    "name a state file written by `terraform apply`, e.g. `infra/terraform.tfstate`");
        }
    }

    private static ConfigException missing(Part reference, String name, Path place, TerraformOutputs outputs,
            ConfigValue value) {
        String declared = outputs.outputs().isEmpty() ? "there are no outputs: has `terraform apply` run?"
                : "outputs there: " + String.join(", ", outputs.outputs().keySet());
        return new ConfigException(value.location(),
                "`" + reference + "`: Terraform output `" + name + "` not found in " + place + "; " + declared,
                "fix the name, or declare `output \"" + name + "\"` in the Terraform configuration and run `terraform apply`");
    }

    /** {@code terraform} in the first directory of PATH that has it. */
    private Optional<Path> executable() {
        String path = environmentVariables.apply("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "terraform");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record CommandResult(int exitCode, byte[] stdout, String stderr) {
        /** Terraform's first {@code Error:} line, without colours and box drawing. */
        Optional<String> firstError() {
            return stderr.lines()
                    .map(line -> line.replaceAll("\u001B\\[[0-9;]*m", "").replaceAll("^[\\s│╷╵]+", "").strip())
                    .filter(line -> line.startsWith("Error:"))
                    .findFirst();
        }
    }

    private static CommandResult run(Path terraform, Path directory, TerraformOutput reference, ConfigValue value) {
        ProcessBuilder builder = new ProcessBuilder(terraform.toString(), "output", "-no-color", "-json")
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Never wait for input that no one will type; say it is run by a tool.
        builder.environment().put("TF_INPUT", "0");
        builder.environment().put("TF_IN_AUTOMATION", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ConfigException(value.location(), "`" + reference + "`: cannot run " + terraform + " ("
                    + e.getClass().getSimpleName() + ")", "check that terraform is executable by the user running strata");
        }
        // Both streams drained aside, so that a hanging backend still meets the timeout below.
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ConfigException(value.location(), "`" + reference + "`: `terraform output -json` in " + directory
                        + " did not finish within " + TIMEOUT.toSeconds() + "s",
                        "check the Terraform backend's connection, then run `terraform output` there by hand");
            }
            return new CommandResult(process.exitValue(), stdout.join(), new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ConfigException(value.location(), "`" + reference + "`: interrupted while Terraform ran",
                    "run the command again");
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
