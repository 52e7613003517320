package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.List;
import java.util.Set;

/** DS102: ALTER TABLE ... DROP [COLUMN] (and ALTER TYPE ... DROP ATTRIBUTE) deletes a column's values. */
public final class DropColumn extends RuleDescriptor implements LintRule {

    public static final String CODE = "DS102";

    public DropColumn() {
        super(CODE, "DropColumn", Severity.ERROR, ALL_DIALECTS,
                "Drops a column",
                "ALTER TABLE ... DROP COLUMN deletes the column's values in every row (ALTER TYPE ... DROP"
                        + " ATTRIBUTE does the same to every column of that composite type). Code, views and"
                        + " pipelines that still select the column fail as soon as the migration commits.",
                "Expand/contract: stop reading and writing the column in a release first, copy its values"
                        + " elsewhere if they may be needed, then drop it in a later migration reviewed on its own.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_FILE;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        return Destructions.of(statement, Set.of(Destruction.COLUMN), fix());
    }
}
