package io.strata.orchestration.layer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the run records say about the scheduled pipelines, read in bulk with the registry.
 *
 * @param latest per pipeline, its most recent run (it may still be running)
 * @param successes per pipeline, the durations of its latest successful runs (at most
 *     {@link RunHistory#SUCCESSES}), newest first
 * @param lastWrites per table (lower case, as {@code schema.table}), when a successful run that
 *     wrote it last ended
 */
record RecentRuns(Map<String, Run> latest, Map<String, List<Duration>> successes, Map<String, Instant> lastWrites) {

    /** One run record: status {@code running}, {@code succeeded} or {@code failed}; {@code endedAt} null while running. */
    record Run(String runId, String status, String trigger, Instant startedAt, Instant endedAt, long rowsRead,
            long rowsWritten, String error) {
        Run {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        Duration duration() {
            return Duration.between(startedAt, endedAt == null ? startedAt : endedAt);
        }
    }

    static final RecentRuns NONE = new RecentRuns(Map.of(), Map.of(), Map.of());

    RecentRuns {
        latest = Map.copyOf(latest);
        successes = successes.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        lastWrites = Map.copyOf(lastWrites);
    }

    Optional<Run> latest(String pipeline) {
        return Optional.ofNullable(latest.get(pipeline));
    }

    Optional<Instant> lastWrite(String table) {
        return Optional.ofNullable(lastWrites.get(table.toLowerCase(Locale.ROOT)));
    }

    /** The median of the latest successful runs' durations; zero when there is none. */
    Duration usualDuration(String pipeline) {
        List<Duration> durations = successes.getOrDefault(pipeline, List.of()).stream().sorted().toList();
        return durations.isEmpty() ? Duration.ZERO : durations.get(durations.size() / 2);
    }
}
