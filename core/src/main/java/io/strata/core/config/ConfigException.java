package io.strata.core.config;

import io.strata.core.error.StrataException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem in {@code strata.yaml}, or in a value it refers to, tied to the file, line, column
 * and key path that caused it. The message reads {@code FILE:LINE:COL: KEY.PATH: problem}, so
 * editors and terminals can jump to it. Messages never contain secret values: callers describe a
 * bad value by its type or by its reference text, not by its content.
 */
public final class ConfigException extends StrataException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String problem;

    public ConfigException(SourceLocation location, String problem, String hint) {
        this(location, problem, hint, null);
    }

    public ConfigException(SourceLocation location, String problem, String hint, Throwable cause) {
        super(location.describe() + ": " + Objects.requireNonNull(problem, "problem"), hint, cause);
        this.location = location;
        this.problem = problem;
    }

    public SourceLocation location() {
        return location;
    }

    public Path file() {
        return location.file();
    }

    public int line() {
        return location.line();
    }

    public int column() {
        return location.column();
    }

    /** Dotted key path, e.g. {@code environments.staging.database.url}; empty for the whole file. */
    public String keyPath() {
        return location.keyPath();
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }
}
