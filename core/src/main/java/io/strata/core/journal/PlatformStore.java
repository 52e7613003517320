package io.strata.core.journal;

import java.time.Duration;
import java.util.List;

/**
 * Strata's own tables in the platform database (schema {@code strata} on PostgreSQL, tables
 * {@code strata_*} in the url's database on MySQL): the apply lock and the journal. One
 * implementation per SQL dialect.
 */
public interface PlatformStore {

    /**
     * Takes the environment's apply lock, waiting up to {@code timeout}. On timeout throws a
     * {@link io.strata.core.error.StrataException} saying since when and by whom it is held.
     */
    ApplyLock lock(Duration timeout);

    /** Appends an entry; creates Strata's schema on first use. Call only while holding the lock. */
    void record(JournalEntry entry);

    /** The latest entries, newest first; empty when nothing was ever applied. Never writes. */
    List<JournalEntry> recent(int limit);
}
