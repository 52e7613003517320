package io.strata.access.audit;

import io.strata.access.spec.AccessSpec;
import java.time.Instant;
import java.util.Objects;

/**
 * The access spec as one commit of the platform repository holds it.
 *
 * @param commit the commit id
 * @param committedAt when it was committed (the time it landed on the branch)
 * @param subject the first line of its message
 * @param author who wrote it
 * @param accessTree the id of its {@code access/} folder (equal ids: the same spec), empty when it has none
 * @param spec the spec it holds
 */
public record SpecVersion(String commit, Instant committedAt, String subject, String author, String accessTree,
        AccessSpec spec) {
    public SpecVersion {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(committedAt, "committedAt");
        Objects.requireNonNull(accessTree, "accessTree");
        Objects.requireNonNull(spec, "spec");
    }

    public String shortCommit() {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
