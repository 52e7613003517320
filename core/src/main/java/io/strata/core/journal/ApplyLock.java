package io.strata.core.journal;

/**
 * The environment's apply lock. It is held by a database session, so it dies with the process that
 * holds it: there is never a lock row to clean up by hand.
 */
public interface ApplyLock extends AutoCloseable {

    /** Releases the lock. */
    @Override
    void close();
}
