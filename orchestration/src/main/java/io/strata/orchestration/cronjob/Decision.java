package io.strata.orchestration.cronjob;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CronJob controller does for a CronJob at one moment. Every variant says when to look
 * again ({@link #wakeAt()}): the next schedule time plus the controller's 100 ms margin, or
 * empty for "only when the CronJob changes". A caller should also look again whenever an active
 * run ends, as the controller does on every Job event.
 */
public sealed interface Decision {

    /** When to decide again; empty: not until the CronJob's spec changes. */
    Optional<Instant> wakeAt();

    /** One line for a log or a decision record. */
    String describe();

    /**
     * Start a run for {@code scheduledTime} (only the most recent due time, once, however many
     * were missed), after stopping the runs in {@code stopFirst} ({@code Replace}).
     *
     * @param tooManyMissed more than 100 schedule times were missed: the controller warns
     *     ({@code TooManyMissedTimes}) and runs the most recent one all the same
     */
    record Run(Instant scheduledTime, List<ActiveRun> stopFirst, boolean tooManyMissed, Optional<Instant> wakeAt)
            implements Decision {
        public Run {
            Objects.requireNonNull(scheduledTime, "scheduledTime");
            stopFirst = List.copyOf(stopFirst);
            Objects.requireNonNull(wakeAt, "wakeAt");
        }

        @Override
        public String describe() {
            String stop = stopFirst.isEmpty() ? "" : ", replacing " + stopFirst.size() + " active run(s)";
            String missed = tooManyMissed ? " (more than 100 schedule times were missed; only this one runs)" : "";
            return "run for " + scheduledTime + stop + missed;
        }
    }

    /**
     * Start nothing, for {@code reason}. {@code scheduledTime} is the time concerned, where there
     * is one (a suspended CronJob has none: the controller does not compute it).
     */
    record Skip(SkipReason reason, Optional<Instant> scheduledTime, String message, Optional<Instant> wakeAt)
            implements Decision {
        public Skip {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(scheduledTime, "scheduledTime");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(wakeAt, "wakeAt");
        }

        @Override
        public String describe() {
            return "skip" + scheduledTime.map(t -> " " + t).orElse("") + ": " + message;
        }
    }

    /** Nothing is due. */
    record Wait(Optional<Instant> wakeAt) implements Decision {
        public Wait {
            Objects.requireNonNull(wakeAt, "wakeAt");
        }

        @Override
        public String describe() {
            return wakeAt.map(t -> "nothing due; next look at " + t).orElse("nothing due");
        }
    }
}
