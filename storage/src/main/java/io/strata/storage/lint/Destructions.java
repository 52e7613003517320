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
     * One violation per destruction of {@code kinds}, with the classifier's reason as message.
     * With {@code onlyExisting}, destructions whose tables were all created earlier in the run
     * are left out: dropping or emptying a table the same run created loses nothing.
     */
    static List<Violation> of(LintStatement statement, LintContext context, Set<Destruction> kinds,
            boolean onlyExisting, String fix) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaEffect effect : statement.effects()) {
            if (effect instanceof Destroys d && kinds.contains(d.what())
                    && (!onlyExisting || context.anyExisting(d.objects()))) {
                violations.add(new Violation(d.reason(), fix));
            }
        }
        return List.copyOf(violations);
    }
}
