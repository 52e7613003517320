package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.List;
import java.util.Set;

/** DS101: DROP TABLE, and MySQL's ALTER TABLE ... DROP PARTITION, delete rows for good. */
public final class DropTable extends RuleDescriptor implements LintRule {

    public static final String CODE = "DS101";

    public DropTable() {
        super(CODE, "DropTable", Severity.ERROR, ALL_DIALECTS,
                "Drops a table",
                "DROP TABLE deletes the table and every row in it (MySQL's ALTER TABLE ... DROP PARTITION"
                        + " deletes the partition's rows). Migrations move forward only: no later file can bring"
                        + " the data back, and code that still reads the table fails at once.",
                "Expand/contract: first release code that no longer reads or writes the table, keep or"
                        + " archive its rows (or rename it aside: ALTER TABLE t RENAME TO t_retired), and drop"
                        + " it in a later migration reviewed on its own.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_FILE;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        return Destructions.of(statement, Set.of(Destruction.TABLE, Destruction.PARTITION), fix());
    }
}
