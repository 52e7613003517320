package io.strata.orchestration.local;

import java.time.Duration;

/** A signal that ends the scheduler's wait early: a child exited, or a stop was asked for. */
public final class Wakeup {

    private boolean signalled;

    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Waits up to {@code duration} unless signalled (since the last wait); clears the signal. */
    public synchronized void await(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); !signalled && left > 0; left = end - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        signalled = false;
    }
}
