package io.strata.core.layer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The platform repository on disk: where each layer finds its files.
 *
 * @param root the directory holding {@code strata.yaml}
 * @param gitCommit HEAD of the repository, or {@code "none"} outside git
 */
public record Workspace(Path root, String gitCommit) {
    public Workspace {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(gitCommit, "gitCommit");
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** A path as users see it in messages: relative to the platform root. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
