package io.strata.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Settings every Strata session on PostgreSQL starts with. */
final class PostgresSessions {

    private PostgresSessions() {}

    static void prepare(Connection c) throws SQLException {
        if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
            try (Statement s = c.createStatement()) {
                // Without it, a backend whose client was killed keeps running (and keeps the apply
                // lock) until its current statement ends; with it, it notices within a second.
                s.execute("SET client_connection_check_interval = '1s'");
                // The lock's session sits idle for the whole apply: a server-wide idle timeout
                // must not end it (and release the lock) halfway.
                s.execute("SET idle_session_timeout = 0");
            }
        }
    }
}
