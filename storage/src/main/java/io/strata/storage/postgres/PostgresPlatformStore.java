package io.strata.storage.postgres;

import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import io.strata.core.journal.JournalEntry;
import io.strata.core.journal.PlatformStore;
import io.strata.core.layer.Database;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strata's apply lock and journal on PostgreSQL. The lock is a session-level advisory lock: it is
 * released when its connection closes, including when the process holding it is killed, so no lock
 * row can ever be left behind. Who holds it is told by the holder's {@code application_name}.
 */
public final class PostgresPlatformStore implements PlatformStore {

    /** Advisory lock key pair: "Strata" in the first half, 1 = the apply lock. */
    private static final int LOCK_CLASS = 0x53747261;
    private static final int LOCK_APPLY = 1;
    private static final long POLL_MILLIS = 100;

    private final Database database;
    private final String holder;

    /**
     * @param holder who is applying, shown to whoever waits for the lock (e.g. "alice@laptop pid 4242")
     */
    public PostgresPlatformStore(Database database, String holder) {
        this.database = database;
        this.holder = holder;
    }

    @Override
    public ApplyLock lock(Duration timeout) {
        Connection c = null;
        try {
            c = database.connect();
            PostgresSessions.prepare(c);
            try (PreparedStatement name = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                name.setString(1, truncate("strata apply by " + holder));
                name.execute();
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            try (PreparedStatement tryLock = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                tryLock.setInt(1, LOCK_CLASS);
                tryLock.setInt(2, LOCK_APPLY);
                while (true) {
                    try (ResultSet rs = tryLock.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            return release(c);
                        }
                    }
                    if (System.nanoTime() >= deadline) {
                        throw new StrataException("another apply holds the lock of this environment ("
                                + describeHolder(c) + "); waited " + timeout.toMillis() + " ms, nothing was applied",
                                "wait for it to finish and retry, or raise lock_timeout in strata.yaml / --lock-timeout");
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            }
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

    private static ApplyLock release(Connection c) {
        return () -> closeQuietly(c);
    }

    private static String describeHolder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.application_name, a.backend_start, a.client_addr,"
                + " a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 2"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            ps.setLong(1, LOCK_CLASS);
            ps.setLong(2, LOCK_APPLY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "held by a session that just ended";
                }
                String app = rs.getString(1);
                String who = app == null || app.isEmpty() ? "an unnamed session" : app;
                return "held since " + rs.getTimestamp(2).toInstant() + " by " + who + " from "
                        + (rs.getString(3) == null ? "a local socket" : rs.getString(3)) + ", server pid " + rs.getInt(4);
            }
        }
    }

    @Override
    public void record(JournalEntry entry) {
        try (Connection c = database.connect()) {
            createJournal(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO strata.journal (kind, environment, started_at,"
                    + " finished_at, applied_by, git_commit, plan_hash, changes, outcome, error)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, entry.kind());
                ps.setString(2, entry.environment());
                ps.setTimestamp(3, Timestamp.from(entry.startedAt()));
                ps.setTimestamp(4, Timestamp.from(entry.finishedAt()));
                ps.setString(5, entry.user());
                ps.setString(6, entry.gitCommit());
                ps.setString(7, entry.planHash());
                Array changes = c.createArrayOf("text", entry.changes().toArray());
                ps.setArray(8, changes);
                ps.setString(9, entry.outcome().name().toLowerCase(java.util.Locale.ROOT));
                ps.setString(10, entry.error());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StrataException("cannot write the journal on " + database.displayUrl() + ": " + e.getMessage());
        }
    }

    @Override
    public List<JournalEntry> recent(int limit) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('strata.journal') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return List.of();
                }
            }
            List<JournalEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, environment, started_at, finished_at,"
                    + " applied_by, git_commit, plan_hash, changes, outcome, error FROM strata.journal"
                    + " ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] changes = (String[]) rs.getArray(8).getArray();
                        entries.add(new JournalEntry(rs.getString(1), rs.getString(2),
                                rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5),
                                rs.getString(6), rs.getString(7), Arrays.asList(changes),
                                JournalEntry.Outcome.valueOf(rs.getString(9).toUpperCase(java.util.Locale.ROOT)),
                                rs.getString(10)));
                    }
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StrataException("cannot read the journal on " + database.displayUrl() + ": " + e.getMessage());
        }
    }

    private static void createJournal(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS strata");
            s.execute("CREATE TABLE IF NOT EXISTS strata.journal ("
                    + " id bigserial PRIMARY KEY,"
                    + " kind text NOT NULL,"
                    + " environment text NOT NULL,"
                    + " started_at timestamptz NOT NULL,"
                    + " finished_at timestamptz NOT NULL,"
                    + " applied_by text NOT NULL,"
                    + " git_commit text NOT NULL,"
                    + " plan_hash text,"
                    + " changes text[] NOT NULL,"
                    + " outcome text NOT NULL,"
                    + " error text)");
        }
    }

    private static String truncate(String applicationName) {
        // PostgreSQL keeps at most NAMEDATALEN-1 = 63 bytes of application_name.
        return applicationName.length() <= 63 ? applicationName : applicationName.substring(0, 63);
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
