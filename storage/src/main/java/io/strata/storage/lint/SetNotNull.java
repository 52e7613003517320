package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect;
import io.strata.storage.sql.SchemaEffect.SetsNotNull;
import java.util.ArrayList;
import java.util.List;

/** LK204: ALTER COLUMN ... SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. */
public final class SetNotNull extends RuleDescriptor implements LintRule {

    public static final String CODE = "LK204";

    public SetNotNull() {
        super(CODE, "SetNotNull", Severity.ERROR, POSTGRESQL,
                "Sets NOT NULL on a column of an existing table",
                "On PostgreSQL, ALTER COLUMN ... SET NOT NULL holds an ACCESS EXCLUSIVE lock (no reads, no"
                        + " writes) while it scans every row for NULLs, and fails if it finds one. Only a"
                        + " validated CHECK (col IS NOT NULL) constraint lets PostgreSQL 12+ skip the scan.",
                "In one migration add CHECK (col IS NOT NULL) NOT VALID (instant); in the next run ALTER TABLE"
                        + " ... VALIDATE CONSTRAINT (scans without blocking writes); then SET NOT NULL, which"
                        + " uses the constraint instead of scanning, and drop the CHECK. Lint cannot see the"
                        + " constraint, so silence that last step with `-- strata:ignore LK204 <constraint name>"
                        + " is validated`.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_RUN;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaEffect effect : statement.effects()) {
            if (effect instanceof SetsNotNull set) {
                violations.add(new Violation("sets NOT NULL on column " + set.column() + " of " + set.table()
                        + ": scans the table while blocking reads and writes", fix(), List.of(set.table())));
            }
        }
        return List.copyOf(violations);
    }
}
