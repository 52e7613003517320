package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect;
import io.strata.storage.sql.SchemaEffect.AddsColumn;
import java.util.ArrayList;
import java.util.List;

/** LK203: ADD COLUMN ... NOT NULL without a DEFAULT fails on any table that has rows. */
public final class AddNotNullColumn extends RuleDescriptor implements LintRule {

    public static final String CODE = "LK203";

    public AddNotNullColumn() {
        super(CODE, "AddNotNullColumn", Severity.ERROR, POSTGRESQL,
                "Adds a NOT NULL column without a DEFAULT to an existing table",
                "Existing rows would get NULL in the new column, so on a table with rows PostgreSQL refuses"
                        + " the statement (\"column contains null values\") and the migration fails in"
                        + " production though it passed on an empty development database. A PRIMARY KEY"
                        + " column is NOT NULL too.",
                "Give the column a constant DEFAULT (PostgreSQL 11+ adds it without rewriting the table), or"
                        + " add it nullable, backfill it in batches, add CHECK (col IS NOT NULL) NOT VALID,"
                        + " VALIDATE CONSTRAINT, then SET NOT NULL (see LK204).");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_RUN;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaEffect effect : statement.effects()) {
            if (effect instanceof AddsColumn add && add.notNull() && !add.hasDefault()) {
                violations.add(new Violation("adds NOT NULL column " + add.column() + " without a DEFAULT to "
                        + add.table() + ": fails if the table has rows", fix(), List.of(add.table())));
            }
        }
        return List.copyOf(violations);
    }
}
