package io.strata.storage.lint;

import java.util.List;

/**
 * A rule that checks one statement at a time (the DS and LK codes). Rules are pure and
 * stateless: whatever they need to know about earlier statements is in the {@link LintContext}.
 */
public interface LintRule extends Rule {

    /** What is risky in {@code statement}; empty when nothing is. */
    List<Violation> check(LintStatement statement, LintContext context);
}
