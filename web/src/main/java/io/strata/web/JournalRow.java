package io.strata.web;

import io.strata.core.journal.JournalEntry;
import io.strata.orchestration.layer.RecentRuns;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.PipelineLineage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the journal page: an apply, rollback or other journalled command, or a pipeline run.
 *
 * @param at when it ended, or started for a run still going
 * @param kind {@code apply}, {@code rollback}, ... as journalled, or {@code run}
 * @param outcome {@code succeeded}, {@code failed}, {@code no changes}, {@code running}
 * @param by the user for a journal entry, the pipeline for a run
 * @param commit the git commit applied, or null
 * @param details one line each: the changes, the error, the run's tables and duration
 */
record JournalRow(Instant at, String kind, String outcome, boolean failed, String by, String commit,
        List<String> details) {

    static final String RUN = "run";

    /** Newest first; at the same instant a journal entry before a run, then by kind. */
    static final Comparator<JournalRow> NEWEST_FIRST = Comparator.comparing(JournalRow::at,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(r -> r.kind().equals(RUN))
            .thenComparing(JournalRow::kind);

    JournalRow {
        details = List.copyOf(details);
    }

    static JournalRow of(JournalEntry e) {
        List<String> details = new ArrayList<>();
        if (e.error() != null) {
            details.add("error: " + e.error().lines().findFirst().orElse(""));
        }
        details.addAll(e.changes());
        return new JournalRow(e.finishedAt(), e.kind(), e.outcome().label(), e.outcome() == JournalEntry.Outcome.FAILED,
                e.user(), e.gitCommit(), details);
    }

    static JournalRow of(String pipeline, ObservedRun run) {
        List<String> details = new ArrayList<>();
        details.add("run " + run.runId() + (run.endedAt() == null ? ", still running"
                : ", took " + HumanTime.duration(Duration.between(run.startedAt(), run.endedAt()).toMillis())));
        tables(details, run);
        return new JournalRow(run.endedAt() != null ? run.endedAt() : run.startedAt(), RUN, run.status(),
                run.status().equals("failed"), "pipeline " + pipeline, null, details);
    }

    private static void tables(List<String> details, ObservedRun run) {
        run.reads().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(t -> details.add("read " + t.getValue() + " row(s) from " + t.getKey()));
        run.writes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(t -> details.add("wrote " + t.getValue() + " row(s) to " + t.getKey()));
    }

    /**
     * The latest runs of every pipeline, of any status, as the orchestration layer observed them,
     * with the tables read and written where the lineage graph carries that run.
     */
    static List<JournalRow> runs(RecentRuns recent, List<PipelineLineage> pipelines) {
        Map<String, ObservedRun> withTables = new HashMap<>();
        pipelines.forEach(p -> withTables.putAll(carried(p)));
        List<JournalRow> rows = new ArrayList<>();
        recent.history().forEach((pipeline, runs) -> runs.forEach(run -> {
            List<String> details = new ArrayList<>();
            details.add("run " + run.runId() + ", " + run.triggerLabel() + (run.endedAt() == null ? ", still running"
                    : ", took " + HumanTime.duration(run.duration().toMillis())));
            ObservedRun tables = withTables.get(run.runId());
            if (tables == null || tables.reads().isEmpty() && tables.writes().isEmpty()) {
                details.add("read " + run.rowsRead() + " row(s), wrote " + run.rowsWritten() + " row(s)");
            } else {
                tables(details, tables);
            }
            if (!run.errorLine().isEmpty()) {
                details.add("error: " + run.errorLine());
            }
            rows.add(new JournalRow(run.endedAt() != null ? run.endedAt() : run.startedAt(), RUN, run.status(),
                    run.status().equals("failed"), "pipeline " + pipeline, null, details));
        }));
        return rows;
    }

    /**
     * The runs the lineage graph carries: each pipeline's latest run and its latest successful
     * ones, each once.
     */
    static List<JournalRow> runs(List<PipelineLineage> pipelines) {
        List<JournalRow> rows = new ArrayList<>();
        for (PipelineLineage p : pipelines) {
            carried(p).values().forEach(r -> rows.add(of(p.name(), r)));
        }
        return rows;
    }

    /** A pipeline's runs in the lineage graph by id, each once: its successful runs, then its latest if another. */
    private static Map<String, ObservedRun> carried(PipelineLineage p) {
        Map<String, ObservedRun> runs = new LinkedHashMap<>();
        // The successful runs first: they carry the tables read and written, which the latest may not.
        p.observedRuns().forEach(r -> runs.put(r.runId(), r));
        p.latestRun().ifPresent(r -> runs.putIfAbsent(r.runId(), r));
        return runs;
    }
}
