package io.strata.access;

import io.strata.core.error.StrataException;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Database;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs an access plan's SQL. On PostgreSQL the whole plan is one transaction, sent as one batch:
 * it all commits or nothing does. When the batch fails, the statements are replayed one by one in
 * a fresh transaction to name the change that failed, then rolled back. A revoke whose object
 * vanished meanwhile (a migration of the same apply dropped it) is satisfied already: it is
 * skipped and the rest is retried. On MySQL, where GRANT commits by itself, statements run one by
 * one and an error says how many were applied.
 */
final class AccessApplier {

    /** SQLSTATEs meaning "that object does not exist": undefined table, schema, function, object. */
    private static final Set<String> GONE = Set.of("42P01", "3F000", "42883", "42704");

    private record Step(int change, String sql) {}

    private final boolean transactional;
    private final Database database;
    private final ApplyContext context;

    AccessApplier(boolean transactional, Database database, ApplyContext context) {
        this.transactional = transactional;
        this.database = database;
        this.context = context;
    }

    void run(List<Change> changes) {
        Set<Integer> skipped = new HashSet<>();
        try (Connection c = database.connect()) {
            if (!transactional) {
                oneByOne(c, changes, steps(changes, skipped), false);
                return;
            }
            c.setAutoCommit(false);
            while (true) {
                List<Step> steps = steps(changes, skipped);
                if (batch(c, steps)) {
                    c.commit();
                    context.progress().accept("access: " + (changes.size() - skipped.size())
                            + " change(s) applied in one transaction");
                    return;
                }
                c.rollback();
                Failure failure = oneByOne(c, changes, steps, true);
                c.rollback();
                Change failed = changes.get(failure.change());
                if (failed.action() != Action.CREATE && "revoke".equals(failed.attribute("kind"))
                        && GONE.contains(failure.error().getSQLState())) {
                    skipped.add(failure.change());
                    context.progress().accept("access: skipped `" + failed.object() + "`: " + failure.error().getMessage()
                            + " (dropped by a migration of this apply?)");
                    continue;
                }
                throw error(failed, failure.error(), "nothing of the access plan was applied (rolled back)");
            }
        } catch (SQLException e) {
            throw new StrataException("access: cannot apply on " + database.displayUrl() + ": " + e.getMessage(),
                    "check that the database is reachable");
        }
    }

    private static List<Step> steps(List<Change> changes, Set<Integer> skipped) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!skipped.contains(i)) {
                for (String sql : SqlScript.split(changes.get(i).body())) {
                    steps.add(new Step(i, sql));
                }
            }
        }
        return steps;
    }

    private static boolean batch(Connection c, List<Step> steps) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Step step : steps) {
                s.addBatch(step.sql());
            }
            s.executeBatch();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private record Failure(int change, SQLException error) {}

    /** Runs the steps in order; returns the first failure (in a transaction) or throws it (without one). */
    private Failure oneByOne(Connection c, List<Change> changes, List<Step> steps, boolean inTransaction)
            throws SQLException {
        int applied = 0;
        int lastChange = -1;
        try (Statement s = c.createStatement()) {
            for (Step step : steps) {
                try {
                    s.execute(step.sql());
                } catch (SQLException e) {
                    if (inTransaction) {
                        return new Failure(step.change(), e);
                    }
                    throw error(changes.get(step.change()), e, applied + " of " + changes.size()
                            + " change(s) were applied before it (MySQL commits each GRANT by itself); re-run plan to"
                            + " see what is left");
                }
                if (step.change() != lastChange) {
                    lastChange = step.change();
                    applied++;
                }
            }
        }
        if (inTransaction) {
            throw new IllegalStateException("the batch failed, but every statement succeeds one by one");
        }
        context.progress().accept("access: " + applied + " change(s) applied");
        return null;
    }

    private StrataException error(Change change, SQLException e, String consequence) {
        String hint = switch (String.valueOf(e.getSQLState())) {
            case "42P01", "3F000", "42883" -> "the object does not exist: add the migration that creates it, or fix"
                    + " the name in the spec" + (change.summary().contains("declared at ") ? " ("
                    + change.summary().substring(change.summary().indexOf("declared at ") + 12) + ")" : "");
            case "42501" -> "the role Strata connects as lacks a privilege this needs: docs/access.md lists what the"
                    + " executor needs (CREATEROLE, ownership of or membership in the owners of managed objects)";
            case "42704" -> "a role or object it names does not exist";
            default -> "fix the cause, then run plan and apply again";
        };
        return new StrataException("access: `" + change.action().symbol() + " " + change.object() + "` failed on "
                + database.displayUrl() + ": " + e.getMessage() + "; " + consequence, hint);
    }
}
