package io.strata.storage.mysql;

import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import io.strata.core.journal.JournalEntry;
import io.strata.core.journal.PlatformStore;
import io.strata.core.layer.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Strata's apply lock and journal on MySQL/MariaDB, in the database the URL names. The lock is a
 * session-scoped {@code GET_LOCK} named for that database (see {@link MySqlLockName}), never a row:
 * it dies with its connection, so a killed apply leaves nothing to clean up.
 */
public final class MySqlPlatformStore implements PlatformStore {

    private final Database database;
    private final String holder;
    private final MySqlJournal journal = new MySqlJournal();

    /**
     * @param holder who is applying, shown to whoever waits for the lock (e.g. "alice@laptop pid 4242")
     */
    public MySqlPlatformStore(Database database, String holder) {
        this.database = database;
        this.holder = holder;
    }

    @Override
    public ApplyLock lock(Duration timeout) {
        Connection c = null;
        try {
            c = database.connect();
            return MySqlApplyLock.acquire(c, holder, timeout);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StrataException("cannot take the apply lock on " + database.displayUrl() + ": " + e.getMessage(),
                    "check that the database is reachable");
        } catch (InterruptedException e) {
            closeQuietly(c);
            Thread.currentThread().interrupt();
            throw new StrataException("interrupted while waiting for the apply lock");
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @Override
    public void record(JournalEntry entry) {
        try (Connection c = database.connect()) {
            journal.record(c, entry);
        } catch (SQLException e) {
            throw new StrataException("cannot write the journal on " + database.displayUrl() + ": " + e.getMessage());
        }
    }

    @Override
    public List<JournalEntry> recent(int limit) {
        try (Connection c = database.connect()) {
            return journal.recent(c, limit);
        } catch (SQLException e) {
            throw new StrataException("cannot read the journal on " + database.displayUrl() + ": " + e.getMessage());
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the lock dies with the session either way
            }
        }
    }
}
