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

    static <T> T run(Connection c, int isolation, Work<T> work) throws SQLException {
        boolean own = c.getAutoCommit();
        int previous = c.getTransactionIsolation();
        if (own) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(isolation);
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
                c.setTransactionIsolation(previous);
            }
        }
    }

    static void run(Connection c, Work<Void> work) throws SQLException {
        run(c, c.getTransactionIsolation(), work);
    }
}
