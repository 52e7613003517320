package io.strata.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole plan: every layer's changes for one environment, with what it was based on. Plain data:
 * it can be printed, written to a file and applied later exactly as reviewed.
 *
 * @param formatVersion version of the plan file format, see {@link PlanFile#FORMAT_VERSION}
 * @param strataVersion the Strata version that made it
 * @param environment the environment it was made for
 * @param gitCommit the platform repository's HEAD commit, or {@code "unknown"} outside git;
 *     suffixed with {@code -dirty} when the work tree had uncommitted changes
 * @param createdAt ISO-8601 instant
 * @param layers per-layer plans in apply order
 */
public record Plan(
        int formatVersion,
        String strataVersion,
        String environment,
        String gitCommit,
        String createdAt,
        List<LayerPlan> layers) {

    public Plan {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(gitCommit, "gitCommit");
        layers = List.copyOf(layers);
    }

    public List<Change> changes() {
        return layers.stream().flatMap(l -> l.changes().stream()).toList();
    }

    public boolean hasChanges() {
        return layers.stream().anyMatch(LayerPlan::hasChanges);
    }

    public List<Change> unsafeChanges() {
        return changes().stream().filter(Change::unsafe).toList();
    }

    public Optional<LayerPlan> layer(String name) {
        return layers.stream().filter(l -> l.layer().equals(name)).findFirst();
    }

    /** A stable hash of what the plan would do: the changes and the live state they were based on. */
    public String hash() {
        return PlanFile.hashOf(this);
    }
}
