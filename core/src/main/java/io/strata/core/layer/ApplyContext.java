package io.strata.core.layer;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a layer's apply records alongside each change.
 *
 * @param user who applies (operating-system user and host)
 * @param gitCommit the platform repository's commit being applied
 * @param progress one line per step, for people watching
 */
public record ApplyContext(String user, String gitCommit, Consumer<String> progress) {
    public ApplyContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(gitCommit, "gitCommit");
        Objects.requireNonNull(progress, "progress");
    }
}
