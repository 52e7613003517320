package io.strata.storage.mysql;

import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The apply lock on MySQL/MariaDB: {@code GET_LOCK} on a connection of its own. The lock belongs to
 * that session, so it is released when the connection closes, also when the process holding it is
 * killed. Who holds it is written to {@code strata_apply_lock_holder} right after taking it; that
 * row only informs whoever waits, and only when its connection id is the lock's current owner, so a
 * row left behind by a killed apply blocks no one and misleads no one.
 */
final class MySqlApplyLock {

    static final String HOLDER_TABLE = "strata_apply_lock_holder";
    private static final long POLL_MILLIS = 100;
    /** A year: the largest wait_timeout MySQL and MariaDB accept on every platform. */
    private static final int IDLE_SECONDS = 31_536_000;

    private MySqlApplyLock() {}

    /**
     * Takes the lock on {@code c}, which from then on belongs to the returned lock; on timeout
     * throws saying who holds it and leaves {@code c} to the caller.
     */
    static ApplyLock acquire(Connection c, String holder, Duration timeout) throws SQLException, InterruptedException {
        String name = MySqlLockName.of(MySqlSessions.currentDatabase(c));
        try (Statement s = c.createStatement()) {
            // The lock's session sits idle for the whole apply; a server whose wait_timeout ends idle
            // sessions would release the lock mid-apply. A process that dies still ends it at once.
            s.execute("SET SESSION wait_timeout = " + IDLE_SECONDS);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement tryLock = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            tryLock.setString(1, name);
            while (true) {
                try (ResultSet rs = tryLock.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        sayWhoHolds(c, name, holder);
                        return () -> release(c, name);
                    }
                    if (rs.wasNull()) {
                        throw new SQLException("GET_LOCK('" + name + "') failed");
                    }
                }
                if (System.nanoTime() >= deadline) {
                    throw new StrataException("another apply holds the lock of this environment ("
                            + describeHolder(c, name) + "); waited " + timeout.toMillis() + " ms, nothing was applied",
                            "wait for it to finish and retry, or raise lock_timeout in strata.yaml / --lock-timeout;"
                                    + " if its process is gone but its session is not, KILL that connection id");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private static void sayWhoHolds(Connection c, String name, String holder) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + HOLDER_TABLE + " ("
                    + " lock_name VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " connection_id BIGINT NOT NULL,"
                    + " holder TEXT NOT NULL,"
                    + " since DATETIME(6) NOT NULL COMMENT 'UTC')"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
                    + " COMMENT='Strata: who holds the apply lock (GET_LOCK), for whoever waits; not the lock itself'");
        }
        try (PreparedStatement ps = c.prepareStatement("REPLACE INTO " + HOLDER_TABLE
                + " (lock_name, connection_id, holder, since) VALUES (?, CONNECTION_ID(), ?, UTC_TIMESTAMP(6))")) {
            ps.setString(1, name);
            ps.setString(2, "strata apply by " + holder);
            ps.executeUpdate();
        }
    }

    /** "held since ... by ..." from the holder's own row when it is trustworthy, else what the server knows. */
    static String describeHolder(Connection c, String name) throws SQLException {
        long owner;
        try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                owner = rs.getLong(1);
                if (rs.wasNull()) {
                    return "held by a session that just ended";
                }
            }
        }
        String from = clientOf(c, owner);
        if (MySqlSessions.tableExists(c, HOLDER_TABLE)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT holder, since FROM " + HOLDER_TABLE
                    + " WHERE lock_name = ? AND connection_id = ?")) {
                ps.setString(1, name);
                ps.setLong(2, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return "held since " + UtcDateTimes.get(rs, 2) + " by " + rs.getString(1) + from
                                + ", connection id " + owner;
                    }
                }
            }
        }
        return "held by connection id " + owner + from + ", which did not say since when: not a Strata apply,"
                + " or one that took the lock a moment ago";
    }

    /** " from user@host:port", or "" when this user may not see the owner's session. */
    private static String clientOf(Connection c, long connectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT USER, HOST FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? " from " + rs.getString(1) + "@" + rs.getString(2) : "";
            }
        }
    }

    private static void release(Connection c, String name) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + HOLDER_TABLE
                + " WHERE lock_name = ? AND connection_id = CONNECTION_ID()")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // Only informational: a row left behind is never trusted once its session is gone.
        }
        MySqlPlatformStore.closeQuietly(c);
    }
}
