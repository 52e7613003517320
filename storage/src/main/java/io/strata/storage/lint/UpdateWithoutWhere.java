package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.List;
import java.util.Set;

/** DS106: an UPDATE whose own top level has no WHERE overwrites every row. */
public final class UpdateWithoutWhere extends RuleDescriptor implements LintRule {

    public static final String CODE = "DS106";

    public UpdateWithoutWhere() {
        super(CODE, "UpdateWithoutWhere", Severity.ERROR, ALL_DIALECTS,
                "UPDATE without WHERE",
                "An UPDATE without a WHERE clause of its own overwrites the column in every row of the table:"
                        + " the old values are gone. A WHERE inside a subquery does not count. On a large"
                        + " PostgreSQL table it also rewrites every row and holds row locks until commit.",
                "Say which rows change with a WHERE clause (WHERE true if really all of them, so the intent is"
                        + " explicit); to backfill a large table, update it in batches of keys.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_FILE;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        return Destructions.of(statement, Set.of(Destruction.UPDATE_ALL_ROWS), fix());
    }
}
