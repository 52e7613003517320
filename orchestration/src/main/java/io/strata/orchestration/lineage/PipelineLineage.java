package io.strata.orchestration.lineage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pipeline in the lineage graph: what is declared about it, what its runs show, and where the
 * two differ.
 *
 * @param cronJobs the CronJobs of {@code k8s/} that run it; empty when none does
 * @param latest its most recent run of any status, or null when it never ran
 * @param observedRuns the successful runs whose tables were compared, newest first; empty when none
 * @param edges its tables, reads first, each in name order
 */
public record PipelineLineage(String name, List<String> cronJobs, ObservedRun latest, List<ObservedRun> observedRuns,
        List<Edge> edges) {

    /** How a pipeline's declaration and its runs compare. */
    public enum State {
        /** Its latest successful run(s) read and wrote exactly the declared tables. */
        IN_SYNC,
        /** Its runs read or wrote a table it does not declare, or left a declared one untouched. */
        MISMATCH,
        /** A CronJob declares it but it has no successful run to compare with: said, not flagged. */
        NEVER_RAN,
        /** It ran, but no CronJob in {@code k8s/} declares it: every table it touched is undeclared. */
        UNDECLARED
    }

    public PipelineLineage {
        Objects.requireNonNull(name, "name");
        cronJobs = List.copyOf(cronJobs);
        observedRuns = List.copyOf(observedRuns);
        edges = List.copyOf(edges);
    }

    public State state() {
        if (cronJobs.isEmpty()) {
            return State.UNDECLARED;
        }
        if (observedRuns.isEmpty()) {
            return State.NEVER_RAN;
        }
        return mismatches().isEmpty() ? State.IN_SYNC : State.MISMATCH;
    }

    /**
     * The edges where declaration and runs differ. None for a pipeline that never succeeded: an
     * absence of runs is not evidence against its declaration.
     */
    public List<Edge> mismatches() {
        if (observedRuns.isEmpty() && !cronJobs.isEmpty()) {
            return List.of();
        }
        return edges.stream().filter(e -> e.declared() != e.observed()).toList();
    }

    /** The most recent run, when there is one. */
    public Optional<ObservedRun> latestRun() {
        return Optional.ofNullable(latest);
    }
}
