package io.strata.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A string from {@code strata.yaml} that may refer to environment variables or files, parsed but
 * not yet resolved: {@code jdbc:postgresql://${env:DB_HOST}:5432/app} is a literal, a reference
 * and another literal. Resolving happens only for the environment in use (see
 * {@link ProjectConfig#resolve}), so one environment's unset variables never break another.
 *
 * @param text the value exactly as written
 * @param parts literals and references, in order
 * @param secret whether the value is a secret; then {@link #toString()} masks its literal parts
 * @param location where it was written
 */
public record ConfigValue(String text, List<Part> parts, boolean secret, SourceLocation location) {

    /** A piece of a value: literal text or a reference to resolve. */
    public sealed interface Part permits Literal, EnvVariable, FileContent, TerraformOutput, StateOutput {}

    /** Literal text, with {@code $${} already unescaped to {@code ${}. */
    public record Literal(String text) implements Part {
        @Override
        public String toString() {
            // May be part of a password written inline; its content is not for logs.
            return "Literal[" + text.length() + " chars]";
        }
    }

    /** {@code ${env:NAME}}: the value of an environment variable. */
    public record EnvVariable(String name) implements Part {
        @Override
        public String toString() {
            return "${env:" + name + "}";
        }
    }

    /**
     * {@code ${file:PATH}}: a file's content without trailing line breaks; a relative path is
     * relative to the directory holding {@code strata.yaml}.
     */
    public record FileContent(String path) implements Part {
        @Override
        public String toString() {
            return "${file:" + path + "}";
        }
    }

    /**
     * {@code ${terraform:DIR/OUTPUT}}: an output of {@code terraform output -json} run in DIR, a
     * directory relative to the one holding {@code strata.yaml}.
     */
    public record TerraformOutput(String directory, String output) implements Part {
        @Override
        public String toString() {
            return "${terraform:" + directory + "/" + output + "}";
        }
    }

    /**
     * {@code ${tfstate:PATH#OUTPUT}}: an output read from a Terraform state file, for a local
     * backend or a state file CI downloaded; PATH is relative to the directory holding {@code strata.yaml}.
     */
    public record StateOutput(String path, String output) implements Part {
        @Override
        public String toString() {
            return "${tfstate:" + path + "#" + output + "}";
        }
    }

    static final Pattern ENV_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A Terraform identifier, which is what an output's name must be. */
    static final Pattern TERRAFORM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private static final String REFERENCE_HINT = "references are `${env:NAME}`, `${file:PATH}`,"
            + " `${terraform:DIR/OUTPUT}` or `${tfstate:PATH#OUTPUT}`; write `$${` for a literal `${`";

    public ConfigValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
        parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text}, reporting a malformed reference at {@code location}. Error messages
     * quote the bad reference only when the value is not a secret.
     */
    public static ConfigValue parse(String text, boolean secret, SourceLocation location) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new ConfigException(location,
                            (secret ? "a reference" : "the reference `" + text.substring(i) + "`")
                                    + " is not closed with `}`", REFERENCE_HINT);
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(reference(text.substring(i, close + 1), secret, location));
                i = close + 1;
            } else {
                literal.append(text.charAt(i));
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new ConfigValue(text, parts, secret, location);
    }

    private static Part reference(String reference, boolean secret, SourceLocation location) {
        String body = reference.substring(2, reference.length() - 1);
        String shown = secret ? "a `${...}` reference" : "`" + reference + "`";
        if (body.startsWith("env:")) {
            String name = body.substring(4);
            if (!ENV_VARIABLE.matcher(name).matches()) {
                throw new ConfigException(location,
                        shown + " does not name an environment variable (letters, digits and `_`,"
                                + " not starting with a digit)", REFERENCE_HINT);
            }
            return new EnvVariable(name);
        }
        if (body.startsWith("file:")) {
            String path = body.substring(5);
            if (path.isEmpty()) {
                throw new ConfigException(location, shown + " names no file", REFERENCE_HINT);
            }
            return new FileContent(path);
        }
        if (body.startsWith("terraform:")) {
            String[] split = split(body.substring(10), '/', shown, "DIR/OUTPUT", location);
            return new TerraformOutput(split[0], split[1]);
        }
        if (body.startsWith("tfstate:")) {
            String[] split = split(body.substring(8), '#', shown, "PATH#OUTPUT", location);
            return new StateOutput(split[0], split[1]);
        }
        throw new ConfigException(location,
                shown + " is not a reference Strata knows", REFERENCE_HINT);
    }

    /** Splits at the last {@code separator}: a place (directory or file) and an output name. */
    private static String[] split(String body, char separator, String shown, String form, SourceLocation location) {
        int at = body.lastIndexOf(separator);
        if (at <= 0 || at == body.length() - 1) {
            throw new ConfigException(location, shown + " is not of the form `" + form + "`", REFERENCE_HINT);
        }
        String output = body.substring(at + 1);
        if (!TERRAFORM_NAME.matcher(output).matches()) {
            throw new ConfigException(location, shown + " does not name a Terraform output (letters, digits, `_`"
                    + " and `-`, not starting with a digit or `-`)", REFERENCE_HINT);
        }
        return new String[] {body.substring(0, at), output};
    }

    public boolean hasReferences() {
        return parts.stream().anyMatch(p -> !(p instanceof Literal));
    }

    /** Whether the value begins with a reference rather than with literal text. */
    boolean startsWithReference() {
        return !parts.isEmpty() && !(parts.get(0) instanceof Literal);
    }

    /**
     * The value for display: as written, except that a secret's literal parts become {@code ***},
     * so {@code ${env:DB_PASSWORD}} stays readable and an inline password does not, and that
     * passwords inside urls are masked.
     */
    public String redacted() {
        if (!secret) {
            // A url may carry `password=` in its query string.
            return JdbcUrl.redact(text);
        }
        return parts.stream()
                .map(p -> p instanceof Literal ? "***" : p.toString())
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return redacted() + " (" + location + ")";
    }
}
