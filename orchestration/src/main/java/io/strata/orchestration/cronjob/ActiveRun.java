package io.strata.orchestration.cronjob;

import java.time.Instant;
import java.util.Objects;

/**
 * A run of the CronJob that has not finished: the controller's {@code status.active} entry.
 *
 * @param id how the caller names the run (a Job name, a process id)
 * @param scheduledTime the schedule time it was started for
 */
public record ActiveRun(String id, Instant scheduledTime) {
    public ActiveRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduledTime, "scheduledTime");
    }
}
