package io.strata.orchestration.layer;

import io.strata.orchestration.registry.RegisteredCronJob;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The orchestration layer's live state: the schedule registry, what the run records say about the
 * pipelines, and when both were read (observe computes next runs and freshness from it, so that
 * reporting stays a function of what was read).
 *
 * @param zone the scheduler's zone, in which a schedule without {@code timeZone} is read
 */
public record LiveSchedules(List<RegisteredCronJob> registry, RecentRuns runs, Instant observedAt, ZoneId zone) {

    public LiveSchedules {
        registry = List.copyOf(registry);
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(zone, "zone");
    }
}
