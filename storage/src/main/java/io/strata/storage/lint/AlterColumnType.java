package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect;
import io.strata.storage.sql.SchemaEffect.AltersColumnType;
import java.util.ArrayList;
import java.util.List;

/** LK202: ALTER COLUMN ... TYPE usually rewrites the table under an ACCESS EXCLUSIVE lock. */
public final class AlterColumnType extends RuleDescriptor implements LintRule {

    public static final String CODE = "LK202";

    public AlterColumnType() {
        super(CODE, "AlterColumnType", Severity.ERROR, POSTGRESQL,
                "Changes the type of a column of an existing table",
                "On PostgreSQL, ALTER COLUMN ... TYPE takes an ACCESS EXCLUSIVE lock (no reads, no writes)"
                        + " and, unless the new type is binary-compatible (varchar(n) to a longer varchar or to"
                        + " text), rewrites the whole table and rebuilds its indexes while holding it.",
                "Expand/contract: add a new column of the new type, fill it in batches (and keep it in step"
                        + " with a trigger or in the writing code), switch readers to it, then drop the old"
                        + " column later. A binary-compatible change such as widening a varchar is fast:"
                        + " silence it with `-- strata:ignore LK202 <why it is safe>`.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_RUN;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaEffect effect : statement.effects()) {
            if (effect instanceof AltersColumnType alter) {
                violations.add(new Violation("changes the type of column " + alter.column() + " of "
                        + alter.table() + ": locks the table and may rewrite it", fix(), List.of(alter.table())));
            }
        }
        return List.copyOf(violations);
    }
}
