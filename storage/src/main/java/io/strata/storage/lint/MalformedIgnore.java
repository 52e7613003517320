package io.strata.storage.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LT001: a {@code strata:ignore} comment must name known codes and say why, so that every
 * silenced finding stays reviewable. Such a comment silences nothing it cannot justify: without
 * a reason it silences nothing at all; an unknown code silences nothing but the known codes beside
 * it still count.
 */
public final class MalformedIgnore extends RuleDescriptor {

    public static final String CODE = "LT001";

    public MalformedIgnore() {
        super(CODE, "MalformedIgnore", Severity.ERROR, ALL_DIALECTS,
                "strata:ignore comment without a reason or with an unknown code",
                "A `-- strata:ignore CODE reason` comment silences a finding, so a reviewer must see which"
                        + " finding and why. A comment that names no code, an unknown or unignorable code"
                        + " (the LT codes), or gives no reason is reported, and silences nothing it cannot"
                        + " justify.",
                "Write `-- strata:ignore DS101 <why this is safe>` (several codes comma-separated:"
                        + " `DS101,DS104`), with codes from docs/lint/README.md and a reason a reviewer can"
                        + " check.");
    }

    /**
     * What is wrong with {@code directive}; empty when nothing is.
     *
     * @param ignorable the codes a directive may name
     */
    public List<Violation> check(IgnoreDirective directive, Set<String> ignorable) {
        List<Violation> violations = new ArrayList<>();
        if (directive.codes().isEmpty()) {
            violations.add(new Violation(IgnoreDirective.MARKER + " names no lint code, so it silences nothing", fix()));
            return List.copyOf(violations);
        }
        for (String code : directive.codes()) {
            if (code.startsWith("LT")) {
                violations.add(new Violation(IgnoreDirective.MARKER + " cannot silence " + code
                        + ": the LT codes are about the ignore comments themselves", fix()));
            } else if (!ignorable.contains(code)) {
                violations.add(new Violation(IgnoreDirective.MARKER + " names unknown code " + code, fix()));
            }
        }
        if (directive.reason().isEmpty()) {
            violations.add(new Violation(IgnoreDirective.MARKER + " " + String.join(",", directive.codes())
                    + " gives no reason, so it silences nothing", fix()));
        }
        return List.copyOf(violations);
    }
}
