package io.strata.orchestration.local;

import java.time.Duration;

/**
 * How the scheduler waits between looks: the one place where its time passes. The real one waits
 * on the {@link Wakeup} (a run ending, or a stop, ends the wait early); a test's moves its clock.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real wait: up to {@code duration}, or until {@code wakeup} is signalled. */
    Sleeper REAL = (duration, wakeup) -> wakeup.await(duration);

    void sleep(Duration duration, Wakeup wakeup) throws InterruptedException;
}
