package io.strata.orchestration.cronjob;

/** Why a CronJob starts nothing although the controller looked at it; each is one of the controller's events. */
public enum SkipReason {
    /** {@code spec.suspend} is true: nothing is computed and nothing wakes it until the spec changes. */
    SUSPENDED,
    /**
     * The schedule time is due but a run is active and the policy is {@code Forbid}
     * ({@code JobAlreadyActive}); the time stays due, so it starts when the active run ends if it
     * is still within {@code startingDeadlineSeconds}.
     */
    FORBID_CONCURRENT,
    /**
     * The latest schedule time passed more than {@code startingDeadlineSeconds} ago
     * ({@code MissSchedule}, or no unmet time within the deadline); it will not run.
     */
    MISSED_STARTING_DEADLINE,
    /** A run for this schedule time (the same minute) is already active. */
    ALREADY_STARTED,
    /**
     * The schedule never fires (such as {@code 0 0 30 2 *}): the controller reports
     * {@code InvalidSchedule} and does not look again until the spec changes.
     */
    NEVER_FIRES
}
