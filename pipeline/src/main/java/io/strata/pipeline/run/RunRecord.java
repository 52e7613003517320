package io.strata.pipeline.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run of one pipeline, as stored in the platform database (docs/pipelines.md, "Run records").
 * {@code reads} and {@code writes} map each table to its rows (writes: committed rows only); they
 * are what lineage will compare with what a pipeline declares.
 *
 * @param image the image reference the run came from (STRATA_IMAGE), or the jar's content hash
 * @param host where it ran, with {@code pid}: how a scheduler tells a dead RUNNING run from a live one
 * @param endedAt null while running
 * @param error null unless failed; never holds secrets (exception messages, not settings)
 */
public record RunRecord(String runId, String pipeline, String image, Trigger trigger, String host, long pid,
        Instant startedAt, Instant endedAt, RunStatus status, long rowsRead, long rowsWritten, String error,
        Map<String, Long> reads, Map<String, Long> writes) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        reads = Map.copyOf(reads);
        writes = Map.copyOf(writes);
    }

    /** The record a run starts with. */
    public static RunRecord started(String runId, String pipeline, String image, Trigger trigger, String host,
            long pid, Instant startedAt) {
        return new RunRecord(runId, pipeline, image, trigger, host, pid, startedAt, null, RunStatus.RUNNING, 0, 0, null,
                Map.of(), Map.of());
    }

    /** The same run, ended. */
    public RunRecord ended(Instant at, RunStatus status, String error, Map<String, Long> reads,
            Map<String, Long> writes) {
        long read = reads.values().stream().mapToLong(Long::longValue).sum();
        long written = writes.values().stream().mapToLong(Long::longValue).sum();
        return new RunRecord(runId, pipeline, image, trigger, host, pid, startedAt, at, status, read, written, error,
                reads, writes);
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt == null ? startedAt : endedAt);
    }

    /** Reads in table order, for display. */
    public Map<String, Long> sortedReads() {
        return new TreeMap<>(reads);
    }

    public Map<String, Long> sortedWrites() {
        return new TreeMap<>(writes);
    }
}
