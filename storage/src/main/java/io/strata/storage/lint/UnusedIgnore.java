package io.strata.storage.lint;


/**
 * LT002: a {@code strata:ignore} comment that silences nothing, because it is not where a
 * directive belongs or because the statement no longer has that finding. Left alone it would
 * silence a future, unreviewed finding, or mislead the reader into thinking one was reviewed.
 */
public final class UnusedIgnore extends RuleDescriptor {

    public static final String CODE = "LT002";

    public UnusedIgnore() {
        super(CODE, "UnusedIgnore", Severity.WARNING, ALL_DIALECTS,
                "strata:ignore comment that silences nothing",
                "The comment is not directly above a statement (on its own line, no blank line between) nor at"
                        + " the end of a statement's first line, or the statement it belongs to has no finding"
                        + " with that code (the statement changed, or the code does not apply to this dialect).",
                "Move the comment directly above the statement it is for, or delete it (or the code) if the"
                        + " finding is gone.");
    }

    /** The directive belongs to no statement. */
    public Violation misplaced(IgnoreDirective directive) {
        return new Violation(IgnoreDirective.MARKER + " " + String.join(",", directive.codes())
                + " belongs to no statement: put it on the line directly above one, or at the end of its first line",
                fix());
    }

    /** The directive's statement has no {@code code} finding to silence. */
    public Violation unused(String code) {
        return new Violation(IgnoreDirective.MARKER + " " + code + " silences nothing: its statement has no "
                + code + " finding", fix());
    }
}
