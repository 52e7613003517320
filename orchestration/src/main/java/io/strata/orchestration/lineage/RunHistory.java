package io.strata.orchestration.lineage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the platform database's run records say about each pipeline, read by {@link RunHistoryReader}.
 *
 * @param names how this database's table names compare
 * @param pipelines by pipeline name
 * @param runsConsidered how many of each pipeline's latest successful runs were read (at least 1)
 */
public record RunHistory(TableNames names, Map<String, PipelineRuns> pipelines, int runsConsidered) {

    /**
     * One pipeline's runs.
     *
     * @param latest its most recent run, whatever its status
     * @param succeeded its latest successful runs, newest first, at most {@code runsConsidered}; empty
     *     when it never succeeded
     */
    public record PipelineRuns(String pipeline, ObservedRun latest, List<ObservedRun> succeeded) {
        public PipelineRuns {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(latest, "latest");
            succeeded = List.copyOf(succeeded);
        }
    }

    public RunHistory {
        Objects.requireNonNull(names, "names");
        pipelines = Map.copyOf(new TreeMap<>(pipelines));
        if (runsConsidered < 1) {
            throw new IllegalArgumentException("runsConsidered must be at least 1, got " + runsConsidered);
        }
    }
}
