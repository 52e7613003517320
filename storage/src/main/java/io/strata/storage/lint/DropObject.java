package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.List;
import java.util.Set;

/**
 * DS107: every other DROP (view, index, function, sequence, type, constraint, role, ...). No table
 * rows go, so it warns rather than fails; but what depends on the object breaks, and CASCADE can
 * take dependent columns with it.
 */
public final class DropObject extends RuleDescriptor implements LintRule {

    public static final String CODE = "DS107";

    public DropObject() {
        super(CODE, "DropObject", Severity.WARNING, ALL_DIALECTS,
                "Drops another object (view, index, function, constraint, ...)",
                "DROP VIEW, INDEX, FUNCTION, SEQUENCE, TYPE, TRIGGER, ROLE and the like, and ALTER TABLE ..."
                        + " DROP CONSTRAINT / PRIMARY KEY / INDEX, delete no table rows, but whatever uses the"
                        + " object breaks: queries that relied on an index slow down, callers of a function fail,"
                        + " a dropped constraint lets bad rows in, a sequence loses its position. With CASCADE"
                        + " PostgreSQL also drops what depends on it, which can include columns.",
                "Check what uses the object first (callers, dependent views, queries that need the index);"
                        + " drop without CASCADE so that the database refuses while something still depends on"
                        + " it; on PostgreSQL drop an index with DROP INDEX CONCURRENTLY in a"
                        + " `-- strata:no-transaction` file.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.REPORTED;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        return Destructions.of(statement, Set.of(Destruction.OTHER_OBJECT), fix());
    }
}
