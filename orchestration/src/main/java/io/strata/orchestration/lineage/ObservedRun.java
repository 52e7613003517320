package io.strata.orchestration.lineage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline run as its record in the platform database tells it (strata.pipeline_runs and
 * strata.pipeline_run_tables; docs/pipelines.md, "Run records").
 *
 * @param status {@code running}, {@code succeeded} or {@code failed}
 * @param endedAt null while running
 * @param reads rows per table read, as the pipeline named the table; empty unless the run succeeded
 *     (lineage reads the tables of successful runs only)
 * @param writes the same for tables written
 */
public record ObservedRun(String runId, String status, Instant startedAt, Instant endedAt, Map<String, Long> reads,
        Map<String, Long> writes) {

    public static final String SUCCEEDED = "succeeded";

    public ObservedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        reads = Map.copyOf(reads);
        writes = Map.copyOf(writes);
    }

    public boolean succeeded() {
        return status.equals(SUCCEEDED);
    }

    /** The rows per table in one direction. */
    public Map<String, Long> tables(Direction direction) {
        return direction == Direction.READ ? reads : writes;
    }
}
