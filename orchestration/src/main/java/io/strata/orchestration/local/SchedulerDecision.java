package io.strata.orchestration.local;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the local scheduler decided or saw happen, as recorded in
 * {@code strata.scheduler_decisions} and printed as one line.
 *
 * @param at when, by the scheduler's clock
 * @param cronJob the CronJob's name; {@code *} for the scheduler itself (its stop)
 * @param pipeline the pipeline, or null for the scheduler itself
 * @param scheduledTime the schedule time concerned, when there is one
 * @param runId the run concerned (a pipeline run's id), or null
 */
public record SchedulerDecision(Instant at, String cronJob, String pipeline, Kind kind, Optional<Instant> scheduledTime,
        String runId, String message) {

    /** The closed set of decisions. */
    public enum Kind {
        /** A run (an attempt) starts, for a schedule time. */
        RUN,
        /** The controller starts nothing; the message begins with the reason. */
        SKIP,
        /** An attempt failed, and the next one starts after the backoff. */
        RETRY,
        /** A run succeeded. */
        SUCCEEDED,
        /** A run failed for good: the backoff limit is used up ({@code BackoffLimitExceeded}). */
        FAIL,
        /** A run exceeded {@code activeDeadlineSeconds} ({@code DeadlineExceeded}): killed, or not retried. */
        DEADLINE,
        /** A run was stopped ({@code Replace}, or the scheduler stopping), or the scheduler stopped. */
        STOP;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public SchedulerDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cronJob, "cronJob");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scheduledTime, "scheduledTime");
        Objects.requireNonNull(message, "message");
    }

    /** {@code 2026-01-01T03:00:00.1Z customers-enrichment run 2026-01-01T03:00:00Z run 6f1c…: attempt 1}. */
    public String describe() {
        return at + " " + cronJob + " " + kind.value() + scheduledTime.map(t -> " " + t).orElse("")
                + (runId == null ? "" : " run " + runId) + ": " + message;
    }
}
