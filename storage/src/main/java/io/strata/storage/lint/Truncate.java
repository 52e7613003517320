package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.List;
import java.util.Set;

/** DS104: TRUNCATE empties tables. */
public final class Truncate extends RuleDescriptor implements LintRule {

    public static final String CODE = "DS104";

    public Truncate() {
        super(CODE, "Truncate", Severity.ERROR, ALL_DIALECTS,
                "Truncates a table",
                "TRUNCATE deletes every row of the tables (and, with CASCADE, of every table referencing them)."
                        + " On PostgreSQL it also takes an ACCESS EXCLUSIVE lock; on MySQL it commits implicitly"
                        + " and cannot be rolled back.",
                "Data belongs in pipelines, not in migrations: reload the table with a pipeline's `replace`"
                        + " sink, which swaps in new rows in one transaction. If the rows must go, archive them"
                        + " first and delete them with a reviewed DELETE ... WHERE.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_FILE;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        return Destructions.of(statement, Set.of(Destruction.TRUNCATE), fix());
    }
}
