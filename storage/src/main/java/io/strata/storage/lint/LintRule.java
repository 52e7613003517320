package io.strata.storage.lint;

import java.util.List;

/**
 * A rule that checks one statement at a time (the DS and LK codes). Rules are pure and
 * stateless: they report what the statement does; whether the tables involved are new to the
 * run is the linter's business, by {@link #newTables()}.
 */
public interface LintRule extends Rule {

    /** What is risky in {@code statement}; empty when nothing is. */
    List<Violation> check(LintStatement statement, LintContext context);

    /** Whether tables created by the linted files themselves are left alone. */
    NewTables newTables();
}
