package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.List;
import java.util.Set;

/** DS105: a DELETE whose own top level has no WHERE deletes every row. */
public final class DeleteWithoutWhere extends RuleDescriptor implements LintRule {

    public static final String CODE = "DS105";

    public DeleteWithoutWhere() {
        super(CODE, "DeleteWithoutWhere", Severity.ERROR, ALL_DIALECTS,
                "DELETE without WHERE",
                "A DELETE without a WHERE clause of its own deletes every row of the table. A WHERE inside a"
                        + " subquery or a CTE does not count; neither does MySQL's LIMIT, which deletes an"
                        + " arbitrary subset.",
                "Say which rows go with a WHERE clause (WHERE true if really all of them, so the intent is"
                        + " explicit), or reload the table with a pipeline's `replace` sink instead.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_FILE;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        return Destructions.of(statement, Set.of(Destruction.DELETE_ALL_ROWS), fix());
    }
}
