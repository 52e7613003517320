package io.strata.orchestration.lineage;

import java.util.Objects;

/**
 * A table read by a pipeline, or written by it: declared by its CronJobs, observed in its run
 * records, or both.
 *
 * @param table the table, normalized ({@link TableNames})
 * @param rows the rows of the newest observing run, or -1 when not observed
 */
public record Edge(String pipeline, Direction direction, String table, boolean declared, boolean observed,
        long rows) {

    public Edge {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(table, "table");
        if (!declared && !observed) {
            throw new IllegalArgumentException("an edge is declared, observed or both");
        }
    }
}
