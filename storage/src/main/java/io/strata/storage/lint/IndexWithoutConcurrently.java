package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect;
import io.strata.storage.sql.SchemaEffect.CreatesIndex;
import java.util.ArrayList;
import java.util.List;

/** LK201: CREATE INDEX without CONCURRENTLY blocks writes to an existing table while it builds. */
public final class IndexWithoutConcurrently extends RuleDescriptor implements LintRule {

    public static final String CODE = "LK201";

    public IndexWithoutConcurrently() {
        super(CODE, "IndexWithoutConcurrently", Severity.ERROR, POSTGRESQL,
                "CREATE INDEX without CONCURRENTLY on an existing table",
                "On PostgreSQL, CREATE INDEX takes a SHARE lock on the table for the whole build: every"
                        + " INSERT, UPDATE and DELETE waits until the index is built, which on a large table"
                        + " takes minutes. Tables created earlier in the same run are not reported: they"
                        + " have no rows to index yet.",
                "Build it with CREATE INDEX CONCURRENTLY, alone in a migration file whose first line is"
                        + " `-- strata:no-transaction` (CONCURRENTLY cannot run inside a transaction). If the"
                        + " build fails it leaves an INVALID index: drop it and apply again.");
    }

    @Override
    public NewTables newTables() {
        return NewTables.EXEMPT_IF_CREATED_IN_RUN;
    }

    @Override
    public List<Violation> check(LintStatement statement, LintContext context) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaEffect effect : statement.effects()) {
            if (effect instanceof CreatesIndex index && !index.concurrently()) {
                String name = index.index().isEmpty() ? "an index" : "index " + index.index();
                violations.add(new Violation("creates " + name + " on " + index.table()
                        + " without CONCURRENTLY: writes to " + index.table() + " wait until it is built", fix(),
                        List.of(index.table())));
            }
        }
        return List.copyOf(violations);
    }
}
