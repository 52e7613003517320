package io.strata.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * The plan of one layer: the changes in apply order, the warnings a reviewer should read, the
 * drift (live objects changed outside Strata, which apply does not touch), and a fingerprint of the
 * live state the plan was computed from (apply refuses if it moved).
 */
public record LayerPlan(String layer, String fingerprint, List<Change> changes, List<String> warnings,
        List<String> drift) {

    public LayerPlan {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(fingerprint, "fingerprint");
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        drift = List.copyOf(drift);
    }

    /** A plan of a layer that reports no drift. */
    public LayerPlan(String layer, String fingerprint, List<Change> changes, List<String> warnings) {
        this(layer, fingerprint, changes, warnings, List.of());
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }
}
