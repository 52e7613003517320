package io.strata.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a value sits in {@code strata.yaml}, so that an error found long after loading (say, an
 * unset environment variable during resolve) can still point at the line that asked for it.
 *
 * @param file the configuration file, as the caller named it
 * @param line 1-based line
 * @param column 1-based column
 * @param keyPath dotted path of the key, e.g. {@code environments.staging.database.url}; empty for
 *     the document itself
 */
public record SourceLocation(Path file, int line, int column, String keyPath) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** {@code strata.yaml:7:12: environments.staging.database.url}, the prefix of every config error. */
    public String describe() {
        String position = file + ":" + line + ":" + column;
        return keyPath.isEmpty() ? position : position + ": " + keyPath;
    }

    @Override
    public String toString() {
        return describe();
    }
}
