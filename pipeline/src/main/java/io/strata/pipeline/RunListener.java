package io.strata.pipeline;

/**
 * Told by sources and sinks how many rows they moved, in increments, so a run can log progress on
 * long loads and record rows per table. Sources and sinks made outside a run use {@link #NONE}.
 * Implementations are called from reader threads too, so they must be thread-safe.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
        @Override
        public void read(String table, long rows) {
        }

        @Override
        public void written(String table, long rows) {
        }

        @Override
        public void committed(WriteResult result) {
        }
    };

    /** {@code rows} more rows were read from {@code table} (or from a query, named by what it reads). */
    void read(String table, long rows);

    /** {@code rows} more rows were sent to {@code table}, not yet committed: for progress only. */
    void written(String table, long rows);

    /** A sink committed: these rows now count as written. */
    void committed(WriteResult result);
}
