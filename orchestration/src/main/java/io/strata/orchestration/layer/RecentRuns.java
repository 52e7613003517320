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
 * What the run records say about the pipelines, read in bulk with the registry.
 *
 * @param history per pipeline, its latest runs of any status (at most {@link #RECENT}),
 *     newest first; the first may still be running
 * @param successes per pipeline, the durations of its latest successful runs (at most
 *     {@link RunHistory#SUCCESSES}), newest first
 * @param lastWrites per table (lower case, as {@code schema.table}), when a successful run that
 *     wrote it last ended
 */
public record RecentRuns(Map<String, List<Run>> history, Map<String, List<Duration>> successes,
        Map<String, Instant> lastWrites) {

    /** One run record: status {@code running}, {@code succeeded} or {@code failed}; {@code endedAt} null while running. */
    public record Run(String runId, String status, String trigger, Instant startedAt, Instant endedAt, long rowsRead,
            long rowsWritten, String error) {
        public Run {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        /** How long it took; zero while it runs. */
        public Duration duration() {
            return Duration.between(startedAt, endedAt == null ? startedAt : endedAt);
        }

        /** {@code scheduled}, {@code manual} or {@code retry}: the trigger as observe writes it. */
        public String triggerLabel() {
            return trigger == null ? "unknown" : trigger.equals("schedule") ? "scheduled" : trigger;
        }

        /** The error's first line, at most 120 characters; empty when there is none. */
        public String errorLine() {
            if (error == null || error.isBlank()) {
                return "";
            }
            String first = error.strip().lines().findFirst().orElse("");
            return first.length() > 120 ? first.substring(0, 117) + "..." : first;
        }
    }

    /** How many of a pipeline's latest runs, of any status, observe keeps: what its timeline shows. */
    public static final int RECENT = 20;

    public static final RecentRuns NONE = new RecentRuns(Map.of(), Map.of(), Map.of());

    public RecentRuns {
        history = copy(history);
        successes = copy(successes);
        lastWrites = Map.copyOf(lastWrites);
    }

    private static <T> Map<String, List<T>> copy(Map<String, List<T>> lists) {
        return lists.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** The pipeline's latest runs, newest first; empty when it never ran. */
    public List<Run> history(String pipeline) {
        return history.getOrDefault(pipeline, List.of());
    }

    public Optional<Run> latest(String pipeline) {
        return history(pipeline).stream().findFirst();
    }

    public Optional<Instant> lastWrite(String table) {
        return Optional.ofNullable(lastWrites.get(table.toLowerCase(Locale.ROOT)));
    }

    /** The median of the latest successful runs' durations; zero when there is none. */
    public Duration usualDuration(String pipeline) {
        List<Duration> durations = successes.getOrDefault(pipeline, List.of()).stream().sorted().toList();
        return durations.isEmpty() ? Duration.ZERO : durations.get(durations.size() / 2);
    }
}
