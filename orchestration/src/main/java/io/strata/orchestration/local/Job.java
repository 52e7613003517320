package io.strata.orchestration.local;

import io.strata.pipeline.run.RunRecord;
import io.strata.pipeline.run.RunStatus;
import io.strata.pipeline.run.RunStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of one schedule time, across its attempts: what a Kubernetes Job is to a CronJob.
 * Mutable, and touched by the scheduler's thread only. Its process is one the scheduler started
 * ({@link StartedRun}), or one a previous scheduler started and this one adopted on start.
 */
final class Job {

    final String id;
    final String cronJob;
    final Instant scheduledTime;
    /** When the first attempt started: {@code activeDeadlineSeconds} counts from here. */
    final Instant startedAt;
    int failures;
    /** When the next attempt starts, after a failure; null while an attempt runs. */
    Instant retryAt;
    private StartedRun current;
    /** For a run a previous scheduler started: its process while it lives, null once gone. */
    private ProcessHandle adopted;
    /** For a run a previous scheduler started, its run id; null for a run this scheduler started. */
    private String adoptedRunId;

    private Job(String id, String cronJob, Instant scheduledTime, Instant startedAt) {
        this.id = id;
        this.cronJob = cronJob;
        this.scheduledTime = scheduledTime;
        this.startedAt = startedAt;
    }

    static Job create(ScheduledCronJob cronJob, Instant scheduledTime, Instant now) {
        return new Job(UUID.randomUUID().toString(), cronJob.name(), scheduledTime, now);
    }

    /** A run a previous scheduler process started: still running as {@code process}, or gone (null). */
    static Job adopt(ScheduledCronJob cronJob, StoredSchedule.Active active, ProcessHandle process, Instant now) {
        Job job = new Job(active.id(), cronJob.name(), active.scheduledTime(), now);
        job.adopted = process;
        job.adoptedRunId = active.runId();
        return job;
    }

    void attempt(StartedRun run) {
        current = run;
        retryAt = null;
    }

    /** An attempt could not even start (its build failed): counts as a failed attempt. */
    void notStarted() {
        current = null;
    }

    boolean adopted() {
        return adoptedRunId != null;
    }

    boolean running() {
        return current != null ? current.child().isAlive() : adopted != null && adopted.isAlive();
    }

    /** The current or last attempt's run id, or null when none started. */
    String runId() {
        return current != null ? current.runId() : adoptedRunId;
    }

    long pid() {
        return current != null ? current.child().pid() : adopted != null ? adopted.pid() : 0;
    }

    Optional<StartedRun> current() {
        return Optional.ofNullable(current);
    }

    Optional<ProcessHandle> process() {
        return current != null ? Optional.of(current.child().process()) : Optional.ofNullable(adopted);
    }

    /**
     * How the ended attempt went: its exit code; for an adopted run, which is not this process's
     * child, 0 when its record says it succeeded, else 1.
     */
    int exitCode(RunStore runs) {
        if (current != null) {
            return current.child().exitCode();
        }
        Optional<RunRecord> record = adoptedRunId == null ? Optional.empty() : runs.find(adoptedRunId);
        return record.filter(r -> r.status() == RunStatus.SUCCEEDED).isPresent() ? 0 : 1;
    }

    StoredSchedule.Active stored() {
        return new StoredSchedule.Active(id, scheduledTime, runId() == null ? "-" : runId(), pid());
    }
}
