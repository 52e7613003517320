package io.strata.storage;

import io.strata.core.error.StrataException;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Database;
import io.strata.core.plan.Change;
import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Runs planned migrations in order on one connection. A transactional migration commits together
 * with its history row or not at all; a non-transactional one that fails is recorded as failed, so
 * later applies stop until someone looks.
 */
final class MigrationRunner {

    private final StorageDialect dialect;
    private final Database database;
    private final ApplyContext context;

    MigrationRunner(StorageDialect dialect, Database database, ApplyContext context) {
        this.dialect = dialect;
        this.database = database;
        this.context = context;
    }

    void run(List<Change> changes) {
        int done = 0;
        try (Connection c = database.connect()) {
            dialect.prepareSession(c);
            dialect.createHistory(c);
            String home = c.getCatalog();
            for (Change change : changes) {
                // A file may switch the session's database (MySQL's USE); each file starts where the
                // environment points, as it would in a fresh client, and its history row lands there.
                returnTo(c, home);
                Migration migration = migrationOf(change);
                MigrationScript script = dialect.analyse(migration);
                context.progress().accept("  applying " + migration.file() + " ...");
                long started = System.nanoTime();
                if (script.transactional() && dialect.transactionalDdl()) {
                    runInTransaction(c, migration, script, started, done);
                } else {
                    runStatementByStatement(c, migration, script, started, done, home);
                }
                done++;
            }
        } catch (SQLException e) {
            throw new StrataException("lost the connection to " + database.displayUrl() + " during apply after "
                    + done + " migration(s): " + e.getMessage(), "run `strata plan` to see what is still pending");
        }
    }

    private void runInTransaction(Connection c, Migration m, MigrationScript script, long started, int done)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (MigrationScript.Statement statement : script.statements()) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    rollback(c);
                    throw new StrataException(m.file() + " line " + statement.line() + ": " + e.getMessage()
                            + "\n  the migration was rolled back: nothing of it was applied" + earlier(done),
                            "fix the file (it is not applied, so editing it is fine) and apply again", e);
                }
            }
            dialect.insertHistory(c, row(m, true, true, started, null));
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw e;
        } finally {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        }
    }

    private void runStatementByStatement(Connection c, Migration m, MigrationScript script, long started, int done,
            String home) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            List<MigrationScript.Statement> statements = script.statements();
            for (int i = 0; i < statements.size(); i++) {
                MigrationScript.Statement statement = statements.get(i);
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    String error = "line " + statement.line() + ": " + e.getMessage();
                    returnTo(c, home);
                    dialect.insertHistory(c, row(m, false, false, started, error));
                    throw new StrataException(m.file() + " " + error
                            + "\n  it ran outside a transaction, so " + tookEffect(i, statement.line())
                            + "; it is recorded as failed and further applies are blocked" + earlier(done),
                            "fix the database by hand (and the file), then run `strata migrations repair`", e);
                }
            }
        }
        returnTo(c, home);
        dialect.insertHistory(c, row(m, false, true, started, null));
    }

    private static String tookEffect(int before, int line) {
        return before == 0 ? "nothing before it ran (line " + line + " is its first statement)"
                : "the " + before + (before == 1 ? " statement" : " statements") + " before line " + line
                        + " took effect";
    }

    private static void returnTo(Connection c, String home) throws SQLException {
        if (home != null && !home.equals(c.getCatalog())) {
            c.setCatalog(home);
        }
    }

    private AppliedMigration row(Migration m, boolean transactional, boolean success, long started, String error) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new AppliedMigration(m.version(), m.name(), m.file(), m.checksum(), transactional, success,
                Instant.now(), context.user(), context.gitCommit(), millis, error);
    }

    private static String earlier(int done) {
        return done == 0 ? "" : "\n  the " + done + " migration(s) before it in this apply were committed";
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the server rolls back an open transaction when the session ends anyway
        }
    }

    private static Migration migrationOf(Change change) {
        return new Migration(Long.parseLong(change.attribute("version")), change.attribute("name"), change.object(),
                change.body(), change.attribute("checksum"));
    }
}
