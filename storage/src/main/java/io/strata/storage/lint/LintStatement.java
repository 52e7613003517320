package io.strata.storage.lint;

import io.strata.storage.sql.ClassifiedStatement;
import io.strata.storage.sql.SchemaEffect;
import java.util.List;
import java.util.Objects;

/**
 * A statement as rules see it: split, classified, and read for its effects on the schema.
 *
 * @param effects see {@link io.strata.storage.sql.StatementClassifier#effects}
 */
public record LintStatement(ClassifiedStatement classified, List<SchemaEffect> effects) {
    public LintStatement {
        Objects.requireNonNull(classified, "classified");
        effects = List.copyOf(effects);
    }
}
