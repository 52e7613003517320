package io.strata.core.config;

import io.strata.core.config.ConfigValue.EnvVariable;
import io.strata.core.config.ConfigValue.FileContent;
import io.strata.core.config.ConfigValue.Literal;
import io.strata.core.config.ConfigValue.Part;
import io.strata.core.config.ConfigValue.StateOutput;
import io.strata.core.config.ConfigValue.TerraformOutput;
import io.strata.core.config.TerraformOutputs.Output;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Replaces {@code ${env:NAME}}, {@code ${file:PATH}} and the Terraform references
 * ({@code ${terraform:DIR/OUTPUT}}, {@code ${tfstate:PATH#OUTPUT}}) with their values. Errors name
 * the reference and where it was written, never the value it resolved to.
 */
final class ReferenceResolver {

    private final Path baseDirectory;
    private final Function<String, String> environmentVariables;
    private final TerraformReader terraform;

    /**
     * @param baseDirectory the directory holding {@code strata.yaml}; relative file references start here
     * @param environmentVariables {@code System::getenv} in production, a map's {@code get} in tests
     */
    ReferenceResolver(Path baseDirectory, Function<String, String> environmentVariables) {
        this.baseDirectory = baseDirectory;
        this.environmentVariables = environmentVariables;
        this.terraform = new TerraformReader(baseDirectory, environmentVariables);
    }

    String resolve(ConfigValue value) {
        StringBuilder result = new StringBuilder();
        for (Part part : value.parts()) {
            if (part instanceof Literal literal) {
                result.append(literal.text());
            } else if (part instanceof EnvVariable env) {
                result.append(variable(env, value));
            } else if (part instanceof FileContent file) {
                result.append(file(file, value));
            } else if (part instanceof TerraformOutput || part instanceof StateOutput) {
                result.append(terraform(part, value));
            }
        }
        return result.toString();
    }

    private String variable(EnvVariable env, ConfigValue value) {
        String resolved = environmentVariables.apply(env.name());
        if (resolved == null) {
            throw new ConfigException(value.location(),
                    "environment variable `" + env.name() + "` is not set (referenced as `" + env + "`)",
                    "export " + env.name() + " before running strata, or choose another environment with --env");
        }
        return resolved;
    }

    private String file(FileContent reference, ConfigValue value) {
        Path path = baseDirectory.resolve(reference.path()).normalize();
        String where = "`" + reference + "` (" + path + ")";
        try {
            return stripTrailingLineBreaks(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigException(value.location(), "file " + where + " does not exist",
                    "create it, or fix the path; relative paths start from the directory holding strata.yaml");
        } catch (AccessDeniedException e) {
            throw new ConfigException(value.location(), "file " + where + " cannot be read: permission denied",
                    "grant read permission to the user running strata");
        } catch (CharacterCodingException e) {
            throw new ConfigException(value.location(), "file " + where + " is not UTF-8 text",
                    "store the value as UTF-8 text");
        } catch (IOException e) {
            // The exception's own message names only the path, but stay explicit about what is shown.
            throw new ConfigException(value.location(),
                    "file " + where + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    Files.isDirectory(path) ? "point the reference at a file, not a directory"
                            : "check that the file exists and is readable");
        }
    }

    private String terraform(Part reference, ConfigValue value) {
        Output output = terraform.output(reference, value);
        if (output.sensitive() && !value.secret()) {
            // A sensitive output is a secret; only secret settings are kept out of every output.
            throw new ConfigException(value.location(), "`" + reference + "` is a sensitive Terraform output, and this"
                    + " setting is not a secret: Strata would show its value",
                    "read sensitive outputs only in a `password`; if the value is not secret, remove `sensitive = true`"
                            + " from the output");
        }
        return output.text().orElseThrow(() -> new ConfigException(value.location(),
                "`" + reference + "` is " + output.kind() + ": a setting takes a string, number or bool output",
                "declare an output with the one value this setting needs, e.g. `output \"db_address\" { value ="
                        + " aws_db_instance.analytics.address }`"));
    }

    /** Secret files usually end with a newline that is not part of the secret. */
    static String stripTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
