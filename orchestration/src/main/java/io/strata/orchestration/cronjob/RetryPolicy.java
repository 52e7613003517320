package io.strata.orchestration.cronjob;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Job-level rules for one run: whether a failed attempt may be retried, when, and when the
 * whole run has exceeded its deadline, as the Kubernetes Job controller decides them
 * (pkg/controller/job: {@code pastBackoffLimitOnFailure}, the {@code failed > backoffLimit}
 * check, {@code getRemainingTimeForFailuresCount}, {@code pastActiveDeadline}).
 *
 * @param backoffLimit {@code spec.backoffLimit} (Kubernetes' default is {@value #DEFAULT_BACKOFF_LIMIT})
 * @param restartPolicy the pod template's {@code restartPolicy}
 * @param activeDeadlineSeconds {@code spec.activeDeadlineSeconds}: how long the run may take, all
 *     attempts and waits included; empty: no limit
 */
public record RetryPolicy(int backoffLimit, RestartPolicy restartPolicy, Optional<Long> activeDeadlineSeconds) {

    public static final int DEFAULT_BACKOFF_LIMIT = 6;
    /** The wait after a first failure; it doubles with each further one. */
    public static final Duration INITIAL_BACKOFF = Duration.ofSeconds(10);
    /** The longest wait between attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(6);

    /** Why a run fails for good. */
    public enum FailureReason {
        /** {@code BackoffLimitExceeded}. */
        BACKOFF_LIMIT_EXCEEDED,
        /** {@code DeadlineExceeded}. */
        DEADLINE_EXCEEDED
    }

    /** What follows a failed attempt. */
    public sealed interface AfterFailure {
        /** Start the next attempt at {@code at}. */
        record RetryAt(Instant at, int attempt) implements AfterFailure {}

        /** The run has failed: no further attempt. {@code at} is when it counts as failed. */
        record Fail(FailureReason reason, Instant at) implements AfterFailure {}
    }

    public RetryPolicy {
        if (backoffLimit < 0) {
            throw new InvalidCronJobException("spec.jobTemplate.spec.backoffLimit",
                    "must be greater than or equal to 0, not " + backoffLimit, "0 means no retry");
        }
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        Objects.requireNonNull(activeDeadlineSeconds, "activeDeadlineSeconds");
        if (activeDeadlineSeconds.isPresent() && activeDeadlineSeconds.get() < 0) {
            throw new InvalidCronJobException("spec.jobTemplate.spec.activeDeadlineSeconds",
                    "must be greater than or equal to 0, not " + activeDeadlineSeconds.get(),
                    "leave it out for no limit, or give the seconds a run may take");
        }
    }

    /** Kubernetes' defaults: {@code backoffLimit} 6, no deadline. */
    public static RetryPolicy defaults(RestartPolicy restartPolicy) {
        return new RetryPolicy(DEFAULT_BACKOFF_LIMIT, restartPolicy, Optional.empty());
    }

    /**
     * Whether {@code failedAttempts} failures use up the backoff limit. With {@code Never} the Job
     * fails when failed pods exceed the limit (limit 2: a third failure ends it); with
     * {@code OnFailure} when container restarts reach it (limit 2: the second failure ends it),
     * and with a limit of 0 at the first failure either way.
     */
    public boolean backoffLimitExceeded(int failedAttempts) {
        if (restartPolicy == RestartPolicy.NEVER) {
            return failedAttempts > backoffLimit;
        }
        return backoffLimit == 0 ? failedAttempts > 0 : failedAttempts >= backoffLimit;
    }

    /** The wait after the {@code failures}-th consecutive failure: 10s, 20s, 40s, ... at most 6 minutes. */
    public static Duration backoff(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration wait = INITIAL_BACKOFF;
        for (int i = 1; i < failures; i++) {
            wait = wait.multipliedBy(2);
            if (wait.compareTo(MAX_BACKOFF) >= 0) {
                return MAX_BACKOFF;
            }
        }
        return wait;
    }

    /** When the run started at {@code runStart} exceeds {@code activeDeadlineSeconds}, if it has one. */
    public Optional<Instant> deadline(Instant runStart) {
        return activeDeadlineSeconds.map(runStart::plusSeconds);
    }

    /** Whether a run started at {@code runStart} has exceeded its deadline at {@code now} (reached counts). */
    public boolean deadlineExceeded(Instant runStart, Instant now) {
        return deadline(runStart).filter(d -> !now.isBefore(d)).isPresent();
    }

    /**
     * After the {@code failedAttempts}-th failed attempt, at {@code failedAt}, of a run started at
     * {@code runStart}: the backoff limit is checked first, then the deadline, as the Job
     * controller does; a retry that could only start at or after the deadline is a failure at
     * the deadline.
     */
    public AfterFailure afterFailure(int failedAttempts, Instant runStart, Instant failedAt) {
        if (backoffLimitExceeded(failedAttempts)) {
            return new AfterFailure.Fail(FailureReason.BACKOFF_LIMIT_EXCEEDED, failedAt);
        }
        Optional<Instant> deadline = deadline(runStart);
        if (deadline.isPresent() && !failedAt.isBefore(deadline.get())) {
            return new AfterFailure.Fail(FailureReason.DEADLINE_EXCEEDED, failedAt);
        }
        Instant retryAt = failedAt.plus(backoff(failedAttempts));
        if (deadline.isPresent() && !retryAt.isBefore(deadline.get())) {
            return new AfterFailure.Fail(FailureReason.DEADLINE_EXCEEDED, deadline.get());
        }
        return new AfterFailure.RetryAt(retryAt, failedAttempts + 1);
    }
}
