package io.strata.storage.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction: its own when the connection is in autocommit (committed, or rolled
 * back on failure, and autocommit restored), else the caller's, which it simply joins.
 */
final class InTransaction {

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private InTransaction() {}

    /** In its own transaction, at {@code isolation}; the connection's level is restored after. */
    static <T> T run(Connection c, int isolation, Work<T> work) throws SQLException {
        int previous = c.getTransactionIsolation();
        return run(c, isolation, previous, work);
    }

    static void run(Connection c, Work<Void> work) throws SQLException {
        run(c, null, null, work);
    }

    private static <T> T run(Connection c, Integer isolation, Integer previous, Work<T> work) throws SQLException {
        boolean own = c.getAutoCommit();
        if (own) {
            c.setAutoCommit(false);
            if (isolation != null) {
                c.setTransactionIsolation(isolation);
            }
        }
        try {
            T result = work.run();
            if (own) {
                c.commit();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (own) {
                c.rollback();
            }
            throw e;
        } finally {
            if (own) {
                c.setAutoCommit(true);
                if (previous != null) {
                    c.setTransactionIsolation(previous);
                }
            }
        }
    }
}
