package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.List;
import java.util.Set;

/** DS103: DROP SCHEMA, DROP DATABASE and DROP OWNED BY take every object inside with them. */
public final class DropSchema extends RuleDescriptor implements LintRule {

    public static final String CODE = "DS103";

    public DropSchema() {
        super(CODE, "DropSchema", Severity.ERROR, ALL_DIALECTS,
                "Drops a schema, a database or everything a role owns",
                "DROP SCHEMA (with CASCADE), DROP DATABASE (on MySQL the same as DROP SCHEMA) and DROP OWNED BY"
                        + " delete every table, view and function inside, with all their rows, in one statement."
                        + " Lint cannot see what is inside, so every such statement is reported.",
                "Drop the objects one by one, each table in its own reviewed migration (see DS101), and drop"
                        + " the then empty schema last, without CASCADE, so that it fails if anything is left.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.REPORTED;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        return Destructions.of(statement, Set.of(Destruction.SCHEMA, Destruction.OWNED_OBJECTS), fix());
    }
}
