package io.strata.storage.lint;

import io.strata.storage.sql.SchemaEffect;
import io.strata.storage.sql.SchemaEffect.Destroys;
import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the DS rules share: picking a statement's destructions of some kinds. */
final class Destructions {

    private Destructions() {}

    /**
     * One violation per destruction of {@code kinds}, with the classifier's reason as message and
     * the destroyed objects (tables, for the data kinds) as its tables.
     */
    static List<Violation> of(LintStatement statement, Set<Destruction> kinds, String fix) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaEffect effect : statement.effects()) {
            if (effect instanceof Destroys d && kinds.contains(d.what())) {
                violations.add(new Violation(d.reason(), fix, d.objects()));
            }
        }
        return List.copyOf(violations);
    }
}
